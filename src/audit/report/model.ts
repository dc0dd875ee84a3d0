import type { AuditLog } from '../open.js';
import { describeChain } from '../actor.js';
import { viewEntry, type EntryView } from '../entry-view.js';
import { entriesFrom, seqNear } from '../query.js';
import { verifyAuditLog, type VerifyOptions, type VerifyReport } from '../verify.js';

// The facts of an incident report (Correction of Error), gathered from one segment of the log: every
// action proposed in the window, who proposed it for whom, what policy said, who approved, what ran, the
// control events around them, and whether the segment verifies.

export interface ActionRow {
  seq: number;
  at: number;
  proposer: string;
  agent?: string;
  human?: string;
  what: string;
  cwd?: string;
  environment: string;
  risk?: string;
  policyOutcome?: string;
  policies: string[];
  /** What finally happened to it: allowed, asked, denied, pending, approved and run… */
  outcome: string;
  /** What the server told the agent, when it recorded it (why a freeze or the breaker denied it). */
  message?: string;
  requestId?: string;
  approvalsRequired?: number;
  approvals: { approver: string; at: number }[];
  denied?: { by: string; at: number; reason?: string };
  expired?: number;
  cancelled?: { by: string; at: number };
  consumed?: { by: string; at: number };
  executions: ExecutionRow[];
  source: 'local' | 'server';
  /** The entries this row was built from. */
  seqs: number[];
}

/** What ran, as recorded by `interlock run` or a post-tool hook. */
export interface ExecutionRow {
  at: number;
  exitCode?: number;
  signal?: string;
  result?: string;
  durationMs?: number;
  /** `broker:<entry>` when the broker's credentials were used; absent: the agent's own. */
  credentials?: string;
}

export interface IncidentReport {
  title: string;
  since: number;
  until: number;
  environment?: string;
  generatedAt: number;
  location: string;
  segment: { from: number; to: number; entries: number };
  verification: VerifyReport;
  actions: ActionRow[];
  controls: EntryView[];
  totals: {
    actions: number;
    byOutcome: Record<string, number>;
    agents: string[];
    humans: string[];
    approvals: number;
    executions: number;
    failedExecutions: number;
    production: number;
  };
}

export interface IncidentOptions {
  since: number;
  until: number;
  environment?: string;
  title?: string;
  verify?: Pick<VerifyOptions, 'keyring' | 'keyringFile' | 'witness'>;
  now?: number;
}

const CONTROL = new Set([
  'freeze',
  'unfreeze',
  'agent.frozen',
  'agent.unfrozen',
  'policy.changed',
  'token.created',
  'token.revoked',
]);
/** Approvals may come after the window closes; they still belong to actions proposed in it. */
const FOLLOW_MS = 24 * 3_600_000;

function rowOf(v: EntryView): ActionRow {
  const proposer = v.agent
    ? describeChain({ agent: v.agent, ...(v.human ? { human: { name: v.human, via: 'os-user' } } : {}) })
    : `${v.human ?? v.actor} (human)`;
  return {
    seq: v.seq,
    at: v.at,
    proposer,
    ...(v.agent ? { agent: v.agent.name } : {}),
    ...(v.human ? { human: v.human } : {}),
    what:
      v.command ??
      (typeof v.data.action === 'object' ? JSON.stringify(v.data.action) : (v.actionKind ?? v.type)),
    ...(v.cwd ? { cwd: v.cwd } : {}),
    environment: v.environment ?? 'unknown',
    ...(v.risk ? { risk: v.risk } : {}),
    ...(v.policyOutcome ? { policyOutcome: v.policyOutcome } : {}),
    policies: v.policies,
    outcome: v.outcome ?? '?',
    ...(typeof v.data.message === 'string' ? { message: v.data.message } : {}),
    ...(v.requestId ? { requestId: v.requestId } : {}),
    approvals: [],
    executions: [],
    source: v.source,
    seqs: [v.seq],
  };
}

