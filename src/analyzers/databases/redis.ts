import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { first, getopt, has, hostHint, stdinSource, unknownSql, uriHints } from './common.js';

const REDIS_WITH_VALUE = [
  '-h',
  '-p',
  '-s',
  '-a',
  '-u',
  '-r',
  '-i',
  '-n',
  '-d',
  '-D',
  '-t',
  '--user',
  '--pass',
  '--sni',
  '--cacert',
  '--cacertdir',
  '--cert',
  '--key',
  '--tls-ciphers',
  '--tls-ciphersuites',
  '--rdb',
  '--functions-rdb',
  '--pattern',
  '--quoted-pattern',
  '--count',
  '--eval',
  '--cluster',
  '--memkeys-samples',
  '--intrinsic-latency',
  '--lru-test',
  '--pipe-timeout',
  '--replica',
];

interface Rule {
  operation: Operation;
  risk: Risk;
  what: string;
  category?: string;
}

const delKeys: Rule = { operation: 'delete', risk: 'medium', what: 'deletes keys' };
const write: Rule = { operation: 'modify', risk: 'low', what: 'writes data' };
const COMMANDS: Record<string, Rule> = {
  FLUSHALL: { operation: 'delete', risk: 'critical', what: 'deletes every key of every database' },
  FLUSHDB: { operation: 'delete', risk: 'critical', what: 'deletes every key of the database' },
  DEL: delKeys,
  UNLINK: delKeys,
  HDEL: delKeys,
  SREM: { operation: 'delete', risk: 'low', what: 'removes set members' },
  ZREM: { operation: 'delete', risk: 'low', what: 'removes sorted set members' },
  ZREMRANGEBYSCORE: delKeys,
  ZREMRANGEBYRANK: delKeys,
  LTRIM: delKeys,
  XTRIM: delKeys,
  XDEL: delKeys,
  GETDEL: delKeys,
  SHUTDOWN: { operation: 'modify', risk: 'high', what: 'stops the server' },
  DEBUG: { operation: 'modify', risk: 'high', what: 'runs a DEBUG command (can crash or block the server)' },
  SWAPDB: { operation: 'replace', risk: 'high', what: 'swaps two databases' },
  REPLICAOF: { operation: 'replace', risk: 'high', what: 'makes the server a replica, discarding its data' },
  SLAVEOF: { operation: 'replace', risk: 'high', what: 'makes the server a replica, discarding its data' },
  FAILOVER: { operation: 'modify', risk: 'high', what: 'fails the primary over' },
  MIGRATE: { operation: 'modify', risk: 'medium', what: 'moves keys to another server' },
  RESTORE: { operation: 'replace', risk: 'low', what: 'restores a key' },
  EVAL: { operation: 'modify', risk: 'medium', what: 'runs a Lua script that is not analyzed' },
  EVALSHA: { operation: 'modify', risk: 'medium', what: 'runs a Lua script that is not analyzed' },
  EVAL_RO: { operation: 'read', risk: 'none', what: 'runs a read-only script' },
  FCALL: { operation: 'modify', risk: 'medium', what: 'runs a server function that is not analyzed' },
  RENAME: { operation: 'modify', risk: 'low', what: 'renames a key' },
  EXPIRE: write,
  PEXPIRE: write,
  EXPIREAT: write,
  PEXPIREAT: write,
  SET: write,
  MSET: write,
  HSET: write,
  LPUSH: write,
  RPUSH: write,
  SADD: write,
  ZADD: write,
  INCR: write,
  DECR: write,
  XADD: write,
  PUBLISH: write,
  BGSAVE: { operation: 'read', risk: 'none', what: 'saves a snapshot' },
  BGREWRITEAOF: { operation: 'modify', risk: 'low', what: 'rewrites the append-only file' },
};

