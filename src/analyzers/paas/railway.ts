import type { Invocation } from '../analyzer.js';
import { changes, destroys, nameHints, placeHints, subcommandEffects, type Cli } from '../subcommands.js';

// Railway: the linked project, its environment (-e, an explicit hint) and service (-s, a name).

const VERBS: Cli['verbs'] = {
  down: destroys('high', 'app', 'removes the latest deployment of the service'),
  delete: destroys('critical', 'app', 'deletes the project with its services, volumes and variables'),
  'environment delete': destroys('critical', 'app', 'deletes the environment with its services and volumes'),
  'volume delete': destroys('critical', 'volume', 'deletes the volume and its data'),
  redeploy: changes('low', 'app', 'redeploys the service', true),
  up: changes('low', 'app', 'deploys the project', true),
};

const RAILWAY: Cli = {
  options: { withValue: ['-e', '--environment', '-s', '--service', '-p', '--project', '-v', '--volume'] },
  verbs: VERBS,
  aliases: { rm: 'delete', remove: 'delete', env: 'environment' },
  hints: (call) => [
    ...placeHints(call, 'flag --environment', '-e', '--environment'),
    ...nameHints(call, 'railway service', '-s', '--service'),
  ],
};

export function railway(inv: Invocation) {
  return subcommandEffects(inv, RAILWAY);
}
