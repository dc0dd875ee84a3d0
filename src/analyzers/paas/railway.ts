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
  type Cli,
} from '../subcommands.js';

// Railway: the linked project, its environment (-e, an explicit hint) and service (-s, a name). `run`
// is an environment runner; `shell`, `connect` and `ssh` open a shell or a database client, and stay
// unlisted.

const setVariables = changes('low', 'config', 'sets variables (the service redeploys)', true);

const VERBS: Cli['verbs'] = {
  down: destroys('high', 'app', 'removes the latest deployment of the service'),
  delete: destroys('critical', 'app', 'deletes the project with its services, volumes and variables'),
  'environment delete': destroys('critical', 'app', 'deletes the environment with its services and volumes'),
  'volume delete': destroys('critical', 'volume', 'deletes the volume and its data'),
  redeploy: changes('low', 'app', 'redeploys the service', true),
  up: changes('low', 'app', 'deploys the project', true),
  restart: changes('low', 'app', 'restarts the service', true),
  // `railway variables`, `variables list`, `variables get KEY` print values; `--set` sets them. (Any other
  // word after `variables` is refused by the CLI.)
  variables: (call) =>
    hasOption(call.options, '--set')
      ? setVariables
      : reads('secrets', 'prints the variables with their values'),
  'variables set': setVariables,
  'variables delete': changes('medium', 'config', 'removes a variable (the service redeploys without it)'),
  // Only the link between this directory and a project, environment or service; `open` and `docs` a page.
  ...everyday('link', 'unlink', 'environment link', 'service link', 'open', 'docs'),
};

const RAILWAY: Cli = {
  options: {
    withValue: [
      '-e',
      '--environment',
      '-s',
      '--service',
      '-p',
      '--project',
      '-v',
      '--volume',
      '--set',
      '-w',
      '--workspace',
    ],
  },
  verbs: VERBS,
  aliases: {
    rm: 'delete',
    remove: 'delete',
    env: 'environment',
    vars: 'variables',
    var: 'variables',
    variable: 'variables',
  },
  hints: (call) => [
    ...placeHints(call, 'flag --environment', '-e', '--environment'),
    ...nameHints(call, 'railway service', '-s', '--service'),
  ],
};

export function railway(inv: Invocation) {
  return subcommandEffects(inv, RAILWAY);
}
