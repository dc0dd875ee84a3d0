import type { EnvironmentHint } from '../../core/types.js';
import { optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, type Call, type Cli, type Verb } from '../subcommands.js';
import { brokerHints } from './kafka.js';

// Apache Pulsar's pulsar-admin speaks to the brokers' admin API at --admin-url (else the webServiceUrl of
// its client.conf, which the command does not show). Topics, their subscriptions' backlogs, namespaces and
// tenants: a cleared backlog is every message a consumer had not read yet, gone.

const CREATES = (what: string): Verb => ({ operation: 'create', risk: 'low', category: 'stream', what });

const VERBS: Cli['verbs'] = {
  'topics delete': destroys('critical', 'stream', 'deletes the topic and every message in it'),
  'topics delete-partitioned-topic': destroys(
    'critical',
    'stream',
    'deletes the partitioned topic and every message in it',
  ),
  'topics truncate': destroys('critical', 'stream', 'deletes every message stored for the topic'),
  'topics clear-backlog': destroys('high', 'stream', 'drops every message the subscription has not consumed'),
  'topics skip-all': destroys('high', 'stream', 'drops every message the subscription has not consumed'),
  'topics skip': destroys('medium', 'stream', 'skips messages the subscription has not consumed'),
  'topics expire-messages': destroys(
    'high',
    'stream',
    'marks unconsumed messages older than the given time as consumed',
  ),
  'topics expire-messages-all-subscriptions': destroys(
    'high',
    'stream',
    'marks unconsumed messages older than the given time as consumed, for every subscription',
  ),
  'topics reset-cursor': changes(
    'high',
    'stream',
    'moves the subscription: messages are skipped or delivered again',
  ),
  'topics unsubscribe': destroys('high', 'stream', 'deletes the subscription and its backlog'),
  'topics terminate': changes('high', 'stream', 'seals the topic: nothing more can be published to it'),
  'topics set-retention': changes(
    'medium',
    'stream',
    "changes the topic's retention (shorter drops messages)",
  ),
  'topics set-message-ttl': changes('medium', 'stream', 'sets a time after which unconsumed messages expire'),
  'topics update-partitioned-topic': changes(
    'medium',
    'stream',
    'adds partitions (keys move to other partitions; it cannot be undone)',
  ),
  'topics grant-permission': changes('medium', 'iam', 'grants a role access to the topic'),
  'topics revoke-permission': changes('medium', 'iam', "revokes a role's access to the topic"),
  'topics create': CREATES('creates a topic'),
  'topics create-partitioned-topic': CREATES('creates a partitioned topic'),
  'topics create-subscription': CREATES('creates a subscription'),
  'namespaces delete': destroys('critical', 'stream', 'deletes the namespace and its topics'),
  'namespaces clear-backlog': destroys(
    'high',
    'stream',
    "drops every unconsumed message of the namespace's subscriptions",
  ),
  'namespaces unsubscribe': destroys(
    'high',
    'stream',
    'deletes the subscription on every topic of the namespace',
  ),
  'namespaces set-retention': changes(
    'medium',
    'stream',
    "changes the namespace's retention (shorter drops messages)",
  ),
  'namespaces set-message-ttl': changes(
    'medium',
    'stream',
    'sets a time after which unconsumed messages of the namespace expire',
  ),
  'namespaces set-backlog-quota': changes(
    'medium',
    'stream',
    'sets a backlog quota (its policy may drop the oldest messages)',
  ),
  'namespaces grant-permission': changes('medium', 'iam', 'grants a role access to the namespace'),
  'namespaces revoke-permission': changes('medium', 'iam', "revokes a role's access to the namespace"),
  'namespaces create': CREATES('creates a namespace'),
  'tenants delete': destroys('critical', 'stream', 'deletes the tenant with its namespaces'),
  'tenants create': CREATES('creates a tenant'),
  'clusters delete': destroys('high', 'stream', 'deletes the cluster from the configuration'),
  'schemas delete': destroys('high', 'stream', "deletes the topic's schema"),
  'functions delete': destroys('medium', 'stream', 'deletes the function'),
  'sinks delete': destroys('medium', 'stream', 'deletes the sink connector'),
  'sources delete': destroys('medium', 'stream', 'deletes the source connector'),
  // A topic unloaded is served again at once, by whichever broker takes it.
  'topics unload': changes('low', 'stream', 'unloads the topic from its broker (clients reconnect)', true),
  'topics create-missed-partitions': CREATES('creates the partitions the topic lacks'),
  // Looking: statistics, health, policies, messages peeked at without moving any cursor.
  ...everyday(
    'brokers healthcheck',
    'brokers leader-broker',
    'brokers namespaces',
    'broker-stats topics',
    'broker-stats monitoring-metrics',
    'broker-stats mbeans',
    'broker-stats load-report',
    'broker-stats allocator-stats',
    'topics peek-messages',
    'topics examine-message',
    'topics last-message-id',
    'topics stats-internal',
    'topics partitioned-stats',
    'topics partitioned-stats-internal',
    'topics info-internal',
    'topics subscriptions',
    'topics permissions',
    'topics partitioned-lookup',
    'topics compaction-status',
    'topics offload-status',
    'namespaces policies',
    'namespaces topics',
    'namespaces permissions',
    'namespaces bundles',
  ),
};

/** Global options and the subcommands' options that take a value (the rest are flags: -f, -d…). */
const VALUE_OPTIONS = [
  '--admin-url',
  '--auth-plugin',
  '--auth-params',
  '--tls-trust-cert-path',
  '--tls-key-file-path',
  '--tls-cert-file-path',
  '--tls-provider',
  '--request-timeout',
  '--read-timeout',
  '--connect-timeout',
  '-s',
  '--subscription',
  '-t',
  '--expireTime',
  '--time',
  '-n',
  '--count',
  '-m',
  '--messageId',
  '-p',
  '--partitions',
  '--role',
  '--actions',
  '--size',
  '--ttl',
  '--messageTTL',
  '-l',
  '--limit',
];

function hints(call: Call): EnvironmentHint[] {
  const url = optionValue(call.options, '--admin-url');
  return url ? brokerHints('flag --admin-url', url) : [];
}

const PULSAR_ADMIN: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  // `persistent` is the old name of `topics`.
  aliases: { persistent: 'topics' },
  hints,
};

export function pulsarAdmin(inv: Invocation) {
  return listedSubcommandEffects(inv, PULSAR_ADMIN);
}
