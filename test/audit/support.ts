import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { auditLogOf, type AuditLog } from '../../src/audit/open.js';
import { initKeys, readSigningKey } from '../../src/audit/keys.js';
import type { Signer } from '../../src/audit/checkpoint.js';
import { parsePostgresUrl } from '../../src/store/postgres.js';
import type { Store, StoreKind } from '../../src/store/types.js';
import type { StoreTarget } from '../store/stores.js';

// Real databases, tampered with by hand: each test gets a fresh store (a SQLite file, or a PostgreSQL
// schema of its own), a key pair in a temporary directory, and raw SQL access that bypasses Interlock.

interface Raw {
  run(sql: string, params?: unknown[]): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** SQL with `?` placeholders on either database (numbered for PostgreSQL). */
function rawAccess(kind: StoreKind, database: string, store: Store): Raw {
  if (kind === 'sqlite') {
    const db = new Database(database);
    db.pragma('busy_timeout = 5000');
    return {
      async run(sql, params = []) {
        db.prepare(sql).run(...(params as never[]));
      },
      async rows<T>(sql: string, params: unknown[] = []) {
        return db.prepare(sql).all(...(params as never[])) as T[];
      },
      async close() {
        db.close();
      },
    };
  }
  const schema = (store as Store & { schema: string }).schema;
  const pool = new pg.Pool({
    connectionString: parsePostgresUrl(database).connectionString,
    max: 1,
    options: `-c search_path=${schema}`,
  });
  const numbered = (sql: string) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  };
  return {
    async run(sql, params = []) {
      await pool.query(numbered(sql), params);
    },
    async rows<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(numbered(sql), params)).rows as T[];
    },
    async close() {
      await pool.end();
    },
  };
}

export interface Fixture {
  store: Store;
  database: string;
  log: AuditLog;
  signer: Signer;
  keyDir: string;
  raw: Raw;
  cleanup(): Promise<void>;
}

export function newKeys(): { dir: string; privateKey: string; keyring: string; witnessDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-keys-'));
  const paths = {
    privateKey: join(dir, 'signing-key.pem'),
    keyring: join(dir, 'keyring.json'),
    witnessDir: join(dir, 'witness'),
  };
  initKeys(paths);
  return { dir, ...paths };
}

export async function fixture(target: StoreTarget): Promise<Fixture> {
  const { store, database, cleanup } = await target.create();
  const log = await auditLogOf(store, database);
  const keys = newKeys();
  const signer: Signer = { key: readSigningKey(keys.privateKey), witnessDir: keys.witnessDir };
  const raw = rawAccess(target.kind, database, store);
  return {
    store,
    database,
    log,
    signer,
    keyDir: keys.dir,
    raw,
    async cleanup() {
      await raw.close();
      await log.close();
      await cleanup();
    },
  };
}

/** Entries 1..n with varied data (several per transaction now and then). */
export async function fill(store: Store, n: number, from = 1, at = 1_700_000_000_000): Promise<void> {
  let i = from;
  while (i < from + n) {
    const batch = Math.min(i % 3 === 0 ? 3 : 1, from + n - i);
    const first = i;
    await store.transact(async (tx) => {
      for (let k = 0; k < batch; k++) {
        const seq = first + k;
        await tx.appendAudit({
          type: seq % 5 === 0 ? 'approval' : 'decision',
          actor: seq % 2 ? 'claude' : 'bob',
          at: at + seq * 1000,
          data: {
            command: `kubectl delete pod p-${seq}`,
            n: seq,
            ünïcode: 'ü ✓',
            nested: { list: [seq, null, true] },
          },
        });
      }
    });
    i += batch;
  }
}
