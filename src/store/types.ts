// The approval server's state, as plain data. One interface (`Store`), two implementations (SQLite for a
// single server with no setup, PostgreSQL for replicas sharing one state). The rules that change this state
// live in one place, src/server/service.ts; the stores only read and write rows, inside transactions.

export const REQUEST_STATES = ['pending', 'approved', 'denied', 'expired', 'cancelled', 'consumed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export type IdentityKind = 'agent' | 'human';

/** A caller of the server: one token, stored hashed. Several tokens may carry the same name. */
export interface Identity {
  id: string;
  kind: IdentityKind;
  name: string;
  /** Groups a human belongs to (policies and approver rules use them). Empty for agents. */
  groups: string[];
  /**
   * The human an agent acts for, fixed when its token was created; the server never takes it from the
   * client. Every new agent identity has one; an agent identity stored without one (made before it was
   * required) gets its decisions refused until it is re-created.
   */
  actsFor?: string;
  /** The Slack user id whose button clicks act as this human (`token create --slack-user`). */
  slackUser?: string;
  createdAt: number;
  revokedAt?: number;
}

export interface NewIdentity {
  id: string;
  kind: IdentityKind;
  name: string;
  groups: string[];
  actsFor?: string;
  tokenHash: string;
  createdAt: number;
  slackUser?: string;
}

/**
 * Who asked: the token (its identity id), its kind and name, and the human an agent acts for. The token is
 * the principal: a request, its grant and its cancellation belong to it, never to a name that several
 * tokens may carry. Requests made before tokens were recorded (schema version 1) have no `tokenId`: no
 * token owns them, so none can use or cancel them; they expire.
 */
interface Requester {
  kind: IdentityKind;
  name: string;
  tokenId?: string;
  actsFor?: string;
}

export interface ApprovalRequest {
  id: string;
  /** sha256 of the canonical action: the approval is bound to exactly this action. */
  digest: string;
  state: RequestState;
  requester: Requester;
  approvalsRequired: number;
  approverGroup?: string;
  /** What would run (validated JSON from the client; see src/approvals/api.ts). */
  action: unknown;
  /** What it would do: effects, environment, risk. */
  assessment: unknown;
  /** The policy decision that asked for approval: policies, reasons. */
  decision: unknown;
  createdAt: number;
  expiresAt: number;
  approvedAt?: number;
  decidedAt?: number;
  decidedBy?: string;
  reason?: string;
  consumedAt?: number;
}

export interface Approval {
  requestId: string;
  approver: string;
  tokenId: string;
  groups: string[];
  comment?: string;
  at: number;
  /**
   * When the approver's token was revoked, as read (never written): an approval by a revoked token no
   * longer counts toward a request that is still open.
   */
  tokenRevokedAt?: number;
}

/** A freeze: scope "global" (every agent) or "agent:NAME" (one agent, e.g. tripped by the circuit breaker). */
export interface Freeze {
  scope: string;
  frozen: boolean;
  at: number;
  by: string;
  reason: string;
}

export interface AuditEntry {
  seq: number;
  at: number;
  type: string;
  actor: string;
  /** Canonical JSON of {seq, at, type, actor, data}: the bytes that are hashed. */
  body: string;
  prevHash: string;
  hash: string;
}

/**
 * An audit entry as the database returns it, without building an object per row (what `audit verify`
 * walks a million of): [seq, at, type, actor, body, prevHash, hash].
 */
export type AuditTuple = [
  seq: number,
  at: number,
  type: string,
  actor: string,
  body: string,
  prevHash: string,
  hash: string,
];

export interface AuditInput {
  type: string;
  actor: string;
  at: number;
  data: Record<string, unknown>;
}

/**
 * A signed checkpoint of a log kept elsewhere (an agent's machine), as the token that sent it gave it: the
 * server is the outside witness that a rewrite, a cut tail or a wipe of that log cannot reach.
 */
export interface WitnessedCheckpoint {
  /** The token (identity id) that sent it: logs are kept apart per token. */
  tokenId: string;
  logId: string;
  seq: number;
  hash: string;
  at: number;
  keyId: string;
  signature: string;
  receivedAt: number;
}

export interface RequestFilter {
  states?: RequestState[];
  /** Only the requests this token made. */
  requesterToken?: string;
  limit?: number;
}

export type RequestPatch = Partial<
  Pick<ApprovalRequest, 'state' | 'expiresAt' | 'decidedAt' | 'decidedBy' | 'reason' | 'consumedAt'>
> & {
  /** null clears it (a request that goes back to pending). */
  approvedAt?: number | null;
};

/**
 * What a transaction can do. Every state change runs inside `Store.transact`, and every state change
 * appends to the audit log in the same transaction (`appendAudit`), so the log and the state never disagree.
 */
export interface Tx {
  getRequest(id: string): Promise<ApprovalRequest | undefined>;
  /** The request this token made for this digest that is pending or approved (at most one exists). */
  findOpenRequest(requesterToken: string, digest: string): Promise<ApprovalRequest | undefined>;
  /** The most recent request this token made for this digest, in any state. */
  findLatestRequest(requesterToken: string, digest: string): Promise<ApprovalRequest | undefined>;
  insertRequest(request: ApprovalRequest): Promise<void>;
  updateRequest(id: string, patch: RequestPatch): Promise<void>;
  /** Open requests whose deadline has passed. */
  listOverdue(now: number, limit: number): Promise<ApprovalRequest[]>;
  /** The approvals of a request, each with its token's revocation time when it has been revoked. */
  listApprovals(requestId: string): Promise<Approval[]>;
  /**
   * Inserts unless this approver already approved this request; an earlier approval of theirs whose token
   * has since been revoked is replaced. True when written.
   */
  insertApproval(approval: Approval): Promise<boolean>;
  /** Approved (not yet used) requests that an approval by one of these tokens helped approve. */
  listApprovedBy(tokenIds: string[]): Promise<ApprovalRequest[]>;
  getFreeze(scope: string): Promise<Freeze | undefined>;
  setFreeze(freeze: Freeze): Promise<void>;
  /** Destructive activity of an agent, for the circuit breaker. */
  recordActivity(agent: string, at: number, digest: string): Promise<void>;
  countActivity(agent: string, since: number): Promise<number>;
  pruneActivity(before: number): Promise<void>;
  /** Forget an agent's counted activity (a human reset its circuit breaker). */
  clearActivity(agent: string): Promise<void>;
  insertIdentity(identity: NewIdentity): Promise<void>;
  revokeIdentity(idOrName: string, at: number): Promise<Identity[]>;
  /**
   * False when the token of a caller found with `identityByTokenHash(hash, true)` was revoked, by this
   * store or another process, before this transaction began and that lookup may have missed it (both
   * stores answer such lookups from memory). PostgreSQL answers true unless it knows of the revocation and
   * confirms the caller under the audit-head lock as it commits: revoked by then, the transaction is
   * retried and this answers false.
   */
  callerLive(caller: Identity): Promise<boolean>;
  /**
   * The entry as it will be stored. Its seq, hash and body are certain once the transaction has committed
   * (PostgreSQL numbers and chains entries under the head lock as it commits): read them after `transact`.
   */
  appendAudit(entry: AuditInput): Promise<AuditEntry>;
  /** The newest checkpoint this token sent for this log. */
  latestWitnessedCheckpoint(tokenId: string, logId: string): Promise<WitnessedCheckpoint | undefined>;
  insertWitnessedCheckpoint(checkpoint: WitnessedCheckpoint): Promise<void>;
}

export type StoreKind = 'sqlite' | 'postgres';

/** When a transaction's caller may hear of its commit. */
export interface TransactOptions {
  /**
   * Losing this commit in a crash of the machine would be harmless: it records only allows of actions known
   * to have no effect. A store that flushes off the event loop may then answer once the commit is written,
   * before its flush ends, while its flushes keep up (SqliteStore); every other commit is answered once it is
   * on disk, and a later one's flush covers this one. PostgreSQL commits durably either way.
   */
  harmless?: boolean;
}

export interface Store {
  readonly kind: StoreKind;
  /** A human-readable location (file path, or the database URL without its password). */
  readonly location: string;
  /** Run the schema migrations that have not run yet. Safe to call from several replicas at once. */
  migrate(): Promise<void>;
  /** Run `fn` in one serialisable transaction; everything it wrote is committed durably, or nothing is. */
  transact<T>(fn: (tx: Tx) => Promise<T>, options?: TransactOptions): Promise<T>;
  /**
   * Reads outside a transaction (they see committed state only). A token revoked before the read is not
   * found; with `confirmedInTransaction` (the caller checks `Tx.callerLive` in the transaction it goes on
   * to run) a store may answer from what it remembers without looking for another process's revocation.
   */
  identityByTokenHash(hash: string, confirmedInTransaction?: boolean): Promise<Identity | undefined>;
  /** The live human identity this Slack user id was mapped to, if any. */
  identityBySlackUser(slackUser: string): Promise<Identity | undefined>;
  listIdentities(): Promise<Identity[]>;
  getRequest(id: string): Promise<ApprovalRequest | undefined>;
  listRequests(filter: RequestFilter): Promise<ApprovalRequest[]>;
  /** Pending requests not yet past their deadline at `now` (a count, for the metrics scrape). */
  countPending(now: number): Promise<number>;
  listApprovals(requestId: string): Promise<Approval[]>;
  listFreezes(): Promise<Freeze[]>;
  auditEntries(fromSeq?: number, limit?: number): Promise<AuditEntry[]>;
  /** The same entries as `auditEntries`, as tuples: the cheap form for walking the whole log. */
  auditTuples(fromSeq: number, limit: number): Promise<AuditTuple[]>;
  /** Every checkpoint this token sent for this log, oldest first. */
  witnessedCheckpoints(tokenId: string, logId: string): Promise<WitnessedCheckpoint[]>;
  close(): Promise<void>;
}
