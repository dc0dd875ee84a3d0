import type {
  Approval,
  ApprovalRequest,
  AuditEntry,
  AuditTuple,
  Freeze,
  Identity,
  NewIdentity,
  RequestState,
  WitnessedCheckpoint,
} from './types.js';
import { canonicalName } from './names.js';

// Rows as both databases return them (snake_case columns, JSON as text) to the domain objects, and back.

export interface RequestRow {
  id: string;
  digest: string;
  state: string;
  requester_kind: string;
  requester: string;
  requester_token: string | null;
  acts_for: string | null;
  approvals_required: number;
  approver_group: string | null;
  action_json: string;
  assessment_json: string;
  decision_json: string;
  created_at: number;
  expires_at: number;
  approved_at: number | null;
  decided_at: number | null;
  decided_by: string | null;
  reason: string | null;
  consumed_at: number | null;
}

const num = (v: number | string | null | undefined): number | undefined =>
  v === null || v === undefined ? undefined : Number(v);

export function requestFromRow(row: RequestRow): ApprovalRequest {
  const request: ApprovalRequest = {
    id: row.id,
    digest: row.digest,
    state: row.state as RequestState,
    requester: { kind: row.requester_kind === 'human' ? 'human' : 'agent', name: row.requester },
    approvalsRequired: Number(row.approvals_required),
    action: JSON.parse(row.action_json),
    assessment: JSON.parse(row.assessment_json),
    decision: JSON.parse(row.decision_json),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
  if (row.requester_token !== null) request.requester.tokenId = row.requester_token;
  if (row.acts_for !== null) request.requester.actsFor = row.acts_for;
  if (row.approver_group !== null) request.approverGroup = row.approver_group;
  const optional = {
    approvedAt: num(row.approved_at),
    decidedAt: num(row.decided_at),
    consumedAt: num(row.consumed_at),
  };
  for (const [k, v] of Object.entries(optional))
    if (v !== undefined) (request as unknown as Record<string, number>)[k] = v;
  if (row.decided_by !== null) request.decidedBy = row.decided_by;
  if (row.reason !== null) request.reason = row.reason;
  return request;
}

/** Column values of a new request, in the order of REQUEST_COLUMNS. */
export const REQUEST_COLUMNS = [
  'id',
  'digest',
  'state',
  'requester_kind',
  'requester',
  'requester_token',
  'acts_for',
  'approvals_required',
  'approver_group',
  'action_json',
  'assessment_json',
  'decision_json',
  'created_at',
  'expires_at',
  'approved_at',
  'decided_at',
  'decided_by',
  'reason',
  'consumed_at',
] as const;

export function requestValues(r: ApprovalRequest): (string | number | null)[] {
  return [
    r.id,
    r.digest,
    r.state,
    r.requester.kind,
    r.requester.name,
    r.requester.tokenId ?? null,
    r.requester.actsFor ?? null,
    r.approvalsRequired,
    r.approverGroup ?? null,
    JSON.stringify(r.action),
    JSON.stringify(r.assessment),
    JSON.stringify(r.decision),
    r.createdAt,
    r.expiresAt,
    r.approvedAt ?? null,
    r.decidedAt ?? null,
    r.decidedBy ?? null,
    r.reason ?? null,
    r.consumedAt ?? null,
  ];
}

/** The columns a RequestPatch may change, and their values. */
export function patchColumns(patch: Record<string, unknown>): [string, string | number | null][] {
  const map: Record<string, string> = {
    state: 'state',
    expiresAt: 'expires_at',
    approvedAt: 'approved_at',
    decidedAt: 'decided_at',
    decidedBy: 'decided_by',
    reason: 'reason',
    consumedAt: 'consumed_at',
  };
  return Object.entries(patch)
    .filter(([k, v]) => map[k] !== undefined && v !== undefined)
    .map(([k, v]) => [map[k]!, v as string | number | null]);
}

export interface IdentityRow {
  id: string;
  kind: string;
  name: string;
  groups_json: string;
  acts_for: string | null;
  created_at: number;
  revoked_at: number | null;
  /** Absent in rows read before migration 4. */
  slack_user?: string | null;
}

/**
 * Column values of a new identity (id, kind, name, groups_json, acts_for, token_hash, created_at,
 * slack_user). An agent
 * identity without the human it acts for is refused: nobody could tell whose approval is self-approval.
 */
export function identityValues(i: NewIdentity): (string | number | null)[] {
  if (i.kind === 'agent' && !i.actsFor)
    throw new Error(`agent identity ${i.id} (${i.name}) must name the human it acts for`);
  if (i.kind === 'agent' && i.slackUser)
    throw new Error(`agent identity ${i.id} (${i.name}) cannot carry a Slack user: only humans vote`);
  return [
    i.id,
    i.kind,
    i.name,
    JSON.stringify(i.groups),
    i.actsFor ?? null,
    i.tokenHash,
    i.createdAt,
    i.slackUser ?? null,
  ];
}

/** An identity as the rules see it: names and groups in their canonical form, however they were stored. */
export function identityFromRow(row: IdentityRow): Identity {
  const identity: Identity = {
    id: row.id,
    kind: row.kind === 'human' ? 'human' : 'agent',
    name: canonicalName(row.name),
    groups: [...new Set((JSON.parse(row.groups_json) as string[]).map(canonicalName))].sort(),
    createdAt: Number(row.created_at),
  };
  if (row.acts_for !== null) identity.actsFor = canonicalName(row.acts_for);
  if (row.revoked_at !== null) identity.revokedAt = Number(row.revoked_at);
  if (row.slack_user) identity.slackUser = row.slack_user;
  return identity;
}

export interface ApprovalRow {
  request_id: string;
  approver: string;
  token_id: string;
  groups_json: string;
  comment: string | null;
  at: number;
  /** From the approver's identity (APPROVALS_WITH_TOKENS). */
  token_revoked_at?: number | null;
}

/** Approvals with their token's revocation time; add `WHERE a.request_id = …`. */
export const APPROVALS_WITH_TOKENS =
  'SELECT a.*, i.revoked_at AS token_revoked_at FROM approvals a LEFT JOIN identities i ON i.id = a.token_id';

/** Insert an approval; replace one by the same approver only when that one's token has been revoked. */
export const INSERT_APPROVAL = (p: (n: number) => string) =>
  `INSERT INTO approvals (request_id, approver, token_id, groups_json, comment, at) VALUES (${[1, 2, 3, 4, 5, 6].map(p).join(', ')})
   ON CONFLICT (request_id, approver) DO UPDATE SET token_id = excluded.token_id, groups_json = excluded.groups_json, comment = excluded.comment, at = excluded.at
   WHERE approvals.token_id IN (SELECT id FROM identities WHERE revoked_at IS NOT NULL)`;

export function approvalFromRow(row: ApprovalRow): Approval {
  const approval: Approval = {
    requestId: row.request_id,
    approver: row.approver,
    tokenId: row.token_id,
    groups: JSON.parse(row.groups_json) as string[],
    at: Number(row.at),
  };
  if (row.comment !== null) approval.comment = row.comment;
  if (row.token_revoked_at !== null && row.token_revoked_at !== undefined)
    approval.tokenRevokedAt = Number(row.token_revoked_at);
  return approval;
}

export interface FreezeRow {
  scope: string;
  frozen: number;
  at: number;
  set_by: string;
  reason: string;
}

export function freezeFromRow(row: FreezeRow): Freeze {
  return {
    scope: row.scope,
    frozen: Number(row.frozen) === 1,
    at: Number(row.at),
    by: row.set_by,
    reason: row.reason,
  };
}

export interface AuditRow {
  seq: number;
  at: number;
  type: string;
  actor: string;
  body: string;
  prev_hash: string;
  hash: string;
}

/** The audit columns in `AuditTuple` order, from a seq on (SQLite placeholders). */
export const AUDIT_TUPLES =
  'SELECT seq, at, type, actor, body, prev_hash, hash FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?';
/** The same for PostgreSQL: seq and at are BIGINT, which the driver returns as text; float8 is a number. */
export const AUDIT_TUPLES_PG =
  'SELECT seq::float8, at::float8, type, actor, body, prev_hash, hash FROM audit WHERE seq >= $1 ORDER BY seq LIMIT $2';

export function auditFromTuple(t: AuditTuple): AuditEntry {
  return { seq: t[0], at: t[1], type: t[2], actor: t[3], body: t[4], prevHash: t[5], hash: t[6] };
}

export function auditFromRow(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: Number(row.at),
    type: row.type,
    actor: row.actor,
    body: row.body,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface WitnessedRow {
  token_id: string;
  log_id: string;
  seq: number | string;
  hash: string;
  at: number | string;
  key_id: string;
  signature: string;
  received_at: number | string;
}

export const LATEST_WITNESSED = (p: (n: number) => string) =>
  `SELECT * FROM witnessed_checkpoints WHERE token_id = ${p(1)} AND log_id = ${p(2)} ORDER BY seq DESC LIMIT 1`;

export const WITNESSED_OF_LOG = (p: (n: number) => string) =>
  `SELECT * FROM witnessed_checkpoints WHERE token_id = ${p(1)} AND log_id = ${p(2)} ORDER BY seq`;

export const INSERT_WITNESSED = (p: (n: number) => string) =>
  `INSERT INTO witnessed_checkpoints (token_id, log_id, seq, hash, at, key_id, signature, received_at) VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map(p).join(', ')})`;

export function witnessedValues(c: WitnessedCheckpoint): (string | number)[] {
  return [c.tokenId, c.logId, c.seq, c.hash, c.at, c.keyId, c.signature, c.receivedAt];
}

export function witnessedFromRow(r: WitnessedRow): WitnessedCheckpoint {
  return {
    tokenId: r.token_id,
    logId: r.log_id,
    seq: Number(r.seq),
    hash: r.hash,
    at: Number(r.at),
    keyId: r.key_id,
    signature: r.signature,
    receivedAt: Number(r.received_at),
  };
}
