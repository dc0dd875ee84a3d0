import type { AuditLog } from './open.js';
import type { AgentRef } from './actor.js';
import { viewEntry, type EntryView } from './entry-view.js';
import { entriesFrom, seqNear } from './query.js';
import { InputError } from '../core/errors.js';

// `interlock audit show`: everything the log says about one action, gathered around one entry — who
// proposed it and for whom, which policies decided, who approved and when, whether it ran, and how.

export interface Attribution {
  subject: EntryView;
  agent?: AgentRef;
  human?: { name: string; via: string };
  policies: string[];
  policyOutcome?: string;
  outcome?: string;
  request?: {
    id: string;
    state?: string;
    approvalsRequired?: number;
    approverGroup?: string;
    createdAt?: number;
    expiresAt?: number;
  };
  approvals: { approver: string; at: number; comment?: string; groups?: string[] }[];
  denied?: { by: string; at: number; reason?: string };
  consumed?: { by: string; at: number };
  executions: { seq: number; at: number; exitCode?: number; result?: string; confirmedBy?: string }[];
  /** Every entry about this action, oldest first (the subject included). */
  related: EntryView[];
}

const HOUR = 3_600_000;

/** `id`: an entry's seq, or an approval request id (req_…). */
export async function attribute(log: AuditLog, id: string): Promise<Attribution> {
  const { store, side } = log;
  let subject: EntryView | undefined;
  let request = /^req_/.test(id) ? await store.getRequest(id) : undefined;
  if (/^\d+$/.test(id)) {
    const [e] = await store.auditEntries(Number(id), 1);
    if (!e || e.seq !== Number(id))
      throw new InputError(
        `the log has no entry ${id} (\`interlock audit log\` lists them; \`audit verify\` says whether any were removed)`,
      );
    subject = viewEntry(e);
    if (subject.requestId) request = await store.getRequest(subject.requestId);
  } else if (!/^req_/.test(id)) {
    throw new InputError(`"${id}" is neither an entry number nor a request id (req_…)`);
  }
  const requestId = subject?.requestId ?? (/^req_/.test(id) ? id : undefined);
  const origin = request?.createdAt ?? subject?.at;
  const start = origin !== undefined ? await seqNear(store, side, origin) : 1;
  const horizon =
    Math.max(
      request?.expiresAt ?? 0,
      request?.consumedAt ?? 0,
      request?.decidedAt ?? 0,
      subject?.at ?? 0,
      origin ?? 0,
    ) + HOUR;

  const related: EntryView[] = [];
  const digest = subject?.digest ?? request?.digest;
  for await (const e of entriesFrom(store, start)) {
    if (e.at > horizon && (subject || related.length)) break;
    const v = viewEntry(e);
    const same =
      (requestId && v.requestId === requestId) ||
      (digest && v.digest === digest) ||
      (subject && v.seq === subject.seq);
    if (same) related.push(v);
  }
  subject ??=
    related.find((v) => v.type === 'decision' && v.requestId === requestId) ??
    related.find((v) => v.requestId === requestId);
  if (!subject) throw new InputError(`the log has no entry about request ${id}`);
  return summarise(subject, related, request);
}

function summarise(
  subject: EntryView,
  related: EntryView[],
  request: Awaited<ReturnType<AuditLog['store']['getRequest']>>,
): Attribution {
  const requestId = subject.requestId ?? request?.id;
  const ofRequest = related.filter((v) => requestId && v.requestId === requestId);
  const proposer = [subject, ...related].find((v) => v.agent || v.human) ?? subject;
  const created = ofRequest.find((v) => v.type === 'request.created');
  const decisions = related.filter((v) => v.type === 'decision');
  const deciding = decisions.find((v) => v.policies.length) ?? created ?? subject;
  const out: Attribution = {
    subject,
    policies: deciding.policies,
    approvals: ofRequest
      .filter((v) => v.type === 'approval')
      .map((v) => {
        const comment = typeof v.data.comment === 'string' ? v.data.comment : undefined;
        const groups = Array.isArray(v.data.groups)
          ? v.data.groups.filter((g): g is string => typeof g === 'string')
          : undefined;
        return {
          approver: v.actor,
          at: v.at,
          ...(comment ? { comment } : {}),
          ...(groups ? { groups } : {}),
        };
      }),
    executions: related
      .filter((v) => v.type === 'execution' && v.seq >= subject.seq)
      .map((v) => ({
        seq: v.seq,
        at: v.at,
        ...(v.exitCode !== undefined ? { exitCode: v.exitCode } : {}),
        ...(typeof v.data.result === 'string' ? { result: v.data.result } : {}),
        ...(typeof v.data.confirmedBy === 'string' ? { confirmedBy: v.data.confirmedBy } : {}),
      })),
    related,
  };
  if (proposer.agent) out.agent = proposer.agent;
  const human = proposer.human ?? request?.requester.actsFor;
  if (human)
    out.human = {
      name: human,
      via: proposer.humanVia ?? (proposer.source === 'server' ? 'token' : 'os-user'),
    };
  const policyOutcome =
    deciding.policyOutcome ?? (request?.decision as { outcome?: string } | undefined)?.outcome;
  if (policyOutcome) out.policyOutcome = policyOutcome;
  const final = [...decisions].reverse().find((v) => v.outcome) ?? subject;
  if (final.outcome) out.outcome = final.outcome;
  if (requestId) {
    out.request = { id: requestId };
    if (request) {
      out.request.state = request.state;
      out.request.approvalsRequired = request.approvalsRequired;
      if (request.approverGroup) out.request.approverGroup = request.approverGroup;
      out.request.createdAt = request.createdAt;
      out.request.expiresAt = request.expiresAt;
    } else if (created) {
      if (created.approvalsRequired !== undefined) out.request.approvalsRequired = created.approvalsRequired;
      if (created.approverGroup) out.request.approverGroup = created.approverGroup;
      out.request.createdAt = created.at;
    }
  }
  const denied = ofRequest.find((v) => v.type === 'request.denied');
  if (denied)
    out.denied = { by: denied.actor, at: denied.at, ...(denied.reason ? { reason: denied.reason } : {}) };
  const consumed = ofRequest.find((v) => v.type === 'request.consumed');
  if (consumed) out.consumed = { by: consumed.actor, at: consumed.at };
  if (!out.policies.length && request) {
    const p = (request.decision as { policies?: { id?: unknown }[] } | undefined)?.policies;
    if (Array.isArray(p))
      out.policies = p.map((x) => x?.id).filter((x): x is string => typeof x === 'string');
  }
  return out;
}
