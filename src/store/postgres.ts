import pg from 'pg';
import {
  appendAndCommitSql,
  CALLER_REVOKED,
  chainRow,
  FREEZES_JSON,
  REVOKED_OF,
  revokedCallers,
} from './postgres-chain.js';
import { IdentityCache } from './identity-cache.js';
import { canonicalName } from './names.js';
import { migratePostgres } from './postgres-migrate.js';
import { IdentityReads, type TokenRow } from './postgres-identity-reads.js';
import {
  APPROVALS_WITH_TOKENS,
  approvalFromRow,
  auditFromRow,
  AUDIT_TUPLES_PG,
  freezeFromRow,
  identityFromRow,
  identityValues,
  INSERT_APPROVAL,
  patchColumns,
  REQUEST_COLUMNS,
  requestFromRow,
  requestValues,
  type ApprovalRow,
  type AuditRow,
  type FreezeRow,
  type IdentityRow,
  type RequestRow,
  INSERT_WITNESSED,
  LATEST_WITNESSED,
  WITNESSED_OF_LOG,
  witnessedFromRow,
  witnessedValues,
  type WitnessedRow,
} from './rows.js';
import { isSlackUserConflict, SlackUserTakenError } from './conflicts.js';
import type {
  Approval,
  ApprovalRequest,
  AuditEntry,
  AuditTuple,
  AuditInput,
  Freeze,
  Identity,
  NewIdentity,
  RequestFilter,
  RequestPatch,
  Store,
  Tx,
  WitnessedCheckpoint,
} from './types.js';

const OPEN = `state IN ('pending', 'approved')`;
const IDENTITY_COLUMNS =
  'id, kind, name, groups_json, acts_for, token_hash, created_at, revoked_at, slack_user';

/** int8 (counts, millisecond timestamps) as numbers: every value we store is far below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** The schema that holds Interlock's tables (default "interlock"; tests use one per run). */
  schema?: string;
  poolSize?: number;
  /**
   * Take the head lock in the first round trip, as every transaction did before the lock moved to the end
   * (src/bench/pg-chain.ts compares the two); off by default.
   */
  lockAtStart?: boolean;
}

/** `postgres://user:secret@host/db?schema=x` → the connection string without `schema`, and the schema. */
export function parsePostgresUrl(url: string): { connectionString: string; schema?: string; safe: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  if (parsed.password) parsed.password = '***';
  return { connectionString, ...(schema ? { schema } : {}), safe: parsed.toString() };
}

// A revoked caller (CALLER_REVOKED) is retried too: the store then knows it, and its decision refuses it.
const RETRYABLE = new Set(['40001', '40P01', '23505', CALLER_REVOKED]);
/** The error without its SQLSTATE, so its batch is not retried (its COMMIT may have gone through). */
const notRetried = (error: unknown) =>
  new Error(`a batch's flush failed after its COMMIT: ${(error as Error).message}`, { cause: error });
const ignore = () => undefined;

