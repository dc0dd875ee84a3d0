import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

// better-sqlite3 finds its native addon through the `bindings` package, which reads a stack trace to find
// the package's directory and tries one build directory after another: a few milliseconds of every
// one-shot command that records a decision. Its own build puts the addon in build/Release (npm's install
// script, a prebuilt binary or node-gyp alike); that file is named directly when it is there. Otherwise
// `bindings` searches from better-sqlite3's own directory, as the package itself would: the one-shot
// bundle (scripts/bundle.mjs) carries better-sqlite3's JavaScript, and a search from the bundle's
// directory would look in Interlock's instead.

let addon: { binding?: string | object } | undefined;

/** The addon's path, else the addon as `bindings` finds it from the package's directory. */
function nativeBinding(): string | object | undefined {
  if (!addon) {
    addon = {};
    try {
      const main = createRequire(import.meta.url).resolve('better-sqlite3');
      const root = join(dirname(main), '..');
      const path = join(root, 'build', 'Release', 'better_sqlite3.node');
      addon.binding = existsSync(path)
        ? path
        : (createRequire(main)('bindings') as (o: object) => object)({
            bindings: 'better_sqlite3.node',
            module_root: root,
          });
    } catch {
      // not resolvable from here: better-sqlite3 looks for its addon itself
    }
  }
  return addon.binding;
}

/** A better-sqlite3 connection, with its addon named when it is where its build puts it. */
export function openSqlite(location: string, options: Database.Options = {}): Database.Database {
  const binding = nativeBinding();
  // The type names only a path; better-sqlite3 takes the addon object as well.
  return new Database(location, binding ? { nativeBinding: binding as string, ...options } : options);
}
