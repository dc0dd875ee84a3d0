import type { Effect } from '../../core/types.js';
import { optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, unlessOption, type Cli } from '../subcommands.js';
import { kubeCliHints } from './cli-hints.js';

// kapp (Carvel) deploys a set of Kubernetes objects as one app: `kapp delete -a billing` deletes every
// object of the app, as `helm uninstall` deletes a release's, and is judged alike; `kapp deploy` is an
// upgrade. With --diff-run both only print the changes. Inspecting and listing stay allowed.

const VALUE_OPTIONS = [
  '-a',
  '--app',
  '-n',
  '--namespace',
  '--kubeconfig',
  '--kubeconfig-context',
  '--kubeconfig-yaml',
  '-f',
  '--file',
  '-g',
  '--group',
  '--directory',
  '--new-name',
  '--filter',
  '--filter-kind',
  '--filter-name',
  '--filter-ns',
  '--diff-context',
  '--wait-timeout',
  '--wait-check-interval',
  '--apply-concurrency',
  '--wait-concurrency',
  '--column',
  '--app-changes-max-to-keep',
];

const VERBS: Cli['verbs'] = {
  delete: unlessOption(destroys('high', 'release', 'deletes every object of the app'), '--diff-run'),
  'app-group delete': unlessOption(
    destroys('high', 'release', 'deletes every object of every app of the group'),
    '--diff-run',
  ),
  deploy: unlessOption(changes('low', 'release', 'deploys the app', true), '--diff-run'),
  'app-group deploy': unlessOption(
    changes('low', 'release', 'deploys the apps of the group', true),
    '--diff-run',
  ),
  rename: changes('low', 'release', 'renames the app', true),
  ...everyday(
    'inspect',
    'list',
    'ls',
    'logs',
    'app-change',
    'deploy-config',
    'version',
    'tools',
    'completion',
  ),
};

const KAPP: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { del: 'delete', dep: 'deploy', i: 'inspect', l: 'list' },
  hints: (call) =>
    kubeCliHints(call, {
      context: ['--kubeconfig-context'],
      kubeconfig: ['--kubeconfig'],
      namespace: ['-n', '--namespace'],
    }),
  target: (call) => optionValue(call.options, '-a', '--app') ?? optionValue(call.options, '-g', '--group'),
};

export function kapp(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, KAPP);
}
