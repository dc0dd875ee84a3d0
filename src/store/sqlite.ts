import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { buildAuditEntry } from './audit.js';
import { IdentityCache } from './identity-cache.js';
import { Mutex } from './mutex.js';
import { migrateSqlite } from './sqlite-migrate.js';
import { openSqlite } from './sqlite-addon.js';
import { Checkpointer } from './sqlite-checkpointer.js';
import { WalSync } from './wal-sync.js';
import { canonicalName } from './names.js';
import {
  APPROVALS_WITH_TOKENS,
  approvalFromRow,
  AUDIT_TUPLES,
  auditFromRow,
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
  AuditInput,
  AuditTuple,
  Freeze,
  Identity,
  NewIdentity,
  RequestFilter,
  RequestPatch,
  Store,
  TransactOptions,
  Tx,
  WitnessedCheckpoint,
} from './types.js';

type DB = Database.Database;

const OPEN = `state IN ('pending', 'approved')`;

interface Job {
  fn: (tx: Tx) => Promise<unknown>;
  /** See TransactOptions.harmless. */
  harmless: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 256;

/**
 * A harmless commit (TransactOptions.harmless) is answered before its flush ends only while no commit has
 * waited longer than this for the disk: a machine that crashes can lose at most the harmless entries answered
 * within one such window, and a stalled disk makes every caller wait again.
 */
export const HARMLESS_WINDOW_MS = 5;

export interface SqliteOptions {
  /**
   * Flush commits off the event loop, with checkpoints in a worker thread: for a process that runs long and
   * takes many commits (the server, the daemon). A one-shot command commits once or twice and would pay more
   * for the thread's start than the flush costs, so by default SQLite flushes at commit (synchronous=FULL).
   */
  background?: boolean;
  /** How often the checkpointer copies the WAL into the database while commits go on. */
  checkpointEveryMs?: number;
  /**
   * Commits between two checkpoints (default 64). A WAL copied in full is started over by the next commit,
   * and SQLite flushes the new WAL header then, on the event loop: spaced-out commits (a daemon's hook
   * calls, seconds apart) would each pay that flush if every one of them were checkpointed.
   */
  checkpointEveryCommits?: number;
  /** A WAL this long (in frames) is emptied: writes pause for one checkpoint, and the WAL starts over. */
  resetWalAtFrames?: number;
}

/**
 * The embedded store: one SQLite file in WAL mode. Writes go through one connection (BEGIN IMMEDIATE, so
 * another process holding the file, like `interlock token create`, waits its turn), and every commit is
 * flushed to disk (synchronous=FULL) before any caller hears of it.
 *
 * Group commit: transactions that arrive together run one after another inside one SQLite transaction,
 * each in its own savepoint (a failing one rolls back alone), and share one commit, so one disk flush
 * serves many decisions. Each still sees exactly the state the ones before it left: the same as running
 * them one at a time. Reads outside transactions use a second connection and see committed state only.
 *
 * The flush is off the event loop (see WalSync): the writer commits with synchronous=NORMAL and never
 * checkpoints; the -wal file is flushed in libuv's thread pool, and a transaction's caller, or a reader
 * that may have seen its effects, is answered only when that flush is done. Checkpoints run in a worker
 * thread with synchronous=FULL (see Checkpointer), so the WAL is never started over before the database
 * file holds its content on disk. INTERLOCK_SQLITE_SYNCHRONOUS=normal keeps SQLite's NORMAL (no flush per
 * commit; checkpoints on the writer, as SQLite does by default).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: DB;
  private reader: DB;
  private readonly statements = new Map<string, Database.Statement>();
  private control!: Record<'begin' | 'commit' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>;
  private readonly mutex = new Mutex();
  private readonly tx: SqliteTx;
  private readonly queue: Job[] = [];
  private draining: Promise<void> | undefined;
  private readonly identities = new IdentityCache();
  /** Changes whenever this process may have revoked a token (see SqliteTx.revokeIdentity). */
  private identityGeneration = 0;
  private dataVersion!: Database.Statement;
  /** data_version as the writer last read it: it changes when another process commits. */
  private external = 0;
  /** Set when commits are flushed off the event loop (a file, synchronous FULL): see migrate(). */
  private walSync: WalSync | undefined;
  private walFd: number | undefined;
  private checkpointer: Checkpointer | undefined;
  private lastCheckpoint = 0;
  private commitsSinceCheckpoint = 0;
  private checkpointing: Promise<unknown> | undefined;
  private wantReset = false;
  private closing = false;
  private readonly background: boolean;
  private readonly checkpointEveryMs: number;
  private readonly checkpointEveryCommits: number;
  private readonly resetWalAtFrames: number;

