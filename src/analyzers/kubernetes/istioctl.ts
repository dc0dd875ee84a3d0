import type { Effect } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import {
  changes,
  destroys,
  everyday,
  unlessOption,
  worseInProduction,
  type Call,
  type Cli,
  type Verb,
} from '../subcommands.js';
import { kubeCliHints } from './cli-hints.js';

// istioctl installs and removes the Istio service mesh. `istioctl uninstall --purge` removes the control
// plane and every Istio resource with its CRDs (the mesh's routing and security policies go with them);
// `uninstall -r REV` removes one revision, whose sidecars lose their control plane. Both were allowed as an
// unknown program's words. Analysing, proxy status and prechecks only look.

const VALUE_OPTIONS = [
  '--context',
  '--kubeconfig',
  '-c',
  '-i',
  '--istioNamespace',
  '-n',
  '--namespace',
  '-r',
  '--revision',
  '-f',
  '--filename',
  '-s',
  '--set',
  '-o',
  '--output',
  '--vklog',
  '--manifests',
];

const uninstall = (call: Call): Verb | undefined =>
  unlessOption(
    hasOption(call.options, '--purge')
      ? worseInProduction(
          destroys(
            'high',
            'cluster',
            'removes the Istio control plane and every Istio resource with its CRDs: the mesh and its policies',
          ),
          'critical',
        )
      : worseInProduction(
          destroys(
            'medium',
            'cluster',
            'removes an Istio control plane revision: its sidecars lose their control plane',
          ),
          'high',
        ),
    '--dry-run',
  )(call);

const install = unlessOption(
  changes('low', 'cluster', 'installs or upgrades the Istio control plane', true),
  '--dry-run',
);

const VERBS: Cli['verbs'] = {
  uninstall,
  'x uninstall': uninstall,
  'experimental uninstall': uninstall,
  'operator remove': destroys('medium', 'cluster', 'removes the Istio operator'),
  'waypoint delete': destroys('medium', 'cluster', 'deletes waypoint proxies: traffic through them stops'),
  'x waypoint delete': destroys('medium', 'cluster', 'deletes waypoint proxies: traffic through them stops'),
  install,
  upgrade: install,
  'manifest install': install,
  ...everyday('analyze', 'proxy-status', 'ps', 'proxy-config', 'pc', 'version', 'verify-install', 'validate'),
  ...everyday('precheck', 'x precheck', 'experimental precheck', 'x describe', 'experimental describe'),
  ...everyday('describe', 'dashboard', 'bug-report', 'kube-inject', 'manifest generate', 'manifest diff'),
  ...everyday(
    'profile',
    'ztunnel-config',
    'waypoint list',
    'waypoint status',
    'waypoint generate',
    'tag list',
  ),
  ...everyday('tag generate', 'x authz', 'x check-inject', 'x internal-debug', 'admin', 'completion'),
};

const ISTIOCTL: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  // istioctl's -c is its --kubeconfig.
  hints: (call) => kubeCliHints(call, { context: ['--context'], kubeconfig: ['--kubeconfig', '-c'] }),
};

export function istioctl(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, ISTIOCTL);
}
