import type { EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, optionValues } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { hostOf } from '../services/common.js';
import { changes, destroys, everyday, type Call, type Cli, type Verb } from '../subcommands.js';

// couchbase-cli: `couchbase-cli <subcommand> -c HOST[:8091] -u USER -p PASSWORD [options]`. What a
// subcommand acts on is named by an option (--bucket, --rbac-username), never a positional. --force only
// skips the confirmation question.

/** Roles of the whole cluster: full, cluster or security administration. */
const ADMIN_ROLES = /^(admin|cluster_admin|security_admin(_local|_external)?|ro_security_admin)$/;

/** `--set` makes or changes a user with its roles, `--delete` deletes one; the rest only list. */
function userManage(call: Call): Verb | undefined {
  if (hasOption(call.options, '--delete')) return destroys('high', 'iam', 'deletes the user');
  if (!hasOption(call.options, '--set')) return undefined;
  const roles = optionValues(call.options, '--roles').flatMap((r) => r.split(','));
  if (roles.some((r) => ADMIN_ROLES.test(r.trim().replace(/\[.*$/, ''))))
    return changes('high', 'iam', `gives the user administration of the cluster (${roles.join(',')})`);
  return changes('low', 'iam', 'makes or changes a user with the roles given', true);
}

/** Scopes and collections: dropping one deletes its documents. */
function collectionManage(call: Call): Verb | undefined {
  if (hasOption(call.options, '--drop-scope'))
    return destroys('critical', 'database', 'deletes the scope with its collections and documents');
  if (hasOption(call.options, '--drop-collection'))
    return destroys('high', 'database', 'deletes the collection and its documents');
  if (hasOption(call.options, '--create-scope', '--create-collection'))
    return { operation: 'create', risk: 'low', category: 'database', what: 'creates a scope or collection' };
  return undefined;
}

const VERBS: Cli['verbs'] = {
  'bucket-flush': destroys('critical', 'database', 'deletes every document in the bucket'),
  'bucket-delete': destroys('critical', 'database', 'deletes the bucket and every document in it'),
  'bucket-edit': (call) =>
    hasOption(call.options, '--max-ttl')
      ? changes('medium', 'database', "sets the bucket's maximum time to live: older documents expire")
      : changes('low', 'database', "changes the bucket's settings", true),
  'bucket-create': { operation: 'create', risk: 'low', category: 'database', what: 'creates a bucket' },
  'collection-manage': collectionManage,
  'user-manage': userManage,
  'reset-admin-password': changes('high', 'iam', "resets the administrator's password"),
  // A safety net off: a node that fails stays failed, and its data unavailable, until someone acts.
  'setting-autofailover': (call) =>
    optionValue(call.options, '--enable-auto-failover') === '0'
      ? changes('high', 'database', 'turns automatic failover off')
      : undefined,
  failover: changes('high', 'database', 'takes a node out of the cluster (replicas serve its data)'),
  rebalance: (call) =>
    hasOption(call.options, '--server-remove')
      ? changes('high', 'database', 'removes nodes from the cluster')
      : changes('low', 'database', "spreads the data over the cluster's nodes", true),
  'bucket-compact': changes('low', 'database', "compacts the bucket's files (it keeps every document)", true),
  // Logs gathered on the nodes for support; with --upload they leave for the host named.
  'collect-logs-start': (call) =>
    hasOption(call.options, '--upload')
      ? changes(
          'medium',
          'database',
          `uploads the cluster's logs to ${optionValue(call.options, '--upload-host') ?? 'a host'}`,
        )
      : undefined,
  ...everyday('collect-logs-stop'),
};

const VALUE_OPTIONS = [
  '-c',
  '--cluster',
  '-u',
  '--username',
  '-p',
  '--password',
  '--bucket',
  '--scope',
  '--collection',
  '--drop-scope',
  '--drop-collection',
  '--create-scope',
  '--create-collection',
  '--rbac-username',
  '--rbac-password',
  '--rbac-name',
  '--roles',
  '--auth-domain',
  '--server-remove',
  '--server-failover',
  '--max-ttl',
  '--bucket-ramsize',
  '--bucket-type',
  '--bucket-replica',
  '--config-path',
  '--enable-auto-failover',
  '--nodes',
  '--upload-host',
  '--customer',
  '--ticket',
];

/** `-c couchbase-prod-1:8091`, `couchbase://db1,db2`: each host places the call. */
function hints(call: Call): EnvironmentHint[] {
  const cluster = optionValue(call.options, '-c', '--cluster');
  if (!cluster) return [];
  return cluster
    .replace(/^[a-z]+:\/\//i, '')
    .split(',')
    .map((h) => hostOf(h.trim()))
    .filter(Boolean)
    .map((value) => ({ source: 'flag --cluster', value }));
}

const COUCHBASE: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  hints,
  target: (call) =>
    optionValue(
      call.options,
      '--bucket',
      '--rbac-username',
      '--drop-scope',
      '--drop-collection',
      '--server-remove',
    ) ?? optionValue(call.options, '-c', '--cluster'),
};

export function couchbaseCli(inv: Invocation) {
  return listedSubcommandEffects(inv, COUCHBASE);
}