/** Two-word commands: CONFIG SET, ACL DELUSER, SCRIPT FLUSH, CLUSTER RESET… */
const SUBCOMMANDS: Record<string, Record<string, Rule>> = {
  CONFIG: {
    SET: { operation: 'modify', risk: 'high', what: 'changes the server configuration' },
    REWRITE: { operation: 'modify', risk: 'medium', what: 'rewrites the configuration file' },
    RESETSTAT: { operation: 'modify', risk: 'low', what: 'resets statistics' },
  },
  ACL: {
    DELUSER: { operation: 'delete', risk: 'high', what: 'deletes users', category: 'iam' },
    SETUSER: { operation: 'modify', risk: 'medium', what: 'changes a user', category: 'iam' },
    LOAD: { operation: 'replace', risk: 'medium', what: 'reloads the users from file', category: 'iam' },
  },
  SCRIPT: { FLUSH: { operation: 'delete', risk: 'medium', what: 'deletes the script cache' } },
  FUNCTION: {
    FLUSH: { operation: 'delete', risk: 'medium', what: 'deletes every function' },
    DELETE: { operation: 'delete', risk: 'medium', what: 'deletes a function library' },
    RESTORE: { operation: 'replace', risk: 'medium', what: 'replaces the function libraries' },
    LOAD: { operation: 'create', risk: 'low', what: 'loads a function library' },
  },
  CLUSTER: {
    RESET: { operation: 'delete', risk: 'high', what: 'resets the cluster node' },
    FORGET: { operation: 'modify', risk: 'high', what: 'removes a node from the cluster' },
    FAILOVER: { operation: 'modify', risk: 'high', what: 'fails over the cluster' },
    FLUSHSLOTS: { operation: 'delete', risk: 'high', what: 'removes the slots of the node' },
    DELSLOTS: { operation: 'delete', risk: 'high', what: 'removes slots' },
  },
  CLIENT: { KILL: { operation: 'modify', risk: 'low', what: 'disconnects clients' } },
  MODULE: {
    LOAD: { operation: 'modify', risk: 'medium', what: 'loads a server module' },
    UNLOAD: { operation: 'modify', risk: 'medium', what: 'unloads a server module' },
  },
};

const CLUSTER_MANAGER: Record<string, Rule> = {
  'del-node': { operation: 'modify', risk: 'high', what: 'removes a node from the cluster' },
  reshard: { operation: 'modify', risk: 'high', what: 'moves slots between nodes' },
  rebalance: { operation: 'modify', risk: 'high', what: 'moves slots between nodes' },
  fix: { operation: 'modify', risk: 'high', what: 'rewrites the cluster layout' },
  import: { operation: 'modify', risk: 'medium', what: 'imports keys from another server' },
  create: { operation: 'create', risk: 'low', what: 'creates a cluster' },
  'add-node': { operation: 'modify', risk: 'medium', what: 'adds a node' },
  'set-timeout': { operation: 'modify', risk: 'low', what: 'changes the node timeout' },
};

/** Unix seconds on 2026-01-01: an EXPIREAT before it is certainly past (the core reads no clock). */
const CERTAINLY_PAST = 1_767_225_600;

/**
 * EXPIRE/PEXPIRE with a TTL of 0 or less, or EXPIREAT/PEXPIREAT at a time already past, delete the key at
 * once: a DEL. A TTL still to come only schedules it (a write, as before).
 */
function expiresNow(upper: string, args: readonly (string | undefined)[]): boolean {
  const at = Number(args[1]);
  if (!/^-?\d+$/.test(args[1] ?? '')) return false;
  if (upper === 'EXPIRE' || upper === 'PEXPIRE') return at <= 0;
  if (upper === 'EXPIREAT') return at < CERTAINLY_PAST;
  return upper === 'PEXPIREAT' && at < CERTAINLY_PAST * 1000;
}

