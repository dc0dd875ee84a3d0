import type Database from 'better-sqlite3';
import { openSqlite } from '../store/sqlite-addon.js';
import {
  checkpointFromRow,
  outsideWitnessFromRow,
  outsideWitnessValues,
  policyStateFromRow,
  SET_OUTSIDE_WITNESS,
  SIDE_TABLES,
  type Checkpoint,
  type CheckpointRow,
  type OutsideWitnessRow,
  type OutsideWitnessState,
  type PolicyState,
  type SideTables,
} from './side-tables.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The audit side tables in the SQLite file of a SqliteStore, through a second connection. That connection
 * never waits synchronously for the write lock (busy_timeout 0): the store in the same process may hold
 * the lock across an `await`, and a synchronous wait would block the very event loop that releases it.
 * A busy write is retried after a short asynchronous pause instead.
 */
export class SqliteSideTables implements SideTables {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly path: string) {
    this.db = openSqlite(path, { fileMustExist: true });
    this.db.pragma('busy_timeout = 0');
    this.db.pragma('synchronous = FULL');
  }

  /** A statement prepared once: the daemon asks some of these on every call. */
  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private async write<T>(fn: () => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return fn();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if ((code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') || attempt >= 400) throw error;
        await sleep(Math.min(2 + attempt, 25));
      }
    }
  }

  async ensure(): Promise<void> {
    const missing = SIDE_TABLES.some((sql) => {
      const name = /EXISTS (\w+)/.exec(sql)![1]!;
      return !this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    });
    if (missing)
      await this.write(() => this.db.transaction(() => SIDE_TABLES.forEach((s) => this.db.exec(s)))());
  }

  async lastEntry() {
    const row = this.prepared('SELECT seq, hash, at FROM audit ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string; at: number } | undefined;
    return row ? { seq: Number(row.seq), hash: row.hash, at: Number(row.at) } : undefined;
  }

  async head() {
    const row = this.prepared('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
      { seq: number; hash: string } | undefined;
    return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    return (this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY seq').all() as CheckpointRow[]).map(
      checkpointFromRow,
    );
  }

  async lastCheckpoint(): Promise<Checkpoint | undefined> {
    const row = this.prepared('SELECT * FROM audit_checkpoints ORDER BY seq DESC LIMIT 1').get() as
      CheckpointRow | undefined;
    return row ? checkpointFromRow(row) : undefined;
  }

  async insertCheckpoint(c: Checkpoint): Promise<boolean> {
    const info = await this.write(() =>
      this.db
        .prepare(
          'INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        )
        .run(c.seq, c.hash, c.at, c.keyId, c.signature),
    );
    return info.changes === 1;
  }

  async policyState(scope: string): Promise<PolicyState | undefined> {
    const row = this.prepared('SELECT digest, files_json, at FROM audit_policy_state WHERE scope = ?').get(
      scope,
    ) as { digest: string; files_json: string; at: number } | undefined;
    return row ? policyStateFromRow(row) : undefined;
  }

  async setPolicyState(scope: string, s: PolicyState): Promise<void> {
    await this.write(() =>
      this.db
        .prepare(
          'INSERT INTO audit_policy_state (scope, digest, files_json, at) VALUES (?, ?, ?, ?) ON CONFLICT (scope) DO UPDATE SET digest = excluded.digest, files_json = excluded.files_json, at = excluded.at',
        )
        .run(scope, s.digest, JSON.stringify(s.files), s.at),
    );
  }

  async outsideWitness(logId: string): Promise<OutsideWitnessState | undefined> {
    const row = this.db.prepare('SELECT * FROM audit_outside_witness WHERE log_id = ?').get(logId) as
      OutsideWitnessRow | undefined;
    return row ? outsideWitnessFromRow(row) : undefined;
  }

  async setOutsideWitness(logId: string, s: OutsideWitnessState): Promise<void> {
    await this.write(() =>
      this.db.prepare(SET_OUTSIDE_WITNESS(() => '?')).run(...outsideWitnessValues(logId, s)),
    );
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
