import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres.js';
import { POSTGRES_URL, uniqueSchema } from './stores.js';

// migrate() holds one connection through all its statements. PostgreSQL restarting (or ending the session)
// meanwhile must give a clear error, not an 'error' event nobody listens to, which ends the process (vitest
// fails the run on it). The session is ended the way a restart ends it (pg_terminate_backend: a FATAL error,
// then the socket closes) while migrate() waits for a lock this test holds: the migration lock, or the
// migrations table inside it.

describe('migrate() when PostgreSQL ends its connection', () => {
  const schema = uniqueSchema();
  const database = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const holder = new pg.Client({ connectionString: POSTGRES_URL });

  beforeAll(async () => {
    await holder.connect();
    const first = new PostgresStore(database);
    await first.migrate();
    await first.close();
  });
  afterAll(async () => {
    await holder.end().catch(() => undefined);
    const cleanup = new PostgresStore(database);
    await cleanup.dropSchema();
    await cleanup.close();
  });

  /** The backend that waits for a lock matching `where` (pg_locks): migrate()'s connection. */
  async function waiting(where: string, params: unknown[]): Promise<number> {
    for (let i = 0; i < 400; i++) {
      const { rows } = await holder.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid() AND ${where}`,
        params,
      );
      if (rows[0]) return rows[0].pid;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('migrate() never waited for the lock');
  }

  /** migrate() while the holder holds a lock; its session ended while it waits; then a migrate() that works. */
  async function endedWhileWaiting(where: string, params: unknown[], release: string) {
    const store = new PostgresStore(database);
    try {
      const migrating = store.migrate();
      migrating.catch(() => undefined);
      await holder.query('SELECT pg_terminate_backend($1)', [await waiting(where, params)]);
      await expect(migrating).rejects.toThrow(
        /the connection to PostgreSQL was lost while migrating schema "t_\w+" \(terminating connection/,
      );
      await holder.query(release);
      // The pool was not handed the broken connection: the next migrate() runs on a fresh one.
      await store.migrate();
      expect(await store.listFreezes()).toEqual([]);
    } finally {
      await store.close();
    }
  }

  it('while it waits for the migration lock (another replica migrating)', async () => {
    const key = `interlock:migrate:${schema}`;
    await holder.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    await endedWhileWaiting(
      "locktype = 'advisory' AND objid = hashtext($1)::oid",
      [key],
      `SELECT pg_advisory_unlock(hashtext('${key}'))`,
    );
  });

  it('in the middle of its statements, with the migration lock held', async () => {
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE ${schema}.schema_migrations IN ACCESS EXCLUSIVE MODE`);
    await endedWhileWaiting('relation = $1::regclass', [`${schema}.schema_migrations`], 'COMMIT');
  });
});
