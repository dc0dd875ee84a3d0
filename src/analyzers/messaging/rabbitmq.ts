import type { EnvironmentHint } from '../../core/types.js';
import { optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  placeHints,
  subcommandEffects,
  type Call,
  type Cli,
  type Verb,
} from '../subcommands.js';

// RabbitMQ: rabbitmqadmin speaks to the management API of --host (v1: `delete queue name=x`; v2:
// `delete queue --name x` or `queues delete`); rabbitmqctl to a node, this machine's unless -n names one.

/**
 * RabbitMQ's user tags: `administrator` may do anything to the broker (users, permissions, every virtual
 * host), `impersonator` may act as any user, and the management ones may see or change its policies.
 */
function userTags(tags: readonly string[]): Verb {
  const given = tags.flatMap((t) => t.split(/[,\s]+/)).filter(Boolean);
  if (given.some((t) => t === 'administrator' || t === 'impersonator'))
    return changes('high', 'iam', `gives the account full control of the broker (tags ${given.join(',')})`);
  if (given.some((t) => t === 'policymaker' || t === 'management' || t === 'monitoring'))
    return changes('medium', 'iam', `gives the account the management interface (tags ${given.join(',')})`);
  return changes('low', 'iam', 'sets an account with no tags (it may do only what its permissions allow)');
}

/** `tags=administrator` (v1) or `--tags administrator` (v2). */
const adminTags = (call: Call) => [
  ...call.rest.filter((w) => w.value.startsWith('tags=')).map((w) => w.value.slice('tags='.length)),
  ...(call.options.options.get('--tags') ?? []),
];

/** `configure=.* write=.* read=.*` or `--configure '.*'`: every resource of the virtual host. */
function permissions(call: Call): Verb {
  const patterns = ['configure', 'write', 'read'].map(
    (k) =>
      call.rest.find((w) => w.value.startsWith(`${k}=`))?.value.slice(k.length + 1) ??
      optionValue(call.options, `--${k}`),
  );
  return patterns.every((p) => p === '.*')
    ? changes('medium', 'iam', 'gives a user every permission on the virtual host')
    : changes('low', 'iam', "sets a user's permissions on a virtual host", true);
}

/**
 * `get queue=orders ackmode=ack_requeue_false`: the messages fetched are taken off the queue (acked or
 * rejected without requeue). The default (`ack_requeue_true`) puts them back: a peek.
 */
function gotten(call: Call): Verb | undefined {
  const mode = call.rest.find((w) => w.value.startsWith('ackmode='))?.value.slice('ackmode='.length);
  if (!mode || !/_requeue_false$/.test(mode)) return undefined;
  return {
    ...destroys('medium', 'queue', `takes the messages it fetches off the queue (${mode})`),
    riskInProduction: 'high',
  };
}

const CREATES = (what: string): Verb => ({ operation: 'create', risk: 'low', category: 'queue', what });

const ADMIN_VERBS: Cli['verbs'] = {
  'declare user': (call) => userTags(adminTags(call)),
  'users declare': (call) => userTags(adminTags(call)),
  'declare permission': permissions,
  'permissions declare': permissions,
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
  get: gotten,
  'declare queue': CREATES('declares a queue'),
  'declare exchange': CREATES('declares an exchange'),
  'declare binding': CREATES('declares a binding'),
  'queues declare': CREATES('declares a queue'),
  'exchanges declare': CREATES('declares an exchange'),
  'bindings declare': CREATES('declares a binding'),
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
  '--tags',
  '--user',
  '--configure',
  '--write',
  '--read',
];

/** `name=orders` (v1) or `--name orders` (v2); a permission's `user=bob`. */
function adminTarget(call: Call): string | undefined {
  const named = (key: string) =>
    call.rest.find((w) => w.value.startsWith(`${key}=`))?.value.slice(key.length + 1);
  return (
    named('name') ??
    named('queue') ??
    optionValue(call.options, '--name') ??
    named('user') ??
    optionValue(call.options, '--user')
  );
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
  // `set_user_tags bob administrator`: the tags are every word after the user's name.
  set_user_tags: (call) => userTags(call.rest.slice(1).map((w) => w.value)),
  // `set_permissions bob '.*' '.*' '.*'`: configure, write and read, each matching every resource.
  set_permissions: (call) =>
    call.rest.length === 4 && call.rest.slice(1).every((w) => w.value === '.*')
      ? changes('medium', 'iam', 'gives a user every permission on the virtual host')
      : changes('low', 'iam', "sets a user's permissions on a virtual host", true),
  change_password: changes('medium', 'iam', "changes a user's password"),
  clear_password: changes('medium', 'iam', "removes a user's password (it can no longer log in with one)"),
  // Routine operations, each undone by its counterpart: tracing, log levels, a stopped app started again.
  trace_on: changes('low', 'queue', 'turns message tracing on for the virtual host', true),
  trace_off: changes('low', 'queue', 'turns message tracing off for the virtual host', true),
  set_log_level: changes('low', 'queue', "sets the node's log level", true),
  rotate_logs: changes('low', 'queue', "rotates the node's log files", true),
  start_app: changes('low', 'queue', 'starts RabbitMQ on the node', true),
  close_connection: changes('low', 'queue', 'closes a client connection (it may connect again)', true),
  add_vhost: { operation: 'create', risk: 'low', category: 'queue', what: 'creates a virtual host' },
  // Looking, and waiting: reports, health checks, a password checked (not changed).
  ...everyday(
    'environment',
    'report',
    'cluster_status',
    'await_startup',
    'await_online_nodes',
    'wait',
    'node_health_check',
    'authenticate_user',
    'shovel_status',
    'federation_status',
    'encode',
    'decode',
  ),
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
