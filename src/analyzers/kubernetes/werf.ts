import type { Effect } from '../../core/types.js';
import { hasOption, optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, type Call, type Cli, type Verb } from '../subcommands.js';
import { environmentHints, kubeCliHints } from './cli-hints.js';

// werf builds images and deploys them with Helm. `werf dismiss` uninstalls the app's release (every object
// of it), and with --with-namespace deletes its namespace too; `werf purge` deletes every image of the
// project from the container registry. `converge` deploys, as `helm upgrade` does. Its environment (--env,
// WERF_ENV) names where the release lands, as --kube-context does.

const VALUE_OPTIONS = [
  '--env',
  '--kube-context',
  '--kube-config',
  '--kube-config-base64',
  '--namespace',
  '--release',
  '--dir',
  '--config',
  '--config-templates-dir',
  '--repo',
  '--values',
  '--set',
  '--set-string',
  '--secret-values',
  '--tmp-dir',
  '--home-dir',
  '--git-work-tree',
  '--platform',
  '--timeout',
];

const dismiss = (call: Call): Verb =>
  hasOption(call.options, '--with-namespace')
    ? destroys(
        'critical',
        'namespace',
        "uninstalls the app's release and deletes its namespace with all it holds",
      )
    : destroys('high', 'release', "uninstalls the app's release: every object of it is deleted");

const VERBS: Cli['verbs'] = {
  dismiss,
  converge: changes('low', 'release', 'builds and deploys the app', true),
  purge: destroys('medium', 'image', 'deletes every image of the project from the container registry'),
  cleanup: changes('low', 'image', 'deletes images its cleanup policies no longer keep from the registry'),
  ...everyday('render', 'plan', 'build', 'version', 'completion', 'config'),
};

const WERF: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  hints: (call) => [
    ...environmentHints(call, ['--env'], 'WERF_ENV'),
    ...kubeCliHints(call, {
      context: ['--kube-context'],
      kubeconfig: ['--kube-config'],
      namespace: ['--namespace'],
      envContext: 'WERF_KUBE_CONTEXT',
    }),
  ],
  target: (call) => optionValue(call.options, '--release', '--env'),
};

export function werf(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, WERF);
}
