import type { EnvironmentHint } from '../core/types.js';
import type { Word } from '../shell/words.js';
import type { Invocation } from './analyzer.js';
import { nameHints } from './databases/servers.js';
import { task, urlHints, urlOrVariable, type Runner } from './migration-runner.js';

// The migration commands of application toolkits that are not frameworks' task runners: diesel and sqlx
// (Rust), Entity Framework (`dotnet ef`) and drizzle-kit. Their commands are mostly two words (`migration
// run`, `database update`), and they are told the database by an option or by DATABASE_URL.

/** The command of two words (`migration run`) and the words after it. */
function twoWords(positionals: Word[], groups: readonly string[]) {
  const [group, command, ...rest] = positionals;
  if (!group || !command || !groups.includes(group.value)) return undefined;
  return { command: `${group.value} ${command.value}`, rest };
}

/** `--database-url URL` (`-D` for sqlx), or DATABASE_URL. */
const databaseUrl = (inv: Invocation, value: (...names: string[]) => string | undefined) =>
  urlOrVariable(inv, '--database-url', value('--database-url', '-D'));

const DROPS = 'drops the database';

/** diesel: `diesel [--database-url URL] migration run|revert|redo|list|pending|generate`, `diesel database …`. */
export const DIESEL: Runner = {
  applies: new Set(['migration run', 'database setup', 'setup']),
  looks: new Set(['migration list', 'migration pending', 'migration generate', 'print-schema']),
  options: {
    withValue: ['--database-url', '--migration-dir', '--config-file', '-n', '--number', '--format'],
  },
  read(positionals, inv, value) {
    const found = twoWords(positionals, ['migration', 'database']) ?? {
      command: positionals[0]?.value ?? '',
      rest: positionals.slice(1),
    };
    return found.command ? { ...found, hints: databaseUrl(inv, value) } : undefined;
  },
  task(command, _rest, has) {
    switch (command) {
      case 'database drop':
        return task('delete', 'critical', DROPS);
      case 'database reset':
        return task('delete', 'critical', 'drops the database and re-runs every migration');
      case 'migration revert':
        return has('--all')
          ? task('delete', 'critical', 'rolls back every migration, dropping what they created')
          : task('modify', 'medium', 'rolls back the latest migrations');
      case 'migration redo':
        return task('modify', 'medium', 'rolls back the latest migrations and applies them again');
    }
    return undefined;
  },
};

/** sqlx-cli: `sqlx migrate run|revert|info|add [--database-url URL] [--dry-run]`, `sqlx database …` (or `db`). */
export const SQLX: Runner = {
  applies: new Set(['migrate run', 'database setup', 'db setup']),
  looks: new Set(['migrate info', 'migrate add', 'migrate build-script', 'database create', 'db create']),
  dry: ['--dry-run'],
  options: { withValue: ['--database-url', '-D', '--source', '--target-version', '--connect-timeout'] },
  read(positionals, inv, value) {
    const found = twoWords(positionals, ['migrate', 'database', 'db']);
    return found && { ...found, hints: databaseUrl(inv, value) };
  },
  task(command, _rest, has) {
    // `--dry-run` lists what it would revert.
    if (has('--dry-run')) return undefined;
    switch (command) {
      case 'database drop':
      case 'db drop':
        return task('delete', 'critical', DROPS);
      case 'database reset':
      case 'db reset':
        return task('delete', 'critical', 'drops the database and re-runs every migration');
      case 'migrate revert':
        return task('modify', 'medium', 'rolls back migrations');
    }
    return undefined;
  },
};

/** A .NET connection string (`Host=prod-db;Database=billing`): its server places it, its database is a name. */
function connectionHints(text: string | undefined): EnvironmentHint[] {
  if (!text?.includes('=')) return urlHints('flag --connection', text);
  const pairs = text.split(';').map((p) => p.split('=').map((s) => s.trim()));
  const key = (...names: string[]) => pairs.find(([k]) => names.includes(k?.toLowerCase() ?? ''))?.[1];
  return [
    ...urlHints('flag --connection', key('host', 'server', 'data source', 'address', 'addr')),
    ...nameHints('database name', key('database', 'initial catalog')),
  ];
}

/** Where the app runs: ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT, or `-- --environment NAME` passed to it. */
function efHints(inv: Invocation, value: (...names: string[]) => string | undefined): EnvironmentHint[] {
  const hints = connectionHints(value('--connection'));
  for (const name of ['ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT']) {
    const given = inv.env(name);
    if (given) hints.push({ source: `env ${name}`, value: given });
  }
  const environment = inv.args.findIndex((w) => w.value === '--environment');
  const named = environment >= 0 ? inv.args[environment + 1]?.value : undefined;
  if (named) hints.push({ source: 'flag --environment', value: named });
  return hints;
}

/** Entity Framework: `dotnet ef database update [MIGRATION] [--connection CS]`, `dotnet ef database drop`. */
export const EF: Runner = {
  applies: new Set(['ef database update']),
  looks: new Set([
    'ef migrations list',
    'ef migrations add',
    'ef migrations script',
    'ef migrations bundle',
    'ef dbcontext info',
  ]),
  options: {
    withValue: [
      '--connection',
      '-p',
      '--project',
      '-s',
      '--startup-project',
      '-c',
      '--context',
      '--framework',
      '--configuration',
      '--runtime',
      '-o',
      '--output',
      '-n',
      '--namespace',
    ],
  },
  read(positionals, inv, value) {
    if (positionals[0]?.value !== 'ef') return undefined;
    const found = twoWords(positionals.slice(1), ['database', 'migrations', 'dbcontext']);
    return found && { command: `ef ${found.command}`, rest: found.rest, hints: efHints(inv, value) };
  },
  task(command, rest, has) {
    if (command === 'ef database drop') return task('delete', 'critical', DROPS);
    // Migration 0 is before the first: every migration is reverted.
    if (command === 'ef database update' && rest[0]?.value === '0')
      return task('delete', 'critical', 'reverts every migration, dropping what they created');
    if (command === 'ef migrations remove' && has('-f', '--force'))
      return task('modify', 'medium', 'reverts the latest migration from the database');
    return undefined;
  },
};

/** drizzle-kit: `drizzle-kit migrate|push [--config FILE] [--url URL]`; the config file names the database. */
export const DRIZZLE: Runner = {
  // `push` makes the database match the schema, dropping the columns and tables it no longer has.
  applies: new Set(['migrate', 'push']),
  looks: new Set(['generate', 'check', 'up', 'pull', 'introspect', 'export']),
  options: {
    withValue: [
      '--config',
      '--url',
      '--host',
      '--port',
      '--user',
      '--password',
      '--database',
      '--dialect',
      '--schema',
      '--out',
    ],
  },
  read(positionals, inv, value) {
    const [command, ...rest] = positionals;
    if (!command) return undefined;
    const hints = [
      ...urlOrVariable(inv, '--url', value('--url') ?? value('--host')),
      ...nameHints('drizzle config or database', value('--config'), value('--database')),
    ];
    return { command: command.value, rest, hints };
  },
  task(command, _rest, has) {
    // `--force` approves the statements that lose data without asking.
    return command === 'push' && has('--force')
      ? task('replace', 'high', 'pushes the schema, accepting data loss')
      : undefined;
  },
};