interface Job {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;

/**
 * Counted inside the store, for the benches: round trips to the database, and how long the audit-head lock
 * was held as this process sees it (from sending the statement that takes it to the COMMIT's reply).
 */
export interface PostgresStats {
  batches: number;
  transactions: number;
  roundTrips: number;
  /** Round trips sent while this replica held the head lock (each one a wait for the other replicas). */
  lockedRoundTrips: number;
  /** For a batch that only appends, until its reply, which now waits for the flush too (an upper bound). */
  lockHeldMs: number;
  /** Flushes that made batches committed asynchronously durable, each in its batch's message (postgres-chain.ts). */
  flushes: number;
}

/** Every count at zero: a store's start, and what a bench sums replicas' counts onto. */
export function noPostgresStats(): PostgresStats {
  return { batches: 0, transactions: 0, roundTrips: 0, lockedRoundTrips: 0, lockHeldMs: 0, flushes: 0 };
}

/**
 * PostgreSQL: several server replicas share one state. Every writing transaction holds the lock on the head
 * of the audit chain (one row) before it commits, so writes are serialised across replicas exactly as in
 * SQLite: the rules see one consistent state, and the hash chain stays a line. A transaction that only
 * reads the freezes and appends (most decisions) takes the lock at its very end, in the message that
 * appends and commits (src/store/postgres-chain.ts); one that reads or writes anything else takes it
 * before its first such statement (PostgresTx).
 *
 * Group commit: transactions that arrive together at one replica run one after another in one PostgreSQL
 * transaction and share its lock, round trips and commit. If one of them fails, the batch is undone and
 * each runs alone, so a failure never takes another transaction's work with it.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  readonly schema: string;
  private readonly pool: pg.Pool;
  private readonly queue: Job[] = [];
  private draining = false;
  private readonly lockAtStart: boolean;
  /**
   * The freezes as the last committed batch saw them under the head lock: a batch decides on them without
   * reading them first, and its append checks them again under the lock (a freeze set through another
   * replica meanwhile fails the append, and the retry reads them afresh). Undefined: read them first.
   */
  private freezesKnown: string | undefined;
  private readonly identityReads = new IdentityReads((hashes) =>
    this.rows<TokenRow>({
      name: 'interlock_identities_by_token_hash',
      // Named columns: a prepared plan's result must not change shape when another replica migrates.
      text: `SELECT ${IDENTITY_COLUMNS} FROM identities WHERE token_hash = ANY($1) AND revoked_at IS NULL`,
      values: [hashes],
    }),
  );
  /**
   * Identities a decision found by its token's hash, for decisions that confirm their caller in their own
   * transaction (`confirmedInTransaction`): the append checks under the head lock that none was revoked
   * (postgres-chain.ts), so such a lookup costs no round trip. Identities change only by revocation.
   */
  private readonly identities = new IdentityCache();
  /** Identities this replica saw revoked (a revocation is never undone): their callers are refused at once. */
  private readonly revoked = new Set<string>();
  readonly stats: PostgresStats = noPostgresStats();

