import type { Effect, EnvironmentHint } from '../core/types.js';
import { optionValue, parseOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { appliedUnseen } from './applied-migrations.js';
import { DIESEL, DRIZZLE, EF, SQLX } from './app-migration-runners.js';
import { nameHints } from './databases/servers.js';
import { task, urlHints, urlOrVariable, type Runner } from './migration-runner.js';

// Stand-alone schema migration runners: goose, golang-migrate (`migrate`), dbmate, alembic (and Flask-Migrate's
// `flask db`), sqitch, and those of diesel, sqlx, `dotnet ef` and drizzle-kit (app-migration-runners.ts). Each
// is told the database on its command line or in a variable, and a few of its commands undo migrations
// (dropping the tables they made) or drop the database: `goose postgres "postgres://…prod…/billing" reset`.

/** `goose [options] DRIVER DBSTRING COMMAND`, or `goose COMMAND` with GOOSE_DRIVER and GOOSE_DBSTRING set. */
const GOOSE: Runner = {
  applies: new Set(['up', 'up-by-one', 'up-to']),
  looks: new Set(['status', 'version', 'create', 'fix', 'validate']),
  options: {
    withValue: [
      '-dir',
      '--dir',
      '-table',
      '--table',
      '-certfile',
      '-ssl-cert',
      '-ssl-key',
      '-timeout',
      '-env',
    ],
  },
  read(positionals, inv) {
    const fromEnv = inv.env('GOOSE_DRIVER') !== undefined && inv.env('GOOSE_DBSTRING') !== undefined;
    const [a, b, c, ...more] = positionals;
    if (!a) return undefined;
    if (fromEnv && GOOSE_COMMANDS.has(a.value))
      return {
        command: a.value,
        rest: positionals.slice(1),
        hints: urlHints('env GOOSE_DBSTRING', inv.env('GOOSE_DBSTRING')),
      };
    if (!b || !c) return undefined;
    return { command: c.value, rest: more, hints: urlHints('goose database', b.value) };
  },
  task(command, rest) {
    switch (command) {
      case 'reset':
        return task('delete', 'critical', 'rolls back every migration, dropping what they created');
      case 'down-to':
        return rest[0]?.value === '0'
          ? task('delete', 'critical', 'rolls back every migration, dropping what they created')
          : task('modify', 'high', 'rolls migrations back to a version');
      case 'down':
        return task('modify', 'medium', 'rolls back the latest migration');
      case 'redo':
        return task('modify', 'medium', 'rolls back the latest migration and applies it again');
    }
    return undefined;
  },
};

const GOOSE_COMMANDS = new Set([
  'up',
  'up-by-one',
  'up-to',
  'down',
  'down-to',
  'redo',
  'reset',
  'status',
  'version',
  'create',
  'fix',
  'validate',
]);

/** golang-migrate: `migrate -database URL -path DIR COMMAND [ARGS]`. */
const MIGRATE: Runner = {
  applies: new Set(['up']),
  looks: new Set(['version', 'create']),
  options: {
    withValue: [
      '-database',
      '--database',
      '-source',
      '--source',
      '-path',
      '--path',
      '-prefetch',
      '-lock-timeout',
    ],
  },
  read(positionals, inv, value) {
    const [command, ...rest] = positionals;
    if (!command) return undefined;
    return {
      command: command.value,
      rest,
      hints: urlHints('flag -database', value('-database', '--database')),
    };
  },
  task(command, rest, has) {
    switch (command) {
      case 'drop':
        return task('delete', 'critical', 'drops everything in the database');
      case 'down':
        return rest.length && !has('-all', '--all')
          ? task('modify', 'high', 'rolls back migrations')
          : task('delete', 'critical', 'rolls back every migration, dropping what they created');
      case 'goto':
        return task('modify', 'high', 'migrates to a version, rolling back any after it');
      case 'force':
        return task('modify', 'medium', 'sets the recorded version without running migrations');
    }
    return undefined;
  },
};

/** dbmate: `dbmate [--url URL | --env VAR] COMMAND`, DATABASE_URL by default. */
const DBMATE: Runner = {
  applies: new Set(['up', 'migrate', 'load']),
  looks: new Set(['status', 'new', 'n', 'dump', 'wait']),
  options: {
    withValue: [
      '-u',
      '--url',
      '-e',
      '--env',
      '-d',
      '--migrations-dir',
      '-s',
      '--schema-file',
      '--migrations-table',
      '--wait-timeout',
      '--env-file',
    ],
  },
  read(positionals, inv, value) {
    const [command, ...rest] = positionals;
    if (!command) return undefined;
    const variable = value('-e', '--env') ?? 'DATABASE_URL';
    return {
      command: command.value,
      rest,
      hints: urlOrVariable(inv, '--url', value('-u', '--url'), variable),
    };
  },
  task(command) {
    switch (command) {
      case 'drop':
        return task('delete', 'critical', 'drops the database');
      case 'rollback':
      case 'down':
        return task('modify', 'medium', 'rolls back the latest migration');
    }
    return undefined;
  },
};

/** Every `-x key=value` alembic passes to env.py (`-x db=production`): the values may say where it lands. */
function alembicHints(inv: Invocation): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  inv.args.forEach((w, i) => {
    const given = w.value === '-x' ? inv.args[i + 1]?.value : /^-x(.+)$/.exec(w.value)?.[1];
    const value = given?.split('=').slice(1).join('=');
    if (value) hints.push({ source: 'flag -x', value });
    // -n picks a section of the ini file (`-n production`), -c the file itself: names only.
    const name = w.value === '-n' || w.value === '--name' || w.value === '-c' || w.value === '--config';
    if (name && inv.args[i + 1])
      hints.push({ source: `flag ${w.value}`, value: inv.args[i + 1]!.value, weak: true });
  });
  return [...hints, ...urlHints('env DATABASE_URL', inv.env('DATABASE_URL'))];
}

