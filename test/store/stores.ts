import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store, StoreKind } from '../../src/store/types.js';

// Both stores, for the shared contract tests: a real SQLite file and a real PostgreSQL server (one schema
// per store, so parallel runs never meet). PostgreSQL must be up: CI's .ci/run starts it; locally
//   pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start

export const POSTGRES_URL =
  process.env.INTERLOCK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface StoreTarget {
  kind: StoreKind;
  /** A fresh, migrated store, and a `database` string that opens the same data again (another process). */
  create(): Promise<{ store: Store; database: string; cleanup: () => Promise<void> }>;
}

export function uniqueSchema(): string {
  return `t_${process.pid}_${randomBytes(5).toString('hex')}`;
}

export const SQLITE: StoreTarget = {
  kind: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-store-'));
    const database = join(dir, 'server.db');
    // As `interlock serve` opens it: commits flushed off the event loop.
    const store = new SqliteStore(database, { background: true });
    await store.migrate();
    return {
      store,
      database,
      cleanup: async () => {
        await store.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const POSTGRES: StoreTarget = {
  kind: 'postgres',
  async create() {
    const schema = uniqueSchema();
    const database = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
    const store = new PostgresStore(database);
    try {
      await store.migrate();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw new Error(
        `PostgreSQL at ${POSTGRES_URL} is needed for these tests (${(error as Error).message}); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
      );
    }
    return {
      store,
      database,
      cleanup: async () => {
        const dropper = new PostgresStore(database);
        await dropper.dropSchema().catch(() => undefined);
        await dropper.close();
        await store.close().catch(() => undefined);
      },
    };
  },
};

export const TARGETS: readonly StoreTarget[] = [SQLITE, POSTGRES];

/**
 * A database as an earlier release left it: the migrations up to `version` only, then `rows` (SQL run as
 * is). `open` opens it with today's store, which migrates it the rest of the way.
 */
export async function olderDatabase(
  kind: StoreKind,
  version: number,
  rows: string[],
): Promise<{ open: () => Promise<Store>; cleanup: () => Promise<void> }> {
  const statements = [
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    ...MIGRATIONS.filter((m) => m.version <= version).flatMap((m) => [
      ...m.statements,
      `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${m.version}, 'm${m.version}', 0)`,
    ]),
    ...rows,
  ];
  const opened: Store[] = [];
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-older-'));
    const path = join(dir, 'server.db');
    const db = new Database(path);
    for (const sql of statements) db.exec(sql);
    db.close();
    return {
      open: async () => {
        const store = new SqliteStore(path);
        opened.push(store);
        await store.migrate();
        return store;
      },
      cleanup: async () => {
        for (const s of opened) await s.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = uniqueSchema();
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path = ${schema}`);
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
  const database = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    open: async () => {
      const store = new PostgresStore(database);
      opened.push(store);
      await store.migrate();
      return store;
    },
    cleanup: async () => {
      const dropper = new PostgresStore(database);
      await dropper.dropSchema().catch(() => undefined);
      await dropper.close();
      for (const s of opened) await s.close().catch(() => undefined);
    },
  };
}
