import type { Invocation } from '../analyzer.js';
import { changes, destroys, nameHints, placeHints, subcommandEffects, type Cli } from '../subcommands.js';

// Infisical: secrets per environment (`--env dev|staging|prod`, an explicit hint) and folder (`--path`).

const VERBS: Cli['verbs'] = {
  'secrets delete': destroys('high', 'secrets', 'deletes the secrets from the environment'),
  'secrets set': changes('medium', 'secrets', 'sets secrets (a value it replaces is overwritten)'),
  'secrets folders delete': destroys('high', 'secrets', 'deletes a folder of secrets'),
};

const VALUE_OPTIONS = ['--env', '--path', '--projectId', '--token', '--type', '--domain', '--tags', '--name'];

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
