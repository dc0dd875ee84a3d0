import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Store } from './types.js';

/** Where the embedded database lives when nothing else is configured: $XDG_DATA_HOME/interlock/server.db. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'interlock', 'server.db');
}

export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

/**
 * Open (and migrate) the store a database setting names: a `postgres://…` URL runs on PostgreSQL, anything
 * else is a SQLite file path (`sqlite:` prefix optional). The driver is loaded only when it is used.
 * `longRunning` (the server, the daemon): SQLite flushes its commits off the event loop (SqliteOptions).
 */
export async function openStore(
  database: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  options: { longRunning?: boolean } = {},
): Promise<Store> {
  const target = database?.trim() || defaultDatabasePath(env);
  let store: Store;
  if (isPostgresUrl(target)) {
    const { PostgresStore } = await import('./postgres.js');
    store = new PostgresStore(target);
  } else {
    const { SqliteStore } = await import('./sqlite.js');
    const path = target.replace(/^sqlite:(\/\/)?/i, '');
    store = new SqliteStore(path === ':memory:' ? path : resolve(path), {
      background: options.longRunning ?? false,
    });
  }
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot open the database ${store.location}: ${message}`);
  }
  return store;
}
