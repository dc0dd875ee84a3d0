import type { Effect, EnvironmentHint } from '../../core/types.js';
import { optionValues } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, placeHints, worseInProduction, type Cli } from '../subcommands.js';
import { hostOf } from './common.js';

// talosctl drives Talos Linux nodes through their API. `talosctl reset` wipes a node's disks (on a control
// plane, its etcd data; --graceful=false does not even leave etcd first), `etcd leave` and `remove-member`
// shrink the cluster's etcd. It was an unknown program: `talosctl reset --nodes 10.0.0.1` was allowed. The
// nodes it acts on (--nodes/-n, --endpoints/-e) and its talosconfig context place the call. Reading stays
// allowed.

const VALUE_OPTIONS = [
  '-n',
  '--nodes',
  '-e',
  '--endpoints',
  '--context',
  '--talosconfig',
  '--cluster',
  '--system-labels-to-wipe',
  '--user-disks-to-wipe',
  '--wipe-mode',
  '--image',
  '--to',
  '--file',
  '-f',
  '--mode',
  '-m',
  '--timeout',
  '-o',
  '--output',
  '--namespace',
  '--tail',
];

const VERBS: Cli['verbs'] = {
  reset: destroys(
    'critical',
    'host',
    "wipes the node: its disks, its pods' data and, on a control plane, its etcd data",
  ),
  'wipe disk': destroys('critical', 'disk', 'wipes a disk of the node'),
  'etcd leave': destroys('high', 'cluster', "removes the node from the cluster's etcd"),
  'etcd remove-member': destroys('high', 'cluster', "removes a member from the cluster's etcd"),
  shutdown: worseInProduction(changes('medium', 'host', 'shuts the node down: its pods stop', true), 'high'),
  reboot: worseInProduction(changes('low', 'host', 'reboots the node', true), 'medium'),
  upgrade: worseInProduction(
    changes('low', 'host', 'upgrades Talos on the node and reboots it', true),
    'medium',
  ),
  'upgrade-k8s': worseInProduction(
    changes('low', 'cluster', 'upgrades Kubernetes on the cluster', true),
    'medium',
  ),
  'apply-config': worseInProduction(
    changes('low', 'host', "replaces the node's machine configuration", true),
    'medium',
  ),
  ...everyday('get', 'logs', 'dmesg', 'version', 'health', 'dashboard', 'services', 'service', 'containers'),
  ...everyday('processes', 'ps', 'memory', 'mounts', 'stats', 'list', 'ls', 'read', 'copy', 'cp', 'disks'),
  ...everyday('etcd members', 'etcd status', 'etcd snapshot', 'config', 'gen', 'time', 'netstat', 'pcap'),
  ...everyday('events', 'usage', 'du', 'support', 'image', 'inspect', 'validate', 'kubeconfig', 'completion'),
};

/** The nodes named: hosts, as an ssh host is; `-n a,b` names several. */
function nodeHints(values: string[]): EnvironmentHint[] {
  return values
    .flatMap((v) => v.split(','))
    .filter(Boolean)
    .map((node) => ({ source: 'flag --nodes', value: hostOf(node) }));
}

const TALOSCTL: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { apply: 'apply-config' },
  hints: (call) => [
    ...nodeHints(optionValues(call.options, '-n', '--nodes')),
    ...placeHints(call, 'flag --context', '--context'),
  ],
  target: (call) => optionValues(call.options, '-n', '--nodes').join(',') || undefined,
};

export function talosctl(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, TALOSCTL);
}
