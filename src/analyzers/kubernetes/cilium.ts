import type { Effect } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, worseInProduction, type Cli } from '../subcommands.js';
import { kubeCliHints } from './cli-hints.js';

// The cilium CLI installs and removes Cilium, the cluster's network plugin (CNI): `cilium uninstall` leaves
// every pod of the cluster without networking, and `clustermesh disable` cuts the cluster off its mesh
// peers. Both were allowed as an unknown program's words. In a dev cluster that is a reinstall; in
// production (or a cluster nobody recognised) an outage of every workload. Looking stays allowed.

const VALUE_OPTIONS = [
  '--context',
  '--kubeconfig',
  '-n',
  '--namespace',
  '--helm-release-name',
  '--as',
  '--as-group',
  '--timeout',
  '--test-namespace',
  '--version',
  '--set',
  '--set-string',
  '--set-file',
  '--values',
  '-f',
  '--chart-directory',
  '--repository',
  '--datapath-mode',
  '--destination-context',
  '--connection-mode',
  '--service-type',
  '--test',
  '-o',
  '--output',
  '--output-file',
];

const VERBS: Cli['verbs'] = {
  uninstall: worseInProduction(
    destroys(
      'high',
      'cluster',
      "removes Cilium, the cluster's network plugin: every pod of the cluster loses networking",
    ),
    'critical',
  ),
  'clustermesh disable': worseInProduction(
    destroys(
      'medium',
      'cluster',
      'removes ClusterMesh: services shared with the other clusters lose their remote endpoints',
    ),
    'high',
  ),
  'clustermesh disconnect': worseInProduction(
    changes('medium', 'cluster', 'disconnects the cluster from a remote cluster of its mesh'),
    'high',
  ),
  'hubble disable': changes('low', 'monitoring', 'disables Hubble, the network observability', true),
  install: changes('low', 'cluster', 'installs Cilium', true),
  upgrade: changes('low', 'cluster', 'upgrades Cilium', true),
  'clustermesh enable': changes('low', 'cluster', 'enables ClusterMesh', true),
  'clustermesh connect': changes('low', 'cluster', 'connects to a remote cluster', true),
  'hubble enable': changes('low', 'monitoring', 'enables Hubble', true),
  // `connectivity test` deploys its test pods in its own namespace (cilium-test…) and touches nothing that
  // exists: the documented check of an install, as routine as `status`.
  ...everyday('status', 'version', 'connectivity', 'sysdump', 'config view', 'clustermesh status'),
  ...everyday(
    'hubble port-forward',
    'hubble ui',
    'encryption status',
    'bgp peers',
    'bgp routes',
    'completion',
  ),
};

const CILIUM: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  // -n is the namespace Cilium runs in (kube-system), not where the change lands.
  hints: (call) => kubeCliHints(call, { context: ['--context'], kubeconfig: ['--kubeconfig'] }),
};

export function cilium(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, CILIUM);
}
