import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

// The schema of a SQLite store, brought up to date when it is opened. Every one-shot command opens the
// log: a file already up to date is told by its header's user_version, which the migrating transaction
// sets, without taking the write lock (a BEGIN IMMEDIATE that waits behind any other writer) or reading
// schema_migrations.

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

/** Apply the migrations `db` has not had, in one transaction; nothing when its user_version says so. */
export function migrateSqlite(db: Database.Database): void {
  if (db.pragma('user_version', { simple: true }) === LATEST) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const done = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        Date.now(),
      );
    }
    // Only raised: a file a newer build migrated further keeps its own number (and takes this path).
    if ((db.pragma('user_version', { simple: true }) as number) < LATEST)
      db.pragma(`user_version = ${LATEST}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
