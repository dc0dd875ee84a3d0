import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

// better-sqlite3 finds its native addon through the `bindings` package, which reads a stack trace to find
// the package's directory and tries one build directory after another: a few milliseconds of every
// one-shot command that records a decision. Its own build puts the addon in build/Release (npm's install
// script, a prebuilt binary or node-gyp alike); that file is named directly when it is there, and the
// search is left to `bindings` when it is not (another layout).

let addon: { path?: string } | undefined;

/** The addon's path, or undefined to let better-sqlite3 look for it. */
function addonPath(): string | undefined {
  if (!addon) {
    addon = {};
    try {
      const main = createRequire(import.meta.url).resolve('better-sqlite3');
      const path = join(dirname(main), '..', 'build', 'Release', 'better_sqlite3.node');
      if (existsSync(path)) addon.path = path;
    } catch {
      // not resolvable from here: better-sqlite3 looks for its addon itself
    }
  }
  return addon.path;
}

/** A better-sqlite3 connection, with its addon named when it is where its build puts it. */
export function openSqlite(location: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = addonPath();
  return new Database(location, nativeBinding ? { nativeBinding, ...options } : options);
}
