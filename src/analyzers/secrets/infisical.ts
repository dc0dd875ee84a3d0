import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  nameHints,
  placeHints,
  reads,
  subcommandEffects,
  type Cli,
} from '../subcommands.js';

// Infisical: secrets per environment (`--env dev|staging|prod`, an explicit hint) and folder (`--path`).
// `infisical run` is peeled as an environment runner (shell/environment-runners.ts), never listed here;
// `infisical reset` erases the CLI's local state and stays unlisted.

const VERBS: Cli['verbs'] = {
  // Only this machine: the project a directory uses, where logins are kept, which user is logged in, a scan
  // of the local repository for leaked secrets.
  ...everyday('init', 'vault set', 'vault use', 'user switch', 'user update domain', 'scan'),
  export: reads('secrets', "prints or writes out the environment's secrets"),
  'secrets get': reads('secrets', 'prints the secrets'),
  'secrets generate-example-env': reads('secrets', 'prints an example .env made from the secrets'),
  'user get token': reads('secrets', "prints the logged-in user's token"),
  'secrets delete': destroys('high', 'secrets', 'deletes the secrets from the environment'),
  'secrets set': changes('medium', 'secrets', 'sets secrets (a value it replaces is overwritten)'),
  'secrets folders create': changes('low', 'secrets', 'creates a folder of secrets', true),
  'secrets folders delete': destroys('high', 'secrets', 'deletes a folder of secrets'),
};

const VALUE_OPTIONS = [
  '--env',
  '--path',
  '--projectId',
  '--token',
  '--type',
  '--domain',
  '--tags',
  '--name',
  '--format',
  '--output-file',
  '--template',
];

const INFISICAL: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { rm: 'delete', remove: 'delete' },
  hints: (call) => [
    ...placeHints(call, 'flag --env', '--env'),
    ...nameHints(call, 'infisical path', '--path'),
  ],
};

export function infisical(inv: Invocation) {
  return subcommandEffects(inv, INFISICAL);
}