  constructor(url: string, options: PostgresOptions = {}) {
    const { connectionString, schema, safe } = parsePostgresUrl(url);
    this.schema = options.schema ?? schema ?? 'interlock';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema))
      throw new Error(
        `PostgreSQL schema "${this.schema}" is not a plain lower-case identifier (letters, digits, _)`,
      );
    this.lockAtStart = options.lockAtStart ?? false;
    this.location = `${safe}${safe.includes('?') ? '&' : '?'}schema=${this.schema}`;
    this.pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      options: `-c search_path=${this.schema}`,
      types: TYPES,
    });
    // An idle client that loses its connection must not crash the server; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Replicas starting together take turns (src/store/postgres-migrate.ts). */
  migrate(): Promise<void> {
    return migratePostgres(this.pool, this.schema);
  }

  transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // Let the transactions that arrive with this one queue up behind it: they share its commit.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        // The next batch goes on once this one only waits for its reply (its flush): see runBatch.
        let sent!: () => void;
        const detached = new Promise<void>((resolve) => (sent = resolve));
        await Promise.race([this.runJobs(batch, sent), detached]);
      }
    } finally {
      this.draining = false;
      if (this.queue.length) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    }
  }

  /** A batch in which one transaction failed is undone whole, and each then runs on its own. */
  private async runJobs(batch: Job[], sent: () => void): Promise<void> {
    if (!(await this.runBatch(batch, sent))) for (const job of batch) await this.runBatch([job], ignore);
  }

  /**
   * One PostgreSQL transaction for the jobs, under the audit-head lock. False when a job failed in a batch
   * of several (nothing was committed; the caller runs them one by one); every job is settled otherwise.
   * `sent` is called when all that is left is the message that appends, commits asynchronously and flushes
   * (postgres-chain.ts): the replica's next batch then starts on another connection while this one waits
   * for the disk. A retry (a freeze changed) runs meanwhile; the append checks the freezes under the lock.
   */
  private async runBatch(jobs: Job[], sent: () => void): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect().catch((error: unknown) => error as Error);
      if (client instanceof Error) {
        for (const job of jobs) job.reject(client);
        return true;
      }
      // Lost between two statements (PostgreSQL went away), the connection must not crash the process:
      // pg emits that on a checked-out client with no listener; the next statement fails instead.
      client.on('error', ignore);
      let broken = false;
      let jobFailed: unknown;
      try {
        const tx = await this.begin(client, jobs.length);
        const values: unknown[] = [];
        for (const job of jobs) {
          try {
            values.push(await job.fn(tx));
          } catch (error) {
            jobFailed = error;
            throw error;
          }
        }
        if (tx.appendsOnly) sent();
        await tx.commit();
        // Checked under the lock at commit, unless this batch changed a freeze (then read them next time).
        this.freezesKnown = tx.freezesChanged ? undefined : tx.freezesSeen;
        jobs.forEach((job, i) => job.resolve(values[i]));
        return true;
      } catch (error) {
        this.freezesKnown = undefined;
        for (const id of revokedCallers(error) ?? []) this.revoked.add(id);
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        if (jobFailed !== undefined && jobs.length > 1) return false;
        const code = (error as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < 5) continue;
        for (const job of jobs) job.reject(error);
        return true;
      } finally {
        client.off('error', ignore);
        client.release(broken);
      }
    }
  }

  /**
   * A transaction for a batch. With the freezes known from the last batch, nothing is sent yet: a batch of
   * decisions then costs one message, sent at its commit. Otherwise one round trip, no lock: begin and read
   * the freezes (a small table) as one JSON text, which the append compares with the freezes that hold once
   * the lock is granted.
   */
  private async begin(client: pg.PoolClient, jobs: number): Promise<PostgresTx> {
    this.stats.batches++;
    this.stats.transactions += jobs;
    if (this.freezesKnown !== undefined && !this.lockAtStart)
      return new PostgresTx(client, this.freezesKnown, this.stats, this.revoked, false);
    const lockFirst = this.lockAtStart ? 'SELECT 1 FROM audit_head WHERE id = 1 FOR UPDATE; ' : '';
    const lockedAt = this.lockAtStart ? performance.now() : undefined;
    const results = (await client.query(
      `BEGIN; ${lockFirst}SELECT ${FREEZES_JSON} AS freezes`,
    )) as unknown as pg.QueryResult<{ freezes: string }>[];
    this.stats.roundTrips++;
    if (lockedAt !== undefined) this.stats.lockedRoundTrips++;
    return new PostgresTx(client, results.at(-1)!.rows[0]!.freezes, this.stats, this.revoked, true, lockedAt);
  }

  private async rows<R extends pg.QueryResultRow>(
    query: string | pg.QueryConfig,
    params: unknown[] = [],
  ): Promise<R[]> {
    return (await (typeof query === 'string' ? this.pool.query<R>(query, params) : this.pool.query<R>(query)))
      .rows;
  }

  /**
   * Read afresh (the lookups that arrive together in one query), unless the caller confirms the identity in
   * its transaction (`Tx.callerLive`): then from memory while no revocation of it has been seen.
   */
  async identityByTokenHash(hash: string, confirmedInTransaction = false): Promise<Identity | undefined> {
    const stamp = this.revoked.size;
    const known = confirmedInTransaction ? this.identities.get(hash, stamp, 0) : undefined;
    if (known) return known;
    const row = await this.identityReads.read(hash);
    if (!row) return undefined;
    const identity = identityFromRow(row);
    Object.freeze(identity.groups);
    this.identities.set(hash, Object.freeze(identity), stamp, 0);
    return identity;
  }

  async identityBySlackUser(slackUser: string): Promise<Identity | undefined> {
    const [row] = await this.rows<IdentityRow>(
      "SELECT * FROM identities WHERE slack_user = $1 AND kind = 'human' AND revoked_at IS NULL",
      [slackUser],
    );
    return row ? identityFromRow(row) : undefined;
  }

  async listIdentities(): Promise<Identity[]> {
    return (await this.rows<IdentityRow>('SELECT * FROM identities ORDER BY created_at')).map(
      identityFromRow,
    );
  }

  async getRequest(id: string): Promise<ApprovalRequest | undefined> {
    const [row] = await this.rows<RequestRow>('SELECT * FROM requests WHERE id = $1', [id]);
    return row ? requestFromRow(row) : undefined;
  }

  async listRequests(filter: RequestFilter): Promise<ApprovalRequest[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.states?.length) {
      params.push(filter.states);
      where.push(`state = ANY($${params.length})`);
    }
    if (filter.requesterToken) {
      params.push(filter.requesterToken);
      where.push(`requester_token = $${params.length}`);
    }
    params.push(filter.limit ?? 100);
    const sql = `SELECT * FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT $${params.length}`;
    return (await this.rows<RequestRow>(sql, params)).map(requestFromRow);
  }

  async countPending(now: number): Promise<number> {
    const [row] = await this.rows<{ n: string }>(
      "SELECT COUNT(*) AS n FROM requests WHERE state = 'pending' AND expires_at > $1",
      [now],
    );
    return Number(row?.n ?? 0);
  }

  async listApprovals(requestId: string): Promise<Approval[]> {
    return (
      await this.rows<ApprovalRow>(
        `${APPROVALS_WITH_TOKENS} WHERE a.request_id = $1 ORDER BY a.at, a.approver`,
        [requestId],
      )
    ).map(approvalFromRow);
  }

  async listFreezes(): Promise<Freeze[]> {
    return (await this.rows<FreezeRow>('SELECT * FROM freezes ORDER BY scope')).map(freezeFromRow);
  }

  async auditEntries(fromSeq = 1, limit = 1000): Promise<AuditEntry[]> {
    return (
      await this.rows<AuditRow>('SELECT * FROM audit WHERE seq >= $1 ORDER BY seq LIMIT $2', [fromSeq, limit])
    ).map(auditFromRow);
  }

  async auditTuples(fromSeq: number, limit: number): Promise<AuditTuple[]> {
    const result = await this.pool.query<AuditTuple>({
      text: AUDIT_TUPLES_PG,
      values: [fromSeq, limit],
      rowMode: 'array',
    });
    return result.rows;
  }

  async witnessedCheckpoints(tokenId: string, logId: string) {
    return (
      await this.rows<WitnessedRow>(
        WITNESSED_OF_LOG((n) => `$${n}`),
        [tokenId, logId],
      )
    ).map(witnessedFromRow);
  }

  /** Drop this store's schema and everything in it (tests clean up after themselves with it). */
  async dropSchema(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresTx implements Tx {
  /** Audit entries of this transaction, appended and committed in one message at the end. */
  private readonly pending: { entry: AuditEntry; row: ReturnType<typeof chainRow> }[] = [];
  /** The freezes as read at the start, kept current as this transaction changes them. */
  private readonly freezes: Map<string, Freeze>;
  /** Whether this transaction wrote a freeze (its store then reads them again for the next batch). */
  freezesChanged = false;
  /** Callers taken as live, to be confirmed under the head lock when this transaction commits. */
  private readonly callers = new Set<string>();

  /** Whether all it sends is the message that appends and commits (no lock taken before): see commit(). */
  get appendsOnly(): boolean {
    return this.lockedAt === undefined && this.pending.length > 0;
  }

  constructor(
    private readonly client: pg.PoolClient,
    readonly freezesSeen: string,
    private readonly stats: PostgresStats,
    /** Identities known revoked (see PostgresStore.revoked). */
    private readonly revoked: ReadonlySet<string>,
    /** Whether BEGIN was sent (not yet when the batch decides on the freezes its store knew). */
    private begun: boolean,
    private lockedAt?: number,
  ) {
    this.freezes = new Map((JSON.parse(freezesSeen) as FreezeRow[]).map((r) => [r.scope, freezeFromRow(r)]));
  }

  /**
   * Before the first statement that reads or writes anything but the freezes: take the head lock, as every
   * transaction did before, so the rules see one state across replicas. The freezes are read again after
   * the lock was granted (a new statement, a new snapshot); if one changed since they were read, the
   * transaction is retried rather than decided on an old freeze.
   */
  private async lock(): Promise<void> {
    if (this.lockedAt !== undefined) return;
    this.lockedAt = performance.now();
    const begin = this.begun ? '' : 'BEGIN; ';
    this.begun = true;
    const results = (await this.round(
      `${begin}SELECT 1 FROM audit_head WHERE id = 1 FOR UPDATE; SELECT ${FREEZES_JSON} AS freezes`,
    )) as unknown as pg.QueryResult<{ freezes: string }>[];
    if (results.at(-1)!.rows[0]!.freezes !== this.freezesSeen)
      throw Object.assign(new Error('a freeze changed while this transaction decided; it is retried'), {
        code: '40001',
      });
  }

  private async round<R extends pg.QueryResultRow>(sql: string, params?: unknown[]) {
    this.stats.roundTrips++;
    if (this.lockedAt !== undefined) this.stats.lockedRoundTrips++;
    return this.client.query<R>(sql, params);
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[]) {
    await this.lock();
    return this.round<R>(sql, params);
  }

  private async one<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R | undefined> {
    return (await this.query<R>(sql, params)).rows[0];
  }

  private async all<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R[]> {
    return (await this.query<R>(sql, params)).rows;
  }

  async getRequest(id: string) {
    const row = await this.one<RequestRow>('SELECT * FROM requests WHERE id = $1', [id]);
    return row ? requestFromRow(row) : undefined;
  }

  async findOpenRequest(requesterToken: string, digest: string) {
    const row = await this.one<RequestRow>(
      `SELECT * FROM requests WHERE requester_token = $1 AND digest = $2 AND ${OPEN}`,
      [requesterToken, digest],
    );
    return row ? requestFromRow(row) : undefined;
  }

  async findLatestRequest(requesterToken: string, digest: string) {
    const row = await this.one<RequestRow>(
      'SELECT * FROM requests WHERE requester_token = $1 AND digest = $2 ORDER BY created_at DESC, id DESC LIMIT 1',
      [requesterToken, digest],
    );
    return row ? requestFromRow(row) : undefined;
  }

  async insertRequest(request: ApprovalRequest) {
    await this.query(
      `INSERT INTO requests (${REQUEST_COLUMNS.join(', ')}) VALUES (${REQUEST_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
      requestValues(request),
    );
  }

  async updateRequest(id: string, patch: RequestPatch) {
    const cols = patchColumns(patch);
    if (!cols.length) return;
    await this.query(
      `UPDATE requests SET ${cols.map(([c], i) => `${c} = $${i + 1}`).join(', ')} WHERE id = $${cols.length + 1}`,
      [...cols.map(([, v]) => v), id],
    );
  }

  async listOverdue(now: number, limit: number) {
    return (
      await this.all<RequestRow>(
        `SELECT * FROM requests WHERE ${OPEN} AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
        [now, limit],
      )
    ).map(requestFromRow);
  }

  async listApprovals(requestId: string) {
    return (
      await this.all<ApprovalRow>(
        `${APPROVALS_WITH_TOKENS} WHERE a.request_id = $1 ORDER BY a.at, a.approver`,
        [requestId],
      )
    ).map(approvalFromRow);
  }

  async insertApproval(a: Approval) {
    const result = await this.query(
      INSERT_APPROVAL((n) => `$${n}`),
      [a.requestId, a.approver, a.tokenId, JSON.stringify(a.groups), a.comment ?? null, a.at],
    );
    return result.rowCount === 1;
  }

  async listApprovedBy(tokenIds: string[]) {
    if (!tokenIds.length) return [];
    return (
      await this.all<RequestRow>(
        `SELECT * FROM requests WHERE state = 'approved' AND id IN (SELECT request_id FROM approvals WHERE token_id = ANY($1)) ORDER BY created_at, id`,
        [tokenIds],
      )
    ).map(requestFromRow);
  }

  async getFreeze(scope: string) {
    const f = this.freezes.get(scope);
    return f ? { ...f } : undefined;
  }

  async setFreeze(f: Freeze) {
    this.freezes.set(f.scope, { ...f });
    this.freezesChanged = true;
    await this.query(
      'INSERT INTO freezes (scope, frozen, at, set_by, reason) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope) DO UPDATE SET frozen = excluded.frozen, at = excluded.at, set_by = excluded.set_by, reason = excluded.reason',
      [f.scope, f.frozen ? 1 : 0, f.at, f.by, f.reason],
    );
  }

  async recordActivity(agent: string, at: number, digest: string) {
    await this.query('INSERT INTO activity (agent, at, digest) VALUES ($1, $2, $3)', [agent, at, digest]);
  }

  async countActivity(agent: string, since: number) {
    const row = await this.one<{ n: number }>(
      'SELECT COUNT(*) AS n FROM activity WHERE agent = $1 AND at > $2',
      [agent, since],
    );
    return Number(row?.n ?? 0);
  }

  async pruneActivity(before: number) {
    await this.query('DELETE FROM activity WHERE at < $1', [before]);
  }

  async clearActivity(agent: string) {
    await this.query('DELETE FROM activity WHERE agent = $1', [agent]);
  }

  async insertIdentity(i: NewIdentity) {
    try {
      await this.query(
        'INSERT INTO identities (id, kind, name, groups_json, acts_for, token_hash, created_at, slack_user) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        identityValues(i),
      );
    } catch (error) {
      // Not retried (as other 23505s are): the same insert would break the same index again.
      throw isSlackUserConflict(error) ? new SlackUserTakenError(i.slackUser!) : error;
    }
  }

  /**
   * Live unless known revoked; confirmed under the head lock at commit (by the append, else by commit()), so
   * a token revoked through any replica before then decides nothing: the append fails with CALLER_REVOKED,
   * the store learns of it and the transaction is retried, and this answers false.
   */
  async callerLive(caller: Identity) {
    if (this.revoked.has(caller.id)) return false;
    this.callers.add(caller.id);
    return true;
  }

  async revokeIdentity(idOrName: string, at: number) {
    const rows = await this.all<IdentityRow>(
      'UPDATE identities SET revoked_at = $1 WHERE (id = $2 OR lower(name) = $3) AND revoked_at IS NULL RETURNING *',
      [at, idOrName, canonicalName(idOrName)],
    );
    return rows.map(identityFromRow);
  }

  /**
   * The entry's seq, hash and body are known once the transaction has committed (they are filled in then):
   * PostgreSQL numbers and chains the entries under the head lock, in the message that commits.
   */
  async appendAudit(input: AuditInput) {
    const entry: AuditEntry = {
      seq: 0,
      at: input.at,
      type: input.type,
      actor: input.actor,
      body: '',
      prevHash: '',
      hash: '',
    };
    this.pending.push({ entry, row: chainRow(input) });
    return entry;
  }

  async latestWitnessedCheckpoint(tokenId: string, logId: string) {
    const row = await this.one<WitnessedRow>(
      LATEST_WITNESSED((n) => `$${n}`),
      [tokenId, logId],
    );
    return row ? witnessedFromRow(row) : undefined;
  }

  async insertWitnessedCheckpoint(c: WitnessedCheckpoint) {
    await this.query(
      INSERT_WITNESSED((n) => `$${n}`),
      witnessedValues(c),
    );
  }

  /** Without an append to check them: under the head lock, the same test as the append's. */
  private async confirmCallers(): Promise<void> {
    if (!this.callers.size) return;
    const rows = await this.all<{ id: string }>(REVOKED_OF, [[...this.callers]]);
    if (rows.length)
      throw Object.assign(new Error("a caller's token was revoked while this transaction decided"), {
        code: CALLER_REVOKED,
        detail: JSON.stringify(rows.map((r) => r.id)),
      });
  }

  /**
   * Append this transaction's audit entries and commit, in one message (postgres-chain.ts): a transaction
   * that did not need the lock before holds it only while that message runs, not through the disk's flush
   * (that COMMIT is asynchronous; the message's last transaction waits for the disk's flush behind it).
   */
  async commit() {
    const wasLocked = this.lockedAt !== undefined;
    const started = this.lockedAt ?? performance.now();
    if (!this.pending.length) {
      await this.confirmCallers();
      // Nothing was sent (the freezes it read were known): nothing to commit.
      if (!this.begun) return;
      await this.round('COMMIT');
      if (wasLocked) this.stats.lockHeldMs += performance.now() - started;
      return;
    }
    if (!wasLocked) this.stats.lockedRoundTrips++;
    const begin = !this.begun;
    const sql = appendAndCommitSql(
      this.pending.map((p) => p.row),
      wasLocked ? null : this.freezesSeen,
      begin,
      [...this.callers],
    );
    if (!wasLocked) this.stats.flushes++;
    const results = (await this.round(sql).catch((error: unknown) => {
      // Only an error of the function comes before the COMMIT; one after it (in the flush) may follow a
      // commit, so it is never retried (nor acknowledged).
      throw wasLocked || /\bappend_chain\(/.test((error as { where?: string }).where ?? '')
        ? error
        : notRetried(error);
    })) as unknown as pg.QueryResult<{
      first_seq: number;
      prev_hash: string;
      hashes: string[];
    }>[];
    this.stats.lockHeldMs += performance.now() - started;
    const appended = results.find((r) => r.fields[0]?.name === 'first_seq')!;
    const { first_seq: first, prev_hash: prevHash, hashes } = appended.rows[0]!;
    this.pending.forEach(({ entry, row }, i) => {
      entry.seq = Number(first) + i;
      entry.body = `${row.before}${entry.seq}${row.after}`;
      entry.prevHash = i === 0 ? prevHash : hashes[i - 1]!;
      entry.hash = hashes[i]!;
    });
    this.pending.length = 0;
  }
}
