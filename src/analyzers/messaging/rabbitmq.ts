import type { EnvironmentHint } from '../../core/types.js';
import { optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { changes, destroys, placeHints, subcommandEffects, type Call, type Cli } from '../subcommands.js';

// RabbitMQ: rabbitmqadmin speaks to the management API of --host (v1: `delete queue name=x`; v2:
// `delete queue --name x` or `queues delete`); rabbitmqctl to a node, this machine's unless -n names one.

const ADMIN_VERBS: Cli['verbs'] = {
  'delete queue': destroys('high', 'queue', 'deletes the queue and its messages'),
  'purge queue': destroys('high', 'queue', 'deletes every message in the queue'),
  'delete exchange': destroys('high', 'queue', 'deletes the exchange and its bindings'),
  'delete vhost': destroys(
    'critical',
    'queue',
    'deletes the virtual host with its queues, exchanges and messages',
  ),
  'delete user': destroys('high', 'iam', 'deletes the user'),
  'delete binding': destroys('medium', 'queue', 'deletes a binding (messages stop being routed)'),
  'delete policy': changes('medium', 'queue', 'deletes a policy', true),
  'close connection': changes('low', 'queue', 'closes a client connection', true),
  'queues delete': destroys('high', 'queue', 'deletes the queue and its messages'),
  'queues purge': destroys('high', 'queue', 'deletes every message in the queue'),
  'exchanges delete': destroys('high', 'queue', 'deletes the exchange and its bindings'),
  'vhosts delete': destroys(
    'critical',
    'queue',
    'deletes the virtual host with its queues, exchanges and messages',
  ),
  publish: changes('low', 'queue', 'publishes a message'),
};

const ADMIN_OPTIONS = [
  '-H',
  '--host',
  '-P',
  '--port',
  '-V',
  '--vhost',
  '-u',
  '--username',
  '-p',
  '--password',
  '-c',
  '--config',
  '-N',
  '--node',
  '-f',
  '--format',
  '-d',
  '--depth',
  '-s',
  '--sort',
  '--name',
  '--base-uri',
  '-U',
];

/** `name=orders` (v1) or `--name orders` (v2). */
function adminTarget(call: Call): string | undefined {
  const named = call.rest.find((w) => w.value.startsWith('name='))?.value.slice('name='.length);
  return named ?? optionValue(call.options, '--name');
}

const ADMIN: Cli = {
  options: { withValue: ADMIN_OPTIONS },
  verbs: ADMIN_VERBS,
  hints: (call) => [
    ...placeHints(call, 'flag --host', '-H', '--host'),
    ...placeHints(call, 'flag --node', '-N', '--node'),
  ],
  target: adminTarget,
};

export function rabbitmqadmin(inv: Invocation) {
  return subcommandEffects(inv, ADMIN);
}

const CTL_VERBS: Cli['verbs'] = {
  delete_queue: destroys('high', 'queue', 'deletes the queue and its messages'),
  purge_queue: destroys('high', 'queue', 'deletes every message in the queue'),
  delete_vhost: destroys(
    'critical',
    'queue',
    'deletes the virtual host with its queues, exchanges and messages',
  ),
  reset: destroys('critical', 'queue', "wipes the node's data: virtual hosts, users, queues and messages"),
  force_reset: destroys('critical', 'queue', "wipes the node's data, even when its cluster disagrees"),
  forget_cluster_node: changes('high', 'queue', 'removes a node from the cluster'),
  stop_app: changes('high', 'queue', 'stops RabbitMQ on the node (clients lose it)', true),
  stop: changes('high', 'queue', 'stops the node', true),
  delete_user: destroys('high', 'iam', 'deletes the user'),
  clear_permissions: changes('medium', 'iam', "clears the user's permissions"),
  close_all_connections: changes('medium', 'queue', 'closes every client connection', true),
};

/** `rabbit@mq-prod-2`: the host after the `@`. */
function nodeHints(node: string | undefined, source: string): EnvironmentHint[] {
  return node ? [{ source, value: node.split('@').pop() ?? node }] : [];
}

const CTL: Cli = {
  options: { withValue: ['-n', '--node', '-t', '--timeout', '-p', '--vhost', '-l', '--longnames'] },
  verbs: CTL_VERBS,
  hints: (call) => nodeHints(optionValue(call.options, '-n', '--node'), 'flag -n'),
};

/** rabbitmqctl acts on this machine's node unless -n (or RABBITMQ_NODENAME) names another. */
export function rabbitmqctl(inv: Invocation) {
  const effects = subcommandEffects(inv, CTL);
  const node = inv.env('RABBITMQ_NODENAME');
  return effects.map(({ local: _remote, ...e }) => {
    const named = e.hints?.length ? e.hints : nodeHints(node, 'env RABBITMQ_NODENAME');
    return named.length ? { ...e, hints: named, local: false } : e;
  });
}
