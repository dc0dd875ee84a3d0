import type pg from 'pg';
import { MIGRATIONS } from './migrations.js';
import { APPEND_CHAIN_FUNCTION } from './postgres-chain.js';

// The schema's migrations on PostgreSQL, under an advisory lock so that replicas starting together take
// turns: one migrates, the others wait and then find nothing to do.

const ignore = () => undefined;

/** The migration failed because its connection went away (PostgreSQL restarted or ended the session). */
class MigrationConnectionLostError extends Error {
  constructor(schema: string, cause: unknown) {
    super(
      `the connection to PostgreSQL was lost while migrating schema "${schema}" (${(cause as Error).message}); nothing was half-applied (each migration is one transaction): start again once PostgreSQL is up`,
      { cause },
    );
    this.name = 'MigrationConnectionLostError';
  }
}

/** PostgreSQL ending the session (a restart, pg_terminate_backend) says so in a FATAL error first. */
const endsSession = (error: unknown) =>
  ['FATAL', 'PANIC'].includes((error as { severity?: string }).severity ?? '');

/** Apply every migration not yet applied, then put this version's append function in place. */
export async function migratePostgres(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  // A connection lost while checked out makes pg emit 'error' on the client; with no listener that is an
  // uncaught exception (the process ends). Listened to, the statement in flight fails instead.
  let lost: unknown;
  const onLost = (error: unknown) => (lost ??= error);
  client.on('error', onLost);
  try {
    await withMigrationLock(client, schema, () => applyMigrations(client, schema));
  } catch (error) {
    if (lost === undefined && endsSession(error)) lost = error;
    throw lost === undefined ? error : new MigrationConnectionLostError(schema, error);
  } finally {
    // A broken connection is closed, not handed back to the pool, and keeps the listener: its socket's end
    // may still be on its way.
    if (lost === undefined) client.off('error', onLost);
    client.release(lost !== undefined);
  }
}

async function withMigrationLock(client: pg.PoolClient, schema: string, fn: () => Promise<void>) {
  const key = `interlock:migrate:${schema}`;
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
  try {
    await fn();
  } finally {
    // On a lost connection this fails too; the session's end released the lock, and fn's error is the one.
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(ignore);
  }
}

async function applyMigrations(client: pg.PoolClient, schema: string): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
  );
  const done = new Set(
    (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
      (r) => r.version,
    ),
  );
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await client.query('BEGIN');
    try {
      for (const sql of m.statements) await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        Date.now(),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(ignore);
      throw error;
    }
  }
  // Code rather than schema: every start puts this version's append function in place.
  await client.query(APPEND_CHAIN_FUNCTION);
}