export async function buildIncidentReport(log: AuditLog, options: IncidentOptions): Promise<IncidentReport> {
  const { store, side } = log;
  const start = await seqNear(store, side, options.since);
  const rows: ActionRow[] = [];
  const byRequest = new Map<string, ActionRow>();
  const byDigest = new Map<string, ActionRow>();
  const controls: EntryView[] = [];
  const created = new Map<string, EntryView>();
  let first = 0;
  let last = 0;
  let entries = 0;
  for await (const e of entriesFrom(store, start)) {
    if (e.at > options.until + FOLLOW_MS) break;
    const inWindow = e.at >= options.since && e.at <= options.until;
    if (inWindow) {
      first ||= e.seq;
      last = e.seq;
      entries++;
    }
    const v = viewEntry(e);
    const known = v.requestId ? byRequest.get(v.requestId) : undefined;
    if (!inWindow && !known) continue;
    if (inWindow && CONTROL.has(v.type)) {
      controls.push(v);
      continue;
    }
    if (v.type === 'request.created' && !known && v.requestId) {
      created.set(v.requestId, v); // its decision entry follows in the same transaction
      continue;
    }
    if (v.type === 'decision' && !known) {
      if (!inWindow) continue;
      const row = rowOf(v);
      rows.push(row);
      if (v.requestId) {
        byRequest.set(v.requestId, row);
        const c = created.get(v.requestId);
        if (c) {
          row.seqs.unshift(c.seq);
          applyEvent(row, c);
        }
      }
      if (v.digest) byDigest.set(v.digest, row);
      continue;
    }
    const row = known ?? (v.type === 'execution' && v.digest ? byDigest.get(v.digest) : undefined);
    if (!row) continue;
    row.seqs.push(v.seq);
    applyEvent(row, v);
  }
  await fillEnvironments(log, rows);
  const actions = options.environment ? rows.filter((r) => r.environment === options.environment) : rows;
  const verification = await verifyAuditLog(log, {
    from: first || start,
    ...(last ? { to: last } : { to: 0 }),
    ...options.verify,
  });
  return {
    title: options.title ?? 'Agent activity: incident report',
    since: options.since,
    until: options.until,
    ...(options.environment ? { environment: options.environment } : {}),
    generatedAt: options.now ?? Date.now(),
    location: log.location,
    segment: { from: first, to: last, entries },
    verification,
    actions,
    controls,
    totals: totalsOf(actions),
  };
}

function applyEvent(row: ActionRow, v: EntryView): void {
  switch (v.type) {
    case 'request.created':
      if (v.approvalsRequired !== undefined) row.approvalsRequired = v.approvalsRequired;
      if (!row.policies.length) row.policies = v.policies;
      break;
    case 'approval':
      row.approvals.push({ approver: v.actor, at: v.at });
      break;
    case 'request.denied':
      row.denied = { by: v.actor, at: v.at, ...(v.reason ? { reason: v.reason } : {}) };
      row.outcome = 'denied by approver';
      break;
    case 'request.expired':
      row.expired = v.at;
      row.outcome = 'expired';
      break;
    case 'request.cancelled':
      row.cancelled = { by: v.actor, at: v.at };
      row.outcome = 'cancelled';
      break;
    case 'request.consumed':
      row.consumed = { by: v.actor, at: v.at };
      row.outcome = 'approved, ran';
      break;
    case 'request.approved':
      if (row.outcome === 'pending') row.outcome = 'approved';
      break;
    case 'request.reopened':
      if (row.outcome === 'approved') row.outcome = 'pending';
      break;
    case 'execution':
      row.executions.push(executionOf(v));
      break;
    case 'decision':
      if (v.outcome === 'deny' && row.outcome === 'pending') row.outcome = 'deny';
      if (typeof v.data.message === 'string') row.message = v.data.message;
      break;
  }
}

function executionOf(v: EntryView): ExecutionRow {
  const { result, signal, durationMs, credentials } = v.data;
  return {
    at: v.at,
    ...(v.exitCode !== undefined ? { exitCode: v.exitCode } : {}),
    ...(typeof signal === 'string' ? { signal } : {}),
    ...(typeof result === 'string' ? { result } : {}),
    ...(typeof durationMs === 'number' && Number.isFinite(durationMs) ? { durationMs } : {}),
    ...(typeof credentials === 'string' && credentials ? { credentials } : {}),
  };
}

/** Server decisions recorded before they carried their environment: take it from the stored request. */
async function fillEnvironments(log: AuditLog, rows: ActionRow[]): Promise<void> {
  for (const row of rows) {
    if (row.environment !== 'unknown' || !row.requestId) continue;
    const request = await log.store.getRequest(row.requestId);
    const env = (request?.assessment as { environment?: unknown } | undefined)?.environment;
    if (typeof env === 'string') row.environment = env;
    const policies = (request?.decision as { policies?: { id?: unknown }[] } | undefined)?.policies;
    if (!row.policies.length && Array.isArray(policies))
      row.policies = policies.map((p) => p?.id).filter((p): p is string => typeof p === 'string');
    if (!row.risk && typeof (request?.assessment as { risk?: unknown } | undefined)?.risk === 'string')
      row.risk = (request!.assessment as { risk: string }).risk;
  }
}

function totalsOf(actions: ActionRow[]): IncidentReport['totals'] {
  const byOutcome: Record<string, number> = {};
  for (const a of actions) byOutcome[a.outcome] = (byOutcome[a.outcome] ?? 0) + 1;
  const executions = actions.flatMap((a) => a.executions);
  return {
    actions: actions.length,
    byOutcome,
    agents: [...new Set(actions.map((a) => a.agent).filter((x): x is string => !!x))].sort(),
    humans: [...new Set(actions.map((a) => a.human).filter((x): x is string => !!x))].sort(),
    approvals: actions.reduce((n, a) => n + a.approvals.length, 0),
    executions: executions.length + actions.filter((a) => a.consumed).length,
    failedExecutions: executions.filter((x) => x.exitCode !== undefined && x.exitCode !== 0).length,
    production: actions.filter((a) => a.environment === 'production').length,
  };
}