  constructor(
    readonly location: string,
    options: SqliteOptions = {},
  ) {
    this.background = options.background ?? false;
    this.checkpointEveryMs = options.checkpointEveryMs ?? 100;
    this.checkpointEveryCommits = options.checkpointEveryCommits ?? 64;
    this.resetWalAtFrames = options.resetWalAtFrames ?? 4000;
    if (location !== ':memory:') {
      // Decisions, requests and tokens' hashes are nobody else's business: a new directory is 0700 and a new
      // database 0600 (SQLite gives its -wal and -shm files the database's mode).
      mkdirSync(dirname(location), { recursive: true, mode: 0o700 });
      closeSync(openSync(location, 'a', 0o600));
    }
    this.db = openSqlite(location);
    this.db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before anyone hears of it. NORMAL (INTERLOCK_SQLITE_SYNCHRONOUS=normal)
    // still survives a killed process, but a power cut may lose the last commits.
    this.db.pragma(
      `synchronous = ${process.env.INTERLOCK_SQLITE_SYNCHRONOUS === 'normal' ? 'NORMAL' : 'FULL'}`,
    );
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('foreign_keys = ON');
    this.reader = this.db;
    this.tx = new SqliteTx(
      this.db,
      () => this.identityGeneration++,
      (caller, stillLive) => this.callerLive(caller, stillLive),
    );
  }

  async migrate(): Promise<void> {
    await this.mutex.run(async () => migrateSqlite(this.db));
    if (
      this.background &&
      this.location !== ':memory:' &&
      !this.walSync &&
      process.env.INTERLOCK_SQLITE_SYNCHRONOUS !== 'normal'
    )
      this.flushOffTheEventLoop();
    this.tx.prepare();
    const p = (sql: string) => this.db.prepare(sql);
    // On the writing connection, data_version changes only when ANOTHER connection commits: another
    // process (`interlock token revoke`), never this store's own writes. While the writer is inside a
    // transaction it holds the write lock, so no other process can commit meanwhile.
    this.dataVersion = p('PRAGMA data_version').pluck();
    this.control = {
      begin: p('BEGIN IMMEDIATE'),
      commit: p('COMMIT'),
      savepoint: p('SAVEPOINT job'),
      release: p('RELEASE job'),
      rollbackTo: p('ROLLBACK TO job'),
    };
  }

