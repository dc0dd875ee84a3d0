import { visible } from '../core/text.js';
import type { AuditEntry } from '../store/types.js';
import type { AgentRef } from './actor.js';

// Every entry, local or server, of every type, read into one flat shape for tables, `show` and reports.
// Bodies are read defensively: a field of the wrong type is ignored, never trusted, never fatal.

export interface EntryView {
  seq: number;
  at: number;
  type: string;
  actor: string;
  source: 'local' | 'server';
  /** The human behind it (an agent's principal, or the person who acted). */
  human?: string;
  /** How the human is known: os-user / caller (local), token (the server authenticated the caller). */
  humanVia?: string;
  agent?: AgentRef;
  command?: string;
  cwd?: string;
  actionKind?: string;
  environment?: string;
  risk?: string;
  destructive?: boolean;
  /** What this entry answered (allow / ask / require-approval / deny / pending). */
  outcome?: string;
  /** What policy said, when a server reply differs from it. */
  policyOutcome?: string;
  approvalsRequired?: number;
  approverGroup?: string;
  policies: string[];
  requestId?: string;
  digest?: string;
  approvers?: string[];
  reason?: string;
  exitCode?: number;
  /** One line for people. */
  summary: string;
  data: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => str(x) ?? str(obj(x)?.id)).filter((x): x is string => !!x) : [];

function agentOf(data: Obj, actor: string): AgentRef | undefined {
  const chain = obj(obj(data.actor)?.agent);
  if (chain && str(chain.name)) return pick({ name: str(chain.name)!, ...chain });
  const requester = obj(data.requester);
  if (requester?.kind === 'agent' && str(requester.name)) {
    const extra = obj(data.agent) ?? {};
    return pick({ ...extra, name: str(requester.name)! });
  }
  if (data.requesterKind === 'agent') return { name: actor };
  return undefined;
}

function pick(a: Obj & { name: string }): AgentRef {
  const out: AgentRef = { name: a.name };
  for (const k of ['vendor', 'model', 'session'] as const) if (str(a[k])) out[k] = str(a[k])!;
  return out;
}