/** One redis command's effect (its words as redis reads them), placed by `hints`. */
export function commandEffect(words: readonly string[], tool: string, hints: EnvironmentHint[]): Effect[] {
  const [name, sub, ...rest] = words;
  if (!name) return [];
  const upper = name.toUpperCase();
  const rule = expiresNow(upper, [sub, ...rest])
    ? { ...delKeys, what: 'deletes the key at once (its expiry is already due)' }
    : (SUBCOMMANDS[upper]?.[(sub ?? '').toUpperCase()] ?? COMMANDS[upper]);
  if (!rule || rule.risk === 'none') return [];
  const subcommand = SUBCOMMANDS[upper] && sub ? ` ${sub.toUpperCase()}` : '';
  const args = (SUBCOMMANDS[upper] ? rest : [sub, ...rest]).filter((a): a is string => a !== undefined);
  const target =
    upper === 'FLUSHALL'
      ? 'all databases'
      : upper === 'FLUSHDB'
        ? 'database'
        : args.length && rule.operation === 'delete'
          ? `keys ${args.join(' ')}`
          : upper.toLowerCase();
  return [
    {
      operation: rule.operation,
      tool,
      target: `redis ${target}`,
      reversible: false,
      risk: rule.risk,
      reason: `${upper}${subcommand} ${rule.what}`,
      hints,
      category: rule.category ?? 'database',
    },
  ];
}

/** Split one line of redis-cli input into words, honouring quotes. */
export function splitLine(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function connection(options: Map<string, Word[]>): EnvironmentHint[] {
  const hints = hostHint('-h', first(options, '-h'));
  const uri = first(options, '-u');
  if (uri && !uri.dynamic) hints.push(...uriHints(uri.value, 'redis URI'));
  const db = first(options, '-n');
  if (db) hints.push({ source: 'redis database number', value: db.value, weak: true });
  return hints;
}

export function redis(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(inv.args, REDIS_WITH_VALUE);
  const hints = connection(options);
  const tool = inv.name;
  const cluster = first(options, '--cluster');
  if (cluster) {
    const sub = cluster.value.toLowerCase();
    if (sub === 'call')
      return commandEffect(
        positionals.slice(1).map((w) => w.value),
        tool,
        hints,
      ).map((e) => ({ ...e, reason: `${e.reason} on every node of the cluster` }));
    const rule = CLUSTER_MANAGER[sub];
    return rule
      ? [
          {
            operation: rule.operation,
            tool,
            target: `redis cluster ${positionals[0]?.value ?? ''}`.trim(),
            reversible: false,
            risk: rule.risk,
            reason: `--cluster ${sub} ${rule.what}`,
            hints,
            category: 'cluster',
          },
        ]
      : [];
  }
  if (first(options, '--eval'))
    return [
      unknownSql(
        tool,
        `the Lua script ${first(options, '--eval')!.value}`,
        `script ${first(options, '--eval')!.value}`,
        hints,
      ),
    ];
  if (positionals.length) {
    if (positionals[0]!.dynamic)
      return [unknownSql(tool, 'a command built at run time', positionals[0]!.value, hints)];
    // redis-cli stops reading options at the command: `EXPIRE k -1` keeps its -1.
    const command = inv.args.slice(inv.args.indexOf(positionals[0]!));
    return commandEffect(
      command.map((w) => w.value),
      tool,
      hints,
    );
  }
  // No command: redis-cli reads commands (or, with --pipe, raw protocol) from stdin.
  const readsData = has(
    options,
    '--scan',
    '--bigkeys',
    '--memkeys',
    '--hotkeys',
    '--stat',
    '--latency',
    '--latency-history',
    '--latency-dist',
    '--rdb',
    '--functions-rdb',
    '--intrinsic-latency',
    '--lru-test',
    '--replica',
    '-x',
  );
  if (readsData) return [];
  const source = stdinSource(inv);
  if (!source) return [];
  if ('unknown' in source || has(options, '--pipe')) {
    const from = 'unknown' in source ? source.unknown : 'stdin';
    return [unknownSql(tool, `commands read from ${from}`, `commands from ${from}`, hints)];
  }
  return source.text.split('\n').flatMap((line) => commandEffect(splitLine(line.trim()), tool, hints));
}