  /**
   * From here on the writer commits with synchronous=NORMAL and never checkpoints; WalSync flushes each
   * commit before anyone hears of it, and the checkpointer copies the WAL into the database.
   */
  private flushOffTheEventLoop(): void {
    this.db.pragma('wal_autocheckpoint = 0');
    // The -wal file exists while a connection is open (SQLite made it when the writer first read). Its
    // directory entry is flushed once, as SQLite does for a file it creates under synchronous=FULL.
    this.walFd = openSync(`${this.location}-wal`, 'a', 0o600);
    fsyncSync(this.walFd);
    const dir = openSync(dirname(this.location), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    this.walSync = new WalSync(this.walFd);
    this.checkpointer = new Checkpointer(this.location);
    // NORMAL, not OFF: in WAL mode NORMAL flushes nothing at commit, but when the WAL starts over it flushes
    // the new header before the first frame is written. Under OFF a power cut could leave the old header
    // with some old frames still valid behind it, and recovery would copy those stale pages over newer ones.
    this.db.pragma('synchronous = NORMAL');
  }

  /** Whatever a read just saw is answered only once it is on disk (it may come from a commit in flight). */
  private async seen<T>(value: T): Promise<T> {
    const flushed = this.walSync?.durable(this.walSync.latest);
    if (flushed) await flushed;
    return value;
  }

  /**
   * A PASSIVE checkpoint now and then, beside the writer. When commits outpace it, the WAL is never fully
   * copied at the moment the writer starts a transaction, and SQLite starts a WAL over only then: past
   * `resetWalAtFrames` the writer pauses for one checkpoint (see drain), which bounds the WAL. With nothing
   * queued the pause begins at once, not when the next transaction comes in and would have to wait all of it.
   * Either way the checkpointer's thread starts the WAL over (see resetWal), never a commit on the event loop.
   */
  private maybeCheckpoint(): void {
    const checkpointer = this.checkpointer;
    if (!checkpointer || checkpointer.running || this.closing || this.wantReset) return;
    const now = performance.now();
    if (now - this.lastCheckpoint < this.checkpointEveryMs) return;
    if (this.commitsSinceCheckpoint < this.checkpointEveryCommits) return;
    this.lastCheckpoint = now;
    this.commitsSinceCheckpoint = 0;
    const committed = this.walSync?.latest;
    this.checkpointing = checkpointer
      .checkpoint()
      .then(
        (r) => {
          // Copied to its end while nothing was committed: the next commit would start the WAL over itself
          // and flush the new header on the event loop, so the checkpointer starts it over now instead.
          const copiedWhileIdle =
            r.log > 0 && r.checkpointed === r.log && this.walSync?.latest === committed && !this.draining;
          if (r.log < this.resetWalAtFrames && !copiedWhileIdle) return;
          this.wantReset = true;
          if (!this.draining) this.draining = this.mutex.run(() => this.drain());
        },
        () => undefined, // the next one tries again; a lasting failure shows as the WAL growing
      )
      .finally(() => (this.checkpointing = undefined));
  }

  /**
   * The writer idle, the checkpointer copies the whole WAL and starts it over in its thread, so the flush of
   * the new WAL header is not made on the event loop by the next commit (issue 17).
   */
  private async resetWal(): Promise<void> {
    this.wantReset = false;
    if (!this.checkpointer || this.closing) return;
    if (this.checkpointing) await this.checkpointing;
    await this.checkpointer.restart().catch(() => undefined);
    this.lastCheckpoint = performance.now();
    this.commitsSinceCheckpoint = 0;
  }

  /**
   * The reading connection, opened for the first read outside a transaction: a one-shot command that only
   * appends (a `check`) never opens it.
   */
  private readingConnection(): DB {
    if (this.location !== ':memory:' && this.reader === this.db) {
      this.reader = openSqlite(this.location, { readonly: true });
      this.statements.clear();
      this.reader.pragma('busy_timeout = 10000');
    }
    return this.reader;
  }

  /** A read statement on the reading connection, prepared once. */
  private read(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.readingConnection().prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  transact<T>(fn: (tx: Tx) => Promise<T>, options: TransactOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        fn,
        harmless: options.harmless === true,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (!this.draining) this.draining = this.mutex.run(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      if (this.wantReset) await this.resetWal();
      // Let the requests that arrived with this one queue up behind it: they share its commit.
      await new Promise((r) => setImmediate(r));
      while (this.queue.length && !this.wantReset) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const failure = this.walSync?.failure;
        if (failure) {
          for (const job of batch) job.reject(failure);
          continue;
        }
        let committed: number | undefined;
        const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
        try {
          const c = this.control;
          c.begin.run();
          for (const job of batch) {
            c.savepoint.run();
            const head = this.tx.headMark();
            try {
              const value = await job.fn(this.tx);
              c.release.run();
              outcomes.push({ ok: true, value });
            } catch (error) {
              c.rollbackTo.run();
              c.release.run();
              this.tx.restoreHead(head);
              outcomes.push({ ok: false, error });
            }
          }
          this.tx.writeHead();
          c.commit.run();
          committed = this.walSync?.commit(batch.length);
          this.commitsSinceCheckpoint++;
        } catch (error) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          for (const job of batch) job.reject(error);
          continue;
        } finally {
          // A revocation read under the old state (before this commit) must not outlive it in the cache.
          if (this.tx.takeIdentitiesTouched()) this.identityGeneration++;
          this.tx.forgetHead();
        }
        const answer = (which: (i: number) => boolean) =>
          batch.forEach((job, i) => {
            if (!which(i)) return;
            const o = outcomes[i]!;
            if (o.ok) job.resolve(o.value);
            else job.reject(o.error);
          });
        // Answered once the commit is on disk; meanwhile the next batch runs (its flush covers both).
        const flushed = committed === undefined ? undefined : this.walSync!.durable(committed);
        if (flushed) {
          // Harmless work that went through may hear of it now, while the flushes keep up (the one begun
          // for this commit is under way). Everything else waits for the disk.
          const keepingUp = this.walSync!.keepingUp(HARMLESS_WINDOW_MS);
          const early = (i: number) => keepingUp && batch[i]!.harmless && outcomes[i]!.ok;
          answer(early);
          flushed.then(
            () => answer((i) => !early(i)),
            (error: unknown) => batch.forEach((job, i) => early(i) || job.reject(error)),
          );
        } else answer(() => true);
        this.maybeCheckpoint();
        if (this.queue.length) await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.draining = undefined;
      // Stopped for a WAL reset with work waiting: it runs after the reset (the mutex keeps the order).
      if (this.queue.length) this.draining = this.mutex.run(() => this.drain());
    }
  }

  /**
   * Remembered per token while nothing could have revoked it: no revocation by this process and no commit
   * by another one since it was read (one pragma instead of a read of the table per request). The pragma
   * takes and drops SQLite's read lock, two system calls: a request that confirms its caller in its own
   * transaction (a decision, `confirmedInTransaction`) skips it, and callerLive looks there instead, where
   * the write lock is already held (issue 17).
   */
  async identityByTokenHash(hash: string, confirmedInTransaction = false): Promise<Identity | undefined> {
    if (this.location !== ':memory:' && !confirmedInTransaction)
      this.external = this.dataVersion.get() as number;
    const external = this.external;
    const generation = this.identityGeneration;
    const known = this.identities.get(hash, generation, external);
    if (known) return known;
    const row = this.read('SELECT * FROM identities WHERE token_hash = ? AND revoked_at IS NULL').get(
      hash,
    ) as IdentityRow | undefined;
    if (!(await this.seen(row))) return undefined;
    const identity = identityFromRow(row!);
    Object.freeze(identity.groups);
    this.identities.set(hash, Object.freeze(identity), generation, external);
    return identity;
  }

  /**
   * Inside a write transaction: whether `caller`'s token is live. No other process can commit while the
   * writer holds the lock, so data_version read here covers every revocation committed before this
   * transaction; unchanged since the identity was remembered (and no revocation here), it is still live.
   */
  private callerLive(caller: Identity, stillLive: () => boolean): boolean {
    if (this.location !== ':memory:') this.external = this.dataVersion.get() as number;
    const generation = this.identityGeneration;
    if (this.identities.current(caller, generation, this.external)) return true;
    const live = stillLive();
    if (live) this.identities.confirm(caller, generation, this.external);
    return live;
  }

  async identityBySlackUser(slackUser: string): Promise<Identity | undefined> {
    const row = this.read(
      "SELECT * FROM identities WHERE slack_user = ? AND kind = 'human' AND revoked_at IS NULL",
    ).get(slackUser) as IdentityRow | undefined;
    await this.seen(row);
    return row ? identityFromRow(row) : undefined;
  }

  async listIdentities(): Promise<Identity[]> {
    return (
      await this.seen(this.read('SELECT * FROM identities ORDER BY created_at').all() as IdentityRow[])
    ).map(identityFromRow);
  }

  async getRequest(id: string): Promise<ApprovalRequest | undefined> {
    const row = await this.seen(
      this.read('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined,
    );
    return row ? requestFromRow(row) : undefined;
  }

  async listRequests(filter: RequestFilter): Promise<ApprovalRequest[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.states?.length) {
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    if (filter.requesterToken) {
      where.push('requester_token = ?');
      params.push(filter.requesterToken);
    }
    const sql = `SELECT * FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT ?`;
    params.push(filter.limit ?? 100);
    return (await this.seen(this.read(sql).all(...params) as RequestRow[])).map(requestFromRow);
  }

  async countPending(now: number): Promise<number> {
    const row = this.read(
      "SELECT COUNT(*) AS n FROM requests WHERE state = 'pending' AND expires_at > ?",
    ).get(now) as { n: number };
    return (await this.seen(row)).n;
  }

  async listApprovals(requestId: string): Promise<Approval[]> {
    return (
      await this.seen(
        this.read(`${APPROVALS_WITH_TOKENS} WHERE a.request_id = ? ORDER BY a.at, a.approver`).all(
          requestId,
        ) as ApprovalRow[],
      )
    ).map(approvalFromRow);
  }

  async listFreezes(): Promise<Freeze[]> {
    return (await this.seen(this.read('SELECT * FROM freezes ORDER BY scope').all() as FreezeRow[])).map(
      freezeFromRow,
    );
  }

  async auditEntries(fromSeq = 1, limit = 1000): Promise<AuditEntry[]> {
    return (
      await this.seen(
        this.read('SELECT * FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?').all(
          fromSeq,
          limit,
        ) as AuditRow[],
      )
    ).map(auditFromRow);
  }

  async auditTuples(fromSeq: number, limit: number): Promise<AuditTuple[]> {
    return this.seen(this.read(AUDIT_TUPLES).raw(true).all(fromSeq, limit) as AuditTuple[]);
  }

  async witnessedCheckpoints(tokenId: string, logId: string) {
    return (
      await this.seen(this.read(WITNESSED_OF_LOG(() => '?')).all(tokenId, logId) as WitnessedRow[])
    ).map(witnessedFromRow);
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (!this.db.open) return; // closed already (a server closes its store; so may its owner)
      this.closing = true;
      await this.walSync?.drained().catch(() => undefined);
      // The checkpointer stops after the checkpoint it may be running.
      await this.checkpointer?.close();
      // The last connection to close checkpoints and deletes the WAL: with FULL, SQLite flushes first.
      if (this.walSync) this.db.pragma('synchronous = FULL');
      if (this.reader !== this.db) this.reader.close();
      this.db.close();
      if (this.walFd !== undefined) closeSync(this.walFd);
    });
  }
}

