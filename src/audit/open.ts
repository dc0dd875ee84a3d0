import { isPostgresUrl, openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import type { SideTables } from './side-tables.js';

/** One audit log: the store that appends to the chain, and the side tables beside it. */
export interface AuditLog {
  store: Store;
  side: SideTables;
  /** Where it is, for people (a file path, or a URL without its password). */
  location: string;
  close(): Promise<void>;
}

/**
 * The side tables of an open store. SQLite: the store's own file. PostgreSQL: the store's schema, reached
 * with `database` (the URL the store was opened with; its location hides the password).
 */
async function sideTablesFor(store: Store, database?: string): Promise<SideTables> {
  let side: SideTables;
  if (store.kind === 'sqlite') {
    if (store.location === ':memory:')
      throw new Error('an in-memory database cannot hold audit checkpoints; use a SQLite file or PostgreSQL');
    const { SqliteSideTables } = await import('./side-sqlite.js');
    side = new SqliteSideTables(store.location);
  } else {
    if (!database || !isPostgresUrl(database))
      throw new Error('the PostgreSQL URL the store was opened with is needed to reach its audit tables');
    const { PostgresSideTables } = await import('./side-postgres.js');
    side = new PostgresSideTables(database, (store as Store & { schema: string }).schema);
  }
  try {
    await side.ensure();
  } catch (error) {
    await side.close().catch(() => undefined);
    throw new Error(`cannot create the audit tables in ${store.location}: ${(error as Error).message}`);
  }
  return side;
}

/** Open (and migrate) a store and its audit side tables. */
export async function openAuditLog(
  database: string,
  env: NodeJS.ProcessEnv = process.env,
  options: { longRunning?: boolean } = {},
): Promise<AuditLog> {
  const store = await openStore(database, env, options);
  return auditLogOf(store, database, true);
}

/** An audit log over a store that is already open; `ownsStore` decides whether close() closes it too. */
export async function auditLogOf(
  store: Store,
  database: string | undefined,
  ownsStore = false,
): Promise<AuditLog> {
  let side: SideTables;
  try {
    side = await sideTablesFor(store, database);
  } catch (error) {
    if (ownsStore) await store.close().catch(() => undefined);
    throw error;
  }
  return {
    store,
    side,
    location: store.location,
    async close() {
      await side.close().catch(() => undefined);
      if (ownsStore) await store.close();
    },
  };
}
