import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openSqlite } from '../../src/store/sqlite-addon.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempTree } from '../support/tmp.js';

// A store brought up to date says so in its header (user_version); opening it again does no schema work and
// takes no write lock, and a file migrated by an older or a newer build is still checked.

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

async function opened(file: string): Promise<SqliteStore> {
  const store = new SqliteStore(file);
  await store.migrate();
  return store;
}

const versions = (file: string) => {
  const db = openSqlite(file, { readonly: true });
  try {
    const applied = (
      db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
        version: number;
      }[]
    ).map((r) => r.version);
    return { userVersion: db.pragma('user_version', { simple: true }) as number, applied };
  } finally {
    db.close();
  }
};

describe('sqlite: migrations on open', () => {
  it('migrates a new file and marks it up to date', async () => {
    const file = join(tempTree(), 'new.db');
    await (await opened(file)).close();
    expect(versions(file)).toEqual({ userVersion: LATEST, applied: MIGRATIONS.map((m) => m.version) });
  });

  it('opens a file marked up to date while another connection holds the write lock', async () => {
    const file = join(tempTree(), 'warm.db');
    await (await opened(file)).close();
    const other = openSqlite(file);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const store = await opened(file);
      await store.close();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('checks a file an older build migrated (no mark), and marks it', async () => {
    const file = join(tempTree(), 'older.db');
    await (await opened(file)).close();
    const db = openSqlite(file);
    db.pragma('user_version = 0');
    db.close();
    const store = await opened(file);
    await store.transact((tx) => tx.appendAudit({ type: 'n', actor: 't', at: 1, data: {} }));
    await store.close();
    expect(versions(file).userVersion).toBe(LATEST);
  });

  it('does not pass over a mark that lies: a file without the tables fails to open', async () => {
    const file = join(tempTree(), 'lying.db');
    const db = openSqlite(file);
    db.pragma(`user_version = ${LATEST}`);
    db.close();
    await expect(opened(file)).rejects.toThrow(/no such table/);
  });

  it('leaves the mark of a file a newer build migrated further', async () => {
    const file = join(tempTree(), 'newer.db');
    await (await opened(file)).close();
    const db = openSqlite(file);
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();
    await (await opened(file)).close();
    expect(versions(file).userVersion).toBe(LATEST + 1);
  });
});
