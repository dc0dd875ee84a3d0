import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { listedSubcommandEffects } from './listed-subcommands.js';
import { destroys, everyday, unlessOption, worseInProduction, type Cli, type Verb } from './subcommands.js';

// What turns this machine back from a Kubernetes node: `kubeadm reset` deletes the node's Kubernetes state
// (on a control plane with stacked etcd, by default, the etcd data directory: the cluster's whole state),
// `microk8s reset` removes every workload (and with --destroy-storage the volumes' data), the k3s and RKE2
// uninstall scripts remove the distribution with its datastore, and their killall scripts stop every pod of
// the node. All were allowed. They act on this machine, as a disk eraser does (storage.ts): placed by the
// host they run on (ssh, the edge's host), non-production otherwise.

const local = (verb: Verb): Verb => ({ ...verb, local: true });

const KUBEADM: Cli = {
  options: {
    withValue: [
      '--cert-dir',
      '--config',
      '--cri-socket',
      '--ignore-preflight-errors',
      '--kubeconfig',
      '--skip-phases',
      '--rootfs',
    ],
  },
  verbs: {
    reset: unlessOption(
      local(
        destroys(
          'critical',
          'cluster',
          "wipes this node's Kubernetes state; on a control plane, its etcd member and data: the cluster's state",
        ),
      ),
      '--dry-run',
    ),
    'reset phase cleanup-node': unlessOption(
      local(
        destroys('critical', 'cluster', "deletes this node's Kubernetes files and its etcd data directory"),
      ),
      '--dry-run',
    ),
    'reset phase remove-etcd-member': unlessOption(
      local(destroys('high', 'cluster', "removes this node's member from the cluster's etcd")),
      '--dry-run',
    ),
    ...everyday('token list', 'token generate', 'config print', 'config images', 'config validate'),
    ...everyday('version', 'certs check-expiration', 'upgrade plan', 'reset phase preflight', 'completion'),
  },
  hints: () => [],
  target: () => 'this node',
};

const MICROK8S: Cli = {
  options: { withValue: ['--timeout'] },
  verbs: {
    reset: (call) =>
      call.options.options.has('--destroy-storage')
        ? local(
            destroys(
              'critical',
              'cluster',
              'removes every workload of this node and deletes its volumes with their data',
            ),
          )
        : local(
            destroys(
              'high',
              'cluster',
              'removes every workload and setting of this node, back to a fresh install',
            ),
          ),
    // kubectl and helm through microk8s are judged by the Kubernetes analyzer.
    ...everyday('kubectl', 'microk8s.kubectl', 'helm', 'helm3', 'status', 'inspect', 'config', 'version'),
  },
  hints: () => [],
  target: () => 'this node',
};

/** An outage of the node's workloads, not a loss of data: routine on a dev machine. */
const stopsEveryPod = worseInProduction(
  destroys('medium', 'cluster', 'stops every pod and container of this node'),
  'high',
);

/** The install scripts of k3s and RKE2 leave these on the node, on the PATH. */
const SCRIPTS: Record<string, Verb> = {
  'k3s-uninstall.sh': destroys(
    'critical',
    'cluster',
    'removes k3s from this node with its data, the embedded datastore too',
  ),
  'k3s-agent-uninstall.sh': destroys(
    'high',
    'cluster',
    'removes the k3s agent from this node with its pods and their data',
  ),
  'rke2-uninstall.sh': destroys(
    'critical',
    'cluster',
    'removes RKE2 from this node with its data, its etcd too',
  ),
  'k3s-killall.sh': stopsEveryPod,
  'rke2-killall.sh': stopsEveryPod,
};

function script(inv: Invocation): Effect[] {
  const verb = SCRIPTS[inv.name];
  if (!verb) return [];
  return [
    {
      operation: verb.operation,
      tool: inv.name,
      target: 'this node',
      reversible: false,
      risk: verb.risk,
      reason: `${inv.name} ${verb.what}`,
      category: verb.category,
      ...(verb.riskInProduction ? { riskInProduction: verb.riskInProduction } : {}),
    },
  ];
}

export const clusterNodesAnalyzer: Analyzer = {
  family: 'cluster-nodes',
  commands: ['kubeadm', 'microk8s', ...Object.keys(SCRIPTS)],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    if (inv.name === 'kubeadm') return listedSubcommandEffects(inv, KUBEADM);
    // The Kubernetes analyzer already knows microk8s (its kubectl and helm): only what this table knows counts.
    if (inv.name === 'microk8s') return listedSubcommandEffects(inv, MICROK8S).filter((e) => !e.unrecognised);
    return script(inv);
  },
};