/** alembic: `alembic [-c INI] [-n SECTION] [-x KEY=VALUE]… COMMAND [--sql] [REVISION]`; env.py finds the database. */
const ALEMBIC: Runner = {
  applies: new Set(['upgrade']),
  dry: ['--sql'],
  looks: new Set([
    'current',
    'history',
    'heads',
    'branches',
    'show',
    'check',
    'revision',
    'init',
    'list_templates',
  ]),
  options: {
    withValue: ['-c', '--config', '-n', '--name', '-x', '--tag', '-m', '--message', '-r', '--rev-range'],
  },
  read(positionals, inv) {
    const [command, ...rest] = positionals;
    return command ? { command: command.value, rest, hints: alembicHints(inv) } : undefined;
  },
  task(command, rest, has) {
    // --sql (offline mode) prints the migration SQL and runs none of it.
    if (command !== 'downgrade' || has('--sql')) return undefined;
    const revision = rest[0]?.value ?? '';
    if (revision === 'base')
      return task('delete', 'critical', 'rolls back every migration, dropping what they created');
    // A relative step (`-1`) is read as an option, leaving no revision among the words.
    return revision === '' || /^-\d+$/.test(revision)
      ? task('modify', 'medium', 'rolls back the latest migrations')
      : task('modify', 'high', 'rolls migrations back to a revision, undoing every one after it');
  },
};

/** Where a Flask app runs: its environment or config variable, the app and env file it is given, its database. */
function flaskHints(inv: Invocation, value: (...names: string[]) => string | undefined): EnvironmentHint[] {
  const variables = ['FLASK_ENV', 'FLASK_CONFIG', 'APP_ENV'].flatMap((name) => {
    const given = inv.env(name);
    return given ? [{ source: `env ${name}`, value: given }] : [];
  });
  return [
    ...variables,
    ...nameHints('flask app or env file', value('-A', '--app'), value('-e', '--env-file')),
    ...urlHints('env SQLALCHEMY_DATABASE_URI', inv.env('SQLALCHEMY_DATABASE_URI')),
  ];
}

/** Flask-Migrate: `flask [--app APP] db COMMAND …`, alembic's commands run with the app's configuration. */
const FLASK: Runner = {
  ...ALEMBIC,
  // `flask db migrate` writes a new migration file, as `alembic revision --autogenerate` does.
  looks: new Set([...ALEMBIC.looks, 'migrate', 'edit']),
  options: {
    withValue: [...(ALEMBIC.options.withValue ?? []), '-A', '--app', '-e', '--env-file', '-d', '--directory'],
  },
  read(positionals, inv, value) {
    const [group, command, ...rest] = positionals;
    if (group?.value !== 'db' || !command) return undefined;
    return { command: command.value, rest, hints: [...flaskHints(inv, value), ...alembicHints(inv)] };
  },
};