/** The audit chain's last entry as a transaction sees it. */
interface Head {
  seq: number;
  hash: string;
}

/** The statements of a transaction, prepared once; only used between BEGIN and COMMIT. */
class SqliteTx implements Tx {
  private s!: Record<string, Database.Statement>;
  private identitiesTouched = false;
  /**
   * The chain's head within this transaction: read once, then kept here as entries are appended, and written
   * to audit_head once, before COMMIT (two statements fewer per entry; a batch of decisions appends many).
   * Only this connection writes while it holds the write lock, so nothing else can move the head meanwhile;
   * between transactions another process may append, so it is read afresh in the next one.
   */
  private head: Head | undefined;
  private headMoved = false;

  constructor(
    private readonly db: DB,
    private readonly onIdentitiesChange: () => void,
    private readonly confirmCaller: (caller: Identity, stillLive: () => boolean) => boolean,
  ) {}

  /** Whether this transaction revoked identities since the last call (then the cache must forget). */
  takeIdentitiesTouched(): boolean {
    const touched = this.identitiesTouched;
    this.identitiesTouched = false;
    return touched;
  }

  prepare(): void {
    const p = (sql: string) => this.db.prepare(sql);
    this.s = {
      getRequest: p('SELECT * FROM requests WHERE id = ?'),
      findOpen: p(`SELECT * FROM requests WHERE requester_token = ? AND digest = ? AND ${OPEN}`),
      findLatest: p(
        'SELECT * FROM requests WHERE requester_token = ? AND digest = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      ),
      insertRequest: p(
        `INSERT INTO requests (${REQUEST_COLUMNS.join(', ')}) VALUES (${REQUEST_COLUMNS.map(() => '?').join(', ')})`,
      ),
      overdue: p(`SELECT * FROM requests WHERE ${OPEN} AND expires_at <= ? ORDER BY expires_at LIMIT ?`),
      approvals: p(`${APPROVALS_WITH_TOKENS} WHERE a.request_id = ? ORDER BY a.at, a.approver`),
      insertApproval: p(INSERT_APPROVAL(() => '?')),
      getFreeze: p('SELECT * FROM freezes WHERE scope = ?'),
      setFreeze: p(
        'INSERT INTO freezes (scope, frozen, at, set_by, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope) DO UPDATE SET frozen = excluded.frozen, at = excluded.at, set_by = excluded.set_by, reason = excluded.reason',
      ),
      recordActivity: p('INSERT INTO activity (agent, at, digest) VALUES (?, ?, ?)'),
      countActivity: p('SELECT COUNT(*) AS n FROM activity WHERE agent = ? AND at > ?'),
      pruneActivity: p('DELETE FROM activity WHERE at < ?'),
      clearActivity: p('DELETE FROM activity WHERE agent = ?'),
      insertIdentity: p(
        'INSERT INTO identities (id, kind, name, groups_json, acts_for, token_hash, created_at, slack_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      findIdentities: p('SELECT * FROM identities WHERE (id = ? OR lower(name) = ?) AND revoked_at IS NULL'),
      revokeIdentity: p('UPDATE identities SET revoked_at = ? WHERE id = ?'),
      identityLive: p('SELECT 1 FROM identities WHERE id = ? AND revoked_at IS NULL').pluck(),
      head: p('SELECT seq, hash FROM audit_head WHERE id = 1'),
      insertAudit: p(
        'INSERT INTO audit (seq, at, type, actor, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      setHead: p('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1'),
      latestWitnessed: p(LATEST_WITNESSED(() => '?')),
      insertWitnessed: p(INSERT_WITNESSED(() => '?')),
    };
  }

  async getRequest(id: string) {
    const row = this.s.getRequest!.get(id) as RequestRow | undefined;
    return row ? requestFromRow(row) : undefined;
  }

  async findOpenRequest(requesterToken: string, digest: string) {
    const row = this.s.findOpen!.get(requesterToken, digest) as RequestRow | undefined;
    return row ? requestFromRow(row) : undefined;
  }

  async findLatestRequest(requesterToken: string, digest: string) {
    const row = this.s.findLatest!.get(requesterToken, digest) as RequestRow | undefined;
    return row ? requestFromRow(row) : undefined;
  }

  async insertRequest(request: ApprovalRequest) {
    this.s.insertRequest!.run(...requestValues(request));
  }

  async updateRequest(id: string, patch: RequestPatch) {
    const cols = patchColumns(patch);
    if (!cols.length) return;
    this.db
      .prepare(`UPDATE requests SET ${cols.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`)
      .run(...cols.map(([, v]) => v), id);
  }

  async listOverdue(now: number, limit: number) {
    return (this.s.overdue!.all(now, limit) as RequestRow[]).map(requestFromRow);
  }

  async listApprovals(requestId: string) {
    return (this.s.approvals!.all(requestId) as ApprovalRow[]).map(approvalFromRow);
  }

  async insertApproval(a: Approval) {
    const info = this.s.insertApproval!.run(
      a.requestId,
      a.approver,
      a.tokenId,
      JSON.stringify(a.groups),
      a.comment ?? null,
      a.at,
    );
    return info.changes === 1;
  }

  async listApprovedBy(tokenIds: string[]) {
    if (!tokenIds.length) return [];
    const sql = `SELECT * FROM requests WHERE state = 'approved' AND id IN (SELECT request_id FROM approvals WHERE token_id IN (${tokenIds.map(() => '?').join(', ')})) ORDER BY created_at, id`;
    return (this.db.prepare(sql).all(...tokenIds) as RequestRow[]).map(requestFromRow);
  }

  async getFreeze(scope: string) {
    const row = this.s.getFreeze!.get(scope) as FreezeRow | undefined;
    return row ? freezeFromRow(row) : undefined;
  }

  async setFreeze(f: Freeze) {
    this.s.setFreeze!.run(f.scope, f.frozen ? 1 : 0, f.at, f.by, f.reason);
  }

  async recordActivity(agent: string, at: number, digest: string) {
    this.s.recordActivity!.run(agent, at, digest);
  }

  async countActivity(agent: string, since: number) {
    return (this.s.countActivity!.get(agent, since) as { n: number }).n;
  }

  async pruneActivity(before: number) {
    this.s.pruneActivity!.run(before);
  }

  async clearActivity(agent: string) {
    this.s.clearActivity!.run(agent);
  }

  async insertIdentity(i: NewIdentity) {
    try {
      this.s.insertIdentity!.run(...identityValues(i));
    } catch (error) {
      throw isSlackUserConflict(error) ? new SlackUserTakenError(i.slackUser!) : error;
    }
  }

  async callerLive(caller: Identity) {
    return this.confirmCaller(caller, () => this.s.identityLive!.get(caller.id) !== undefined);
  }

  async revokeIdentity(idOrName: string, at: number) {
    const rows = (this.s.findIdentities!.all(idOrName, canonicalName(idOrName)) as IdentityRow[]).map(
      identityFromRow,
    );
    // Forget remembered identities now (a request authenticating meanwhile reads the committed state
    // again) and once more after the commit (see SqliteStore.drain).
    this.identitiesTouched = true;
    this.onIdentitiesChange();
    for (const r of rows) this.s.revokeIdentity!.run(at, r.id);
    return rows.map((r) => ({ ...r, revokedAt: at }));
  }

  /** The head before a job runs (see restoreHead). */
  headMark(): { head: Head | undefined; moved: boolean } {
    return { head: this.head, moved: this.headMoved };
  }

  /** A job rolled back to its savepoint: its entries are gone, and the head is where it was before it. */
  restoreHead(mark: { head: Head | undefined; moved: boolean }): void {
    this.head = mark.head;
    this.headMoved = mark.moved;
  }

  /** Before COMMIT: audit_head takes the last entry appended. */
  writeHead(): void {
    if (this.headMoved) this.s.setHead!.run(this.head!.seq, this.head!.hash);
  }

  /** The transaction ended (committed or rolled back): the next one reads the head from the table. */
  forgetHead(): void {
    this.head = undefined;
    this.headMoved = false;
  }

  async appendAudit(input: AuditInput) {
    const head = this.head ?? (this.s.head!.get() as Head);
    const entry = buildAuditEntry(input, Number(head.seq) + 1, head.hash);
    this.s.insertAudit!.run(
      entry.seq,
      entry.at,
      entry.type,
      entry.actor,
      entry.body,
      entry.prevHash,
      entry.hash,
    );
    this.head = { seq: entry.seq, hash: entry.hash };
    this.headMoved = true;
    return entry;
  }

  async latestWitnessedCheckpoint(tokenId: string, logId: string) {
    const row = this.s.latestWitnessed!.get(tokenId, logId) as WitnessedRow | undefined;
    return row ? witnessedFromRow(row) : undefined;
  }

  async insertWitnessedCheckpoint(c: WitnessedCheckpoint) {
    this.s.insertWitnessed!.run(...witnessedValues(c));
  }
}
