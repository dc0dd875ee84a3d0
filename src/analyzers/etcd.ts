import type { Effect, EnvironmentHint, Operation, Risk } from '../core/types.js';
import { hasOption, optionValue, parseOptions, type ParsedOptions } from '../shell/options.js';
import type { Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { cloudEffect } from './cloud/common.js';
import { hostOf } from './services/common.js';

// etcdctl talks to a cluster (--endpoints, ETCDCTL_ENDPOINTS; 127.0.0.1:2379 when neither is given);
// etcdutl works on a member's data directory on this machine. etcd is the store under Kubernetes and
// many service registries: deleting keys there bypasses every controller and admission check.

const VALUE_OPTIONS = [
  '--endpoints',
  '--cacert',
  '--cert',
  '--key',
  '--user',
  '--password',
  '--dial-timeout',
  '--command-timeout',
  '--keepalive-time',
  '--keepalive-timeout',
  '-w',
  '--write-out',
  '-d',
  '--discovery-srv',
  '--discovery-srv-name',
  '--data-dir',
  '--wal-dir',
  '--name',
  '--initial-cluster',
  '--initial-cluster-token',
  '--initial-advertise-peer-urls',
  '--peer-urls',
  '--lease',
  '--rev',
  '--limit',
  '--order',
  '--sort-by',
  '--consistency',
  '--dest-cacert',
  '--dest-cert',
  '--dest-key',
  '--dest-prefix',
  '--bump-revision',
  '--target-version',
];

/** Verbs whose first positional is a sub-command (`member remove`, `auth disable`). */
const NESTED = new Set(['member', 'snapshot', 'auth', 'user', 'role', 'lease', 'alarm', 'downgrade']);

interface EtcdCall {
  tool: string;
  /** `del`, `member remove`, `snapshot restore`. */
  command: string;
  /** The positionals after the command: keys, member ids, user names, a snapshot file. */
  rest: Word[];
  parsed: ParsedOptions;
  hints: EnvironmentHint[];
  /** No endpoint was named: the call lands on this machine. */
  local: boolean;
}

interface Rule {
  operation: Operation;
  risk: Risk;
  category: string;
  /** What it does to its first argument (or to the target named here when it has none). */
  does: string;
  target?: string;
}

/** What each command that changes something does; every other command only reads. */
const RULES: Record<string, Rule> = {
  put: { operation: 'modify', risk: 'medium', category: 'database', does: 'overwrites the key' },
  txn: {
    operation: 'modify',
    risk: 'high',
    category: 'database',
    does: 'runs the puts and deletes of a transaction read from its input',
    target: 'transaction',
  },
  compaction: {
    operation: 'delete',
    risk: 'high',
    category: 'database',
    does: 'discards every revision before',
  },
  defrag: {
    operation: 'modify',
    risk: 'medium',
    category: 'database',
    does: 'blocks the member while it rewrites its store',
    target: 'member store',
  },
  'lease revoke': {
    operation: 'delete',
    risk: 'high',
    category: 'database',
    does: 'deletes every key attached to the lease',
  },
  'member remove': {
    operation: 'delete',
    risk: 'high',
    category: 'cluster',
    does: 'takes out of the cluster the member',
  },
  'member add': { operation: 'modify', risk: 'medium', category: 'cluster', does: 'adds to the cluster' },
  'member update': { operation: 'modify', risk: 'medium', category: 'cluster', does: 'changes the member' },
  'member promote': { operation: 'modify', risk: 'medium', category: 'cluster', does: 'promotes the member' },
  'move-leader': { operation: 'modify', risk: 'medium', category: 'cluster', does: 'hands leadership to' },
  'downgrade enable': {
    operation: 'modify',
    risk: 'high',
    category: 'cluster',
    does: 'starts downgrading the cluster to',
  },
  'alarm disarm': {
    operation: 'modify',
    risk: 'medium',
    category: 'database',
    does: 'clears the alarms (a full store accepts writes again)',
    target: 'alarms',
  },
  'auth disable': {
    operation: 'modify',
    risk: 'high',
    category: 'iam',
    does: 'lets any client read and write every key',
    target: 'authentication',
  },
  'auth enable': {
    operation: 'modify',
    risk: 'medium',
    category: 'iam',
    does: 'refuses every client without credentials',
    target: 'authentication',
  },
  'user delete': { operation: 'delete', risk: 'high', category: 'iam', does: 'deletes the user' },
  'role delete': { operation: 'delete', risk: 'high', category: 'iam', does: 'deletes the role' },
  'make-mirror': {
    operation: 'modify',
    risk: 'high',
    category: 'database',
    does: 'writes every key into the cluster at',
  },
  migrate: {
    operation: 'modify',
    risk: 'high',
    category: 'database',
    does: 'changes the storage version of the data directory',
    target: 'data directory',
  },
};

/** User and role changes that grant or take away access. */
const ACCESS_CHANGES = [
  'add',
  'passwd',
  'grant-role',
  'revoke-role',
  'grant-permission',
  'revoke-permission',
];
const ACCESS_RULE: Rule = {
  operation: 'modify',
  risk: 'medium',
  category: 'iam',
  does: 'changes access for',
};
for (const kind of ['user', 'role'])
  for (const change of ACCESS_CHANGES) RULES[`${kind} ${change}`] = ACCESS_RULE;

function effect(call: EtcdCall, operation: Operation, risk: Risk, target: string, reason: string): Effect[] {
  const category = RULES[call.command]?.category ?? 'database';
  const made = cloudEffect(call.tool, { operation, risk, target, reason, category, hints: call.hints });
  if (!call.local) made.local = false;
  return [made];
}

/** The cluster the call reaches: the endpoints' hosts (the flag first, then ETCDCTL_ENDPOINTS). */
function endpointHints(inv: Invocation, parsed: ParsedOptions): EnvironmentHint[] {
  const named: [string, string | undefined][] = [
    ['flag --endpoints', optionValue(parsed, '--endpoints')],
    ['flag --discovery-srv', optionValue(parsed, '-d', '--discovery-srv')],
    ['env ETCDCTL_ENDPOINTS', inv.env('ETCDCTL_ENDPOINTS')],
  ];
  const [source, list] = named.find(([, v]) => v) ?? ['', ''];
  return (list ?? '')
    .split(',')
    .filter((e) => e.trim() !== '')
    .map((e) => ({ source, value: hostOf(e.trim()) }));
}

/** `del KEY [END]`, `--prefix`, `--from-key`: one key, a range, or everything under a prefix. */
function deleteKeys(call: EtcdCall): Effect[] {
  const [key, end] = call.rest;
  if (!key) return [];
  const k = key.value;
  const fromKey = hasOption(call.parsed, '--from-key');
  if (!hasOption(call.parsed, '--prefix') && !fromKey && !end)
    return effect(call, 'delete', 'high', k, `${call.tool} del deletes the key ${k}`);
  // A prefix one level deep (`/registry/`) or the empty one is the whole store or most of it.
  const shallow = key.dynamic || k.split('/').filter(Boolean).length <= 1;
  const what = fromKey
    ? `every key from ${k || '""'} on`
    : end
      ? `the keys from ${k} to ${end.value}`
      : `every key under ${k || '""'}`;
  const risk: Risk = fromKey || shallow ? 'critical' : 'high';
  return effect(call, 'delete', risk, `${k}*`, `${call.tool} del deletes ${what}`);
}

/** `snapshot restore` builds a member's store from a file; `save` only writes a file. */
function snapshot(call: EtcdCall): Effect[] {
  const file = call.rest[0]?.value ?? 'snapshot';
  if (call.command === 'snapshot save')
    return [
      cloudEffect(call.tool, {
        operation: 'create',
        risk: 'low',
        target: file,
        reason: `saves a snapshot to ${file}`,
        category: 'backup',
      }),
    ];
  if (call.command !== 'snapshot restore') return [];
  const member = optionValue(call.parsed, '--name') ?? 'default';
  const dataDir = optionValue(call.parsed, '--data-dir') ?? `${member}.etcd`;
  const reason = `${call.tool} snapshot restore rebuilds the store in ${dataDir} from ${file}`;
  return effect(call, 'replace', 'high', dataDir, reason);
}

function classify(call: EtcdCall): Effect[] {
  if (call.command === 'del') return deleteKeys(call);
  if (call.command.startsWith('snapshot')) return snapshot(call);
  const rule = RULES[call.command];
  if (!rule) return [];
  const first = call.rest[0]?.value;
  const target = rule.target ?? first ?? call.command;
  const reason = `${call.tool} ${call.command} ${rule.does}${first && !rule.target ? ` ${first}` : ''}`;
  return effect(call, rule.operation, rule.risk, target, reason);
}

export const etcdAnalyzer: Analyzer = {
  family: 'etcd',
  commands: ['etcdctl', 'etcdutl'],
  // Without --endpoints etcdctl reaches 127.0.0.1:2379, and etcdutl works on local files: this machine.
  local: true,
  environmentVariables: [],
  analyze(inv) {
    const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
    if (hasOption(parsed, '-h', '--help')) return [];
    const [verb, sub, ...more] = parsed.positionals;
    if (!verb) return [];
    const nested = NESTED.has(verb.value);
    const hints = inv.name === 'etcdctl' ? endpointHints(inv, parsed) : [];
    const call: EtcdCall = {
      tool: inv.name,
      command: nested ? `${verb.value} ${sub?.value ?? ''}` : verb.value,
      rest: nested ? more : parsed.positionals.slice(1),
      parsed,
      hints,
      local: hints.length === 0,
    };
    if (verb.dynamic || (nested && sub?.dynamic))
      return effect(
        call,
        'execute-unverifiable',
        'high',
        inv.text,
        `the ${inv.name} command is computed at run time`,
      );
    return classify(call);
  },
};
