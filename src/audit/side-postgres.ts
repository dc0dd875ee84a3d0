import pg from 'pg';
import { parsePostgresUrl } from '../store/postgres.js';
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

/** The audit side tables in the schema of a PostgresStore, through a small pool of its own. */
export class PostgresSideTables implements SideTables {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(
    url: string,
    readonly schema: string,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new Error(`PostgreSQL schema "${schema}" is not a plain identifier`);
    this.pool = new pg.Pool({
      connectionString: parsePostgresUrl(url).connectionString,
      max: 2,
      options: `-c search_path=${schema}`,
    });
    this.pool.on('error', () => undefined);
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(sql, params)).rows;
  }

  async ensure(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Replicas starting together: one creates, the others wait and find the tables there.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `interlock:audit-side:${this.schema}`,
      ]);
      for (const sql of SIDE_TABLES) await client.query(sql);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async lastEntry() {
    const [row] = await this.rows<{ seq: string; hash: string; at: string }>(
      'SELECT seq, hash, at FROM audit ORDER BY seq DESC LIMIT 1',
    );
    return row ? { seq: Number(row.seq), hash: row.hash, at: Number(row.at) } : undefined;
  }

  async head() {
    const [row] = await this.rows<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    return (await this.rows<CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY seq')).map(
      checkpointFromRow,
    );
  }

  async lastCheckpoint(): Promise<Checkpoint | undefined> {
    const [row] = await this.rows<CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY seq DESC LIMIT 1');
    return row ? checkpointFromRow(row) : undefined;
  }

  async insertCheckpoint(c: Checkpoint): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [c.seq, c.hash, c.at, c.keyId, c.signature],
    );
    return result.rowCount === 1;
  }

  async policyState(scope: string): Promise<PolicyState | undefined> {
    const [row] = await this.rows<{ digest: string; files_json: string; at: string }>(
      'SELECT digest, files_json, at FROM audit_policy_state WHERE scope = $1',
      [scope],
    );
    return row ? policyStateFromRow(row) : undefined;
  }

  async setPolicyState(scope: string, s: PolicyState): Promise<void> {
    await this.pool.query(
      'INSERT INTO audit_policy_state (scope, digest, files_json, at) VALUES ($1, $2, $3, $4) ON CONFLICT (scope) DO UPDATE SET digest = excluded.digest, files_json = excluded.files_json, at = excluded.at',
      [scope, s.digest, JSON.stringify(s.files), s.at],
    );
  }

  async outsideWitness(logId: string): Promise<OutsideWitnessState | undefined> {
    const [row] = await this.rows<OutsideWitnessRow>(
      'SELECT * FROM audit_outside_witness WHERE log_id = $1',
      [logId],
    );
    return row ? outsideWitnessFromRow(row) : undefined;
  }

  async setOutsideWitness(logId: string, s: OutsideWitnessState): Promise<void> {
    await this.pool.query(
      SET_OUTSIDE_WITNESS((n) => `$${n}`),
      outsideWitnessValues(logId, s),
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