function humanOf(data: Obj, type: string, actor: string): string | undefined {
  const chain = str(obj(obj(data.actor)?.human)?.name);
  if (chain) return chain;
  const requester = obj(data.requester);
  if (requester)
    return str(requester.actsFor) ?? (requester.kind === 'human' ? str(requester.name) : undefined);
  // Approvals, denials, freezes and token changes are done by people under their own name.
  if (
    type !== 'decision' &&
    type !== 'request.consumed' &&
    actor !== 'interlock' &&
    actor !== 'circuit-breaker'
  )
    return actor;
  return undefined;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function summaryOf(v: Omit<EntryView, 'summary'>): string {
  const d = v.data;
  const req = v.requestId ?? '?';
  const what = v.command
    ? clip(visible(v.command.replace(/\s+/g, ' ')), 120)
    : (str(obj(d.action)?.file) ?? str(obj(d.action)?.summary));
  switch (v.type) {
    case 'decision':
      return `${what ?? v.actionKind ?? 'action'} → ${v.outcome ?? '?'}${v.policyOutcome && v.policyOutcome !== v.outcome ? ` (policy: ${v.policyOutcome})` : ''}${v.requestId ? ` [${v.requestId}]` : ''}`;
    case 'request.created':
      return `request ${req} needs ${v.approvalsRequired ?? '?'} approval(s)${v.approverGroup ? ` from ${v.approverGroup}` : ''}${what ? `: ${what}` : ''}`;
    case 'approval':
      return `${v.actor} approved ${req}${str(d.comment) ? ` ("${clip(str(d.comment)!, 80)}")` : ''}`;
    case 'request.approved':
      return `${req} approved by ${(v.approvers ?? [v.actor]).join(', ')}`;
    case 'request.denied':
      return `${v.actor} denied ${req}${v.reason ? `: ${clip(v.reason, 100)}` : ''}`;
    case 'request.cancelled':
      return `${v.actor} cancelled ${req}${v.reason ? `: ${clip(v.reason, 100)}` : ''}`;
    case 'request.expired':
      return `${req} expired (was ${str(d.was) ?? '?'})`;
    case 'request.consumed':
      return `${req} used by ${v.actor} (the approved action ran once)`;
    case 'request.reopened':
      return `${req} needs approvals again: ${strings(d.withdrawn).join(', ') || 'an approver'}'s token was revoked`;
    case 'freeze':
    case 'unfreeze':
    case 'agent.frozen':
    case 'agent.unfrozen':
      return `${v.type} ${str(d.scope) ?? ''} by ${str(d.by) ?? v.actor}${v.reason ? `: ${clip(v.reason, 100)}` : ''}`;
    case 'policy.changed':
      return `policies changed (${str(d.scope) ?? '?'}): ${str(d.change) ?? 'new policy set'}`;
    case 'execution':
      return `${what ?? 'action'} ${v.exitCode === undefined ? `ended (${str(d.result) ?? 'unknown'})` : `exited ${v.exitCode}`}${str(d.credentials) ? ` with ${str(d.credentials)}` : ''}${str(d.confirmedBy) ? `, confirmed by ${str(d.confirmedBy)}` : ''}`;
    case 'token.created':
      return `token ${str(d.id) ?? ''} created for ${str(d.kind) ?? ''} ${str(d.name) ?? ''}`;
    case 'token.revoked':
      return `token(s) of ${str(d.name) ?? '?'} revoked`;
    default:
      return v.type;
  }
}

export function viewEntry(e: AuditEntry): EntryView {
  let data: Obj = {};
  try {
    data = obj(obj(JSON.parse(e.body))?.data) ?? {};
  } catch {
    // an unreadable body shows as its type alone; `audit verify` says what happened to it
  }
  const action = obj(data.action);
  const local = obj(data.local);
  const localDecision = data.source === 'local';
  const view: Omit<EntryView, 'summary'> = {
    seq: e.seq,
    at: e.at,
    type: e.type,
    actor: e.actor,
    source: localDecision || e.type === 'policy.changed' || data.source === 'local' ? 'local' : 'server',
    policies: strings(data.policies),
    data,
    hash: e.hash,
    prevHash: e.prevHash,
  };
  const set = <K extends keyof EntryView>(k: K, v: EntryView[K] | undefined) => {
    if (v !== undefined) (view as EntryView)[k] = v;
  };
  set('human', humanOf(data, e.type, e.actor));
  if (view.human)
    set(
      'humanVia',
      str(obj(obj(data.actor)?.human)?.via) ?? (view.source === 'server' ? 'token' : undefined),
    );
  set('agent', agentOf(data, e.actor));
  set('command', str(action?.command));
  set('cwd', str(action?.cwd));
  set('actionKind', str(action?.kind));
  set('environment', str(data.environment) ?? str(obj(data.assessment)?.environment));
  set('risk', str(data.risk));
  set('destructive', bool(data.destructive));
  // A local decision records its final outcome and the policies' own (policyOutcome); older entries
  // recorded the policies' verdict as `outcome` and the server's answer beside it.
  const final = localDecision && str(data.policyOutcome) !== undefined;
  set('outcome', final ? str(data.outcome) : (str(obj(data.server)?.outcome) ?? str(data.outcome)));
  set(
    'policyOutcome',
    str(local?.outcome) ?? (localDecision ? (str(data.policyOutcome) ?? str(data.outcome)) : undefined),
  );
  set('approvalsRequired', num(data.approvalsRequired) ?? num(data.approvals) ?? num(local?.approvals));
  set('approverGroup', str(data.approverGroup) ?? str(local?.group));
  set('requestId', str(data.requestId) ?? str(obj(data.server)?.requestId));
  set('digest', str(data.digest));
  set('approvers', Array.isArray(data.approvers) ? strings(data.approvers) : undefined);
  set('reason', str(data.reason));
  set('exitCode', num(data.exitCode));
  return { ...view, summary: summaryOf(view) };
}
