import type { EnvironmentHint } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  nameHints,
  placeHints,
  reads,
  subcommandEffects,
  type Call,
  type Cli,
  envHint,
} from '../subcommands.js';

// Doppler: secrets live in a project's configs (`dev`, `stg`, `prd`, `prd_eu`…). The config says where a
// call lands (an explicit hint); the project is a name only. `doppler run` is peeled as an environment
// runner (shell/environment-runners.ts), never listed here.

const VERBS: Cli['verbs'] = {
  // Only this machine: which project and config a directory uses, the CLI's own settings.
  ...everyday('setup', 'configure set', 'configure unset', 'me', 'open', 'activity', 'changelog', 'update'),
  'secrets get': reads('secrets', 'prints the secrets'),
  'secrets download': reads('secrets', "prints or writes out the config's secrets"),
  'secrets substitute': reads('secrets', 'fills a template with the secrets'),
  'projects create': changes('low', 'secrets', 'creates a project', true),
  'environments create': changes('low', 'secrets', 'creates an environment', true),
  'configs create': changes('low', 'secrets', 'creates a config', true),
  'configs clone': changes('low', 'secrets', 'copies the config and its secrets to a new one', true),
  'configs lock': changes('low', 'secrets', 'locks the config against renaming and deletion', true),
  'configs unlock': changes('low', 'secrets', 'unlocks the config', true),
  // What reads a config or an environment by its name stops finding it.
  'projects update': (call) =>
    hasOption(call.options, '--name')
      ? changes('medium', 'secrets', 'renames the project', true)
      : changes('low', 'secrets', "changes the project's description", true),
  'environments rename': changes('medium', 'secrets', 'renames the environment', true),
  'configs update': changes('medium', 'secrets', 'renames the config', true),
  'secrets delete': destroys('high', 'secrets', 'deletes the secrets from the config'),
  'secrets set': changes(
    'medium',
    'secrets',
    'sets secrets (a value it replaces is kept in the config history)',
  ),
  'secrets upload': changes('high', 'secrets', 'uploads a file of secrets over the config'),
  'projects delete': destroys(
    'critical',
    'secrets',
    'deletes the project with every environment, config and secret',
  ),
  'environments delete': destroys(
    'critical',
    'secrets',
    'deletes the environment with its configs and secrets',
  ),
  'configs delete': destroys('high', 'secrets', 'deletes the config and its secrets'),
  'configs tokens revoke': destroys('medium', 'iam', 'revokes a service token'),
};

const VALUE_OPTIONS = [
  '-p',
  '--project',
  '-c',
  '--config',
  '--token',
  '--scope',
  '--format',
  '--configuration',
  '-e',
  '--environment',
  '--name',
  '--description',
];

function hints(call: Call): EnvironmentHint[] {
  return [
    ...placeHints(call, 'flag --config', '-c', '--config'),
    ...envHint(call, 'DOPPLER_CONFIG'),
    ...nameHints(call, 'doppler project', '-p', '--project'),
    ...envHint(call, 'DOPPLER_PROJECT', true),
  ];
}

const DOPPLER: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: {
    rm: 'delete',
    remove: 'delete',
    secret: 'secrets',
    project: 'projects',
    environment: 'environments',
    config: 'configs',
  },
  hints,
};

export function doppler(inv: Invocation) {
  return subcommandEffects(inv, DOPPLER);
}
