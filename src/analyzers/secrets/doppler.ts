import type { EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  nameHints,
  placeHints,
  subcommandEffects,
  type Call,
  type Cli,
  envHint,
} from '../subcommands.js';

// Doppler: secrets live in a project's configs (`dev`, `stg`, `prd`, `prd_eu`…). The config says where a
// call lands (an explicit hint); the project is a name only.

const VERBS: Cli['verbs'] = {
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
