import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { isScratch, resolvePath } from '../paths.js';
import { first, getopt, has, sqlEffects, sqlFile, stamp, unknownSql, values } from './common.js';
import { fromStdin } from './postgres.js';

// sqlite3 [OPTIONS] [FILENAME [SQL|.command]…]. Options are single-dash long words (-cmd, -readonly).
const SQLITE_WITH_VALUE = [
  '-cmd',
  '--cmd',
  '-init',
  '--init',
  '-separator',
  '--separator',
  '-newline',
  '--newline',
  '-nullvalue',
  '--nullvalue',
  '-vfs',
  '--vfs',
  '-mmap',
  '--mmap',
  '-maxsize',
  '--maxsize',
  '-pagecache',
  '--pagecache',
  '-lookaside',
  '--lookaside',
  '-heap',
  '--heap',
  '-escape',
  '--escape',
];

/** DuckDB's shell is sqlite3's, with `-c`/`-s` (run and exit) and `-f` (run a file and exit). */
const DUCKDB_WITH_VALUE = [...SQLITE_WITH_VALUE, '-c', '-s', '-f'];

const DATA_OPERATIONS = new Set(['create', 'modify', 'delete', 'replace']);

export function sqlite(inv: Invocation, parser: SqlParser): Effect[] {
  const duck = inv.name === 'duckdb';
  const { options, positionals } = getopt(inv.args, duck ? DUCKDB_WITH_VALUE : SQLITE_WITH_VALUE);
  if (has(options, '-version', '--version', '-help', '--help')) return [];
  const [file, ...sql] = positionals;
  const inMemory = !file || file.value === ':memory:' || file.value === '';
  // MotherDuck (`duckdb md:analytics`) is a service, not a file here.
  const service = duck && /^(md|motherduck):/i.test(file?.value ?? '');
  const path =
    file && !inMemory
      ? file.dynamic || inv.remote || service
        ? file.value
        : resolvePath(file.value, inv.facts.cwd, inv.facts.home)
      : ':memory:';
  const hints: EnvironmentHint[] = [];
  if (!inMemory) hints.push({ source: 'sqlite database file', value: path, weak: true });
  if (!inv.remote && !service) {
    // The database is a file on this machine: unless the file's name says otherwise, this is local work.
    hints.push({ source: `${duck ? 'duckdb' : 'sqlite3'} (a file on this machine)`, value: 'local' });
    if (inv.facts.host) hints.push({ source: 'host', value: inv.facts.host });
  }
  const tool = inv.name;
  const effects: Effect[] = [];
  const init = first(options, '-init', '--init');
  if (init)
    effects.push(unknownSql(tool, `SQL from the init file ${init.value}`, `SQL file ${init.value}`, hints));
  const exits = duck ? values(options, '-c', '-s') : [];
  const commands = [...values(options, '-cmd', '--cmd'), ...exits, ...sql];
  for (const command of commands) effects.push(...stamp(sqlEffects(parser, command, 'sqlite'), tool, hints));
  const files = duck ? values(options, '-f') : [];
  for (const name of files) {
    const text = sqlFile(inv, name);
    if (text && 'text' in text)
      effects.push(...stamp(sqlEffects(parser, { value: text.text, dynamic: false }, 'sqlite'), tool, hints));
    else if (text)
      effects.push(unknownSql(tool, `SQL from ${text.unknown}`, `SQL file ${name.value}`, hints));
  }
  if (sql.length === 0 && exits.length === 0 && files.length === 0)
    effects.push(...fromStdin(inv, parser, tool, hints, 'sqlite'));
  const readOnly = has(options, '-readonly', '--readonly');
  // A database file in a scratch directory is scratch, like any other file there (paths.ts).
  const scratch = !inMemory && !inv.remote && !service && !file.dynamic && isScratch(path);
  return effects
    .filter((e) => !((inMemory || readOnly) && DATA_OPERATIONS.has(e.operation)))
    .map((e) =>
      scratch && DATA_OPERATIONS.has(e.operation)
        ? { ...e, risk: 'low' as const, reason: `${e.reason} (in ${path}, a scratch file)` }
        : { ...e, reason: inMemory ? e.reason : `${e.reason} (in ${path})` },
    );
}
