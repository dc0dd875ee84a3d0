import type { Effect } from '../../core/types.js';
import { optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, worseInProduction, type Cli } from '../subcommands.js';
import { environmentHints, kubeCliHints } from './cli-hints.js';

// helmfile runs helm over every release its state file lists. `destroy` (and the older `delete`) uninstall
// them all, as `helm uninstall` of each would; `sync` and `apply` upgrade them all and uninstall those marked
// `installed: false`. It was an unknown program: `helmfile -e production sync` was allowed unplaced. Its
// environment (-e, HELMFILE_ENVIRONMENT) names where the releases land, as --kube-context does.

const VALUE_OPTIONS = [
  '-e',
  '--environment',
  '-f',
  '--file',
  '--kube-context',
  '-n',
  '--namespace',
  '-l',
  '--selector',
  '--state-values-set',
  '--state-values-set-string',
  '--state-values-file',
  '-b',
  '--helm-binary',
  '--chart',
  '--log-level',
  '--args',
  '--concurrency',
  '--context',
  '--output-dir',
  '--output-dir-template',
  '--timeout',
  '--set',
  '--values',
];

const uninstallsAll = destroys(
  'high',
  'release',
  'uninstalls every release of the helmfile: every object of each is deleted',
);

/** Low in dev or staging, as `helm upgrade` is; in production it may uninstall releases too. */
const sync = worseInProduction(
  changes(
    'low',
    'release',
    'installs or upgrades every release of the helmfile, and uninstalls those marked installed: false',
  ),
  'medium',
);

const VERBS: Cli['verbs'] = {
  destroy: uninstallsAll,
  delete: uninstallsAll,
  sync,
  apply: sync,
  charts: sync,
  test: changes('low', 'release', 'runs the test pods of every release', true),
  ...everyday('diff', 'lint', 'template', 'list', 'build', 'deps', 'repos', 'fetch', 'write-values'),
  ...everyday('status', 'version', 'show-dag', 'cache', 'init', 'completion'),
};

const HELMFILE: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  hints: (call) => [
    ...environmentHints(call, ['-e', '--environment'], 'HELMFILE_ENVIRONMENT'),
    ...kubeCliHints(call, {
      context: ['--kube-context'],
      kubeconfig: [],
      namespace: ['-n', '--namespace'],
      envContext: 'HELM_KUBECONTEXT',
    }),
  ],
  target: (call) => optionValue(call.options, '-l', '--selector') ?? 'helmfile',
};

export function helmfile(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, HELMFILE);
}