/** sqitch: `sqitch [options] COMMAND [options] [TARGET] [CHANGE]`, a target a `db:pg://…` URI or a name. */
const SQITCH: Runner = {
  applies: new Set(['deploy']),
  looks: new Set([
    'status',
    'log',
    'verify',
    'plan',
    'show',
    'help',
    'add',
    'tag',
    'init',
    'bundle',
    'check',
    'config',
  ]),
  options: {
    withValue: [
      '-C',
      '--chdir',
      '-t',
      '--target',
      '--to',
      '--to-change',
      '--to-target',
      '--plan-file',
      '--top-dir',
      '--registry',
      '--client',
      '--engine',
      '-d',
      '--db-name',
      '-u',
      '--db-user',
      '-h',
      '--db-host',
      '-p',
      '--db-port',
      '-s',
      '--set',
      '--mode',
      '--onto',
      '--onto-change',
      '--upto',
      '--upto-change',
    ],
  },
  read(positionals, inv, value) {
    const [command, ...rest] = positionals;
    if (!command) return undefined;
    const target = value('-t', '--target') ?? rest.find((w) => w.value.startsWith('db:'))?.value;
    const named = rest.filter((w) => !w.value.startsWith('db:')).map((w) => w.value);
    const hints = [
      ...urlHints('sqitch target', target?.replace(/^db:/, '') ?? inv.env('SQITCH_TARGET')),
      ...(value('-h', '--db-host') ? urlHints('flag --db-host', value('-h', '--db-host')) : []),
      ...named.map((n): EnvironmentHint => ({ source: 'sqitch target or change', value: n, weak: true })),
    ];
    return { command: command.value, rest, hints };
  },
  task(command, rest, has) {
    // A change to stop at (`--to @HEAD^`, or named after the target) limits what is reverted.
    const upTo = has('--to', '--to-change') || rest.some((w) => !w.value.startsWith('db:'));
    switch (command) {
      case 'revert':
        return upTo
          ? task('modify', 'high', 'reverts the changes deployed after a change, undoing their schema')
          : task('delete', 'critical', 'reverts every deployed change, dropping what they created');
      case 'rebase':
        return task('modify', 'high', 'reverts changes and deploys them again');
      case 'checkout':
        return task('modify', 'high', 'reverts the changes not in another branch before deploying it');
    }
    return undefined;
  },
};

const RUNNERS: Readonly<Record<string, Runner>> = {
  goose: GOOSE,
  migrate: MIGRATE,
  dbmate: DBMATE,
  alembic: ALEMBIC,
  sqitch: SQITCH,
  diesel: DIESEL,
  sqlx: SQLX,
  dotnet: EF,
  flask: FLASK,
  'drizzle-kit': DRIZZLE,
};

function analyzeRunner(inv: Invocation): Effect[] {
  const runner = RUNNERS[inv.name];
  if (!runner) return [];
  const parsed = parseOptions(inv.args, runner.options);
  const value = (...names: string[]) => optionValue(parsed, ...names);
  const has = (...names: string[]) => names.some((n) => parsed.options.has(n));
  // sqitch's -h is --db-host, not help.
  const helpFlag = runner.options.withValue?.includes('-h') ? [] : ['-h'];
  if (has(...helpFlag, '--help', '-help')) return [];
  const reading = runner.read(parsed.positionals, inv, value);
  if (!reading) return [];
  const found = runner.looks.has(reading.command)
    ? task('read', 'none', 'only looks, or writes a new migration file')
    : runner.task(reading.command, reading.rest, has);
  // `up` runs the SQL of migration files not read here: as an unrecognised program, unverifiable in production.
  // The database it is given (`migrate -database postgres://…prod… up`) places it as a variable would.
  if (!found)
    return runner.applies.has(reading.command) && !has(...(runner.dry ?? []))
      ? appliedUnseen(inv, `${inv.name} ${reading.command}`, reading.hints)
      : [];
  return [
    {
      operation: found.operation,
      tool: inv.name,
      target: `database (${inv.name} ${reading.command})`,
      reversible: false,
      risk: found.risk,
      reason: `${inv.name} ${reading.command} ${found.what}`,
      category: 'database',
      ...(reading.hints.length ? { hints: reading.hints } : {}),
    },
  ];
}

export const migrationRunnersAnalyzer: Analyzer = {
  family: 'frameworks',
  commands: Object.keys(RUNNERS),
  local: false,
  environmentVariables: ['GOOSE_DBSTRING', 'DATABASE_URL', 'SQITCH_TARGET'],
  // What it does not know (`up`, a project's own ./bin/migrate) stays an unrecognised program.
  partial: true,
  analyze: analyzeRunner,
};
