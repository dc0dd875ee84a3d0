import type { Effect, EnvironmentHint, Risk } from '../core/types.js';
import type { Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { serverHints } from './databases/servers.js';

// Application frameworks' database tasks: `rails db:drop`, `manage.py flush`, `prisma migrate reset`…
// They act on whatever database the app is configured for, so the app's environment variables place them.

interface Task {
  operation: Effect['operation'];
  risk: Risk;
  what: string;
}

const drop = (what: string): Task => ({ operation: 'delete', risk: 'critical', what });
const reset = (what: string): Task => ({ operation: 'replace', risk: 'high', what });
const rollback = (what: string): Task => ({ operation: 'modify', risk: 'medium', what });

/** Rails/rake tasks (`db:drop`, `db:reset`…). */
const RAILS: Record<string, Task> = {
  'db:drop': drop('drops the database'),
  'db:drop:all': drop('drops every database'),
  'db:purge': drop('empties the database'),
  'db:reset': reset('drops and recreates the database'),
  'db:schema:load': reset('recreates every table from the schema, dropping the data'),
  'db:structure:load': reset('recreates every table from the structure file, dropping the data'),
  'db:migrate:reset': reset('drops the database and re-runs every migration'),
  'db:setup': reset('creates the database and loads the schema over what is there'),
  'db:rollback': rollback('rolls back migrations'),
  'db:migrate:down': rollback('rolls a migration back'),
  'db:migrate:redo': rollback('rolls back migrations and applies them again'),
  'db:truncate_all': drop('truncates every table'),
};

/** Django manage.py commands. */
const DJANGO: Record<string, Task> = {
  flush: drop('deletes all data from the database'),
  reset_db: drop('drops and recreates the database'),
  sqlflush: { operation: 'read', risk: 'none', what: 'prints SQL' },
};

function words(inv: Invocation): string[] {
  return inv.args.map((w: Word) => w.value);
}

const APP_ENV = [
  'RAILS_ENV',
  'RACK_ENV',
  'NODE_ENV',
  'APP_ENV',
  'DJANGO_SETTINGS_MODULE',
  'MIX_ENV',
  'DATABASE_URL',
  'FLASK_ENV',
  'ENVIRONMENT',
  'STAGE',
];

function envHints(inv: Invocation): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (const name of APP_ENV) {
    const value = inv.env(name);
    if (value) hints.push({ source: `env ${name}`, value });
  }
  const args = inv.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    const m = /^(?:--(?:env|environment|settings|stage|database)|-e)(?:=(.+))?$/.exec(v);
    if (m) {
      const value = m[1] ?? args[i + 1]?.value;
      // --database names a database (weak); --env, --stage, --settings select the app's environment.
      const weak = v.startsWith('--database') ? { weak: true as const } : {};
      if (value) hints.push({ source: `flag ${v.split('=')[0]}`, value, ...weak });
    }
    const assignment = /^(RAILS_ENV|RACK_ENV)=(.+)$/.exec(v);
    if (assignment) hints.push({ source: `arg ${assignment[1]}`, value: assignment[2]! });
  }
  return hints;
}

/** Frameworks whose environment is development unless a variable or option says otherwise. */
const DEVELOPMENT_BY_DEFAULT = new Set([
  'rails',
  'rake',
  'bin/rails',
  'mix',
  'knex',
  'sequelize',
  'sequelize-cli',
]);

/** Where the application's code runs: its environment variables and options, else the framework's default. */
export function appEnvironmentHints(inv: Invocation): EnvironmentHint[] {
  const hints = envHints(inv);
  // Still asked about: which database "development" (or "test") means is in a file the agent can edit.
  if (!hints.length && DEVELOPMENT_BY_DEFAULT.has(inv.name) && !inv.env('DATABASE_URL'))
    hints.push({ source: `${inv.name}'s default environment`, value: 'development' });
  return hints;
}

function effect(inv: Invocation, tool: string, task: Task, name: string): Effect[] {
  if (task.operation === 'read') return [];
  const hints = appEnvironmentHints(inv);
  return [
    {
      operation: task.operation,
      tool,
      target: `database (${name})`,
      reversible: false,
      risk: task.risk,
      reason: `${tool} ${name} ${task.what}`,
      hints,
      category: 'database',
    },
  ];
}

/** Rails' own last words of a task, which are not a database's name (`db:migrate:status`). */
const RAILS_SUBTASKS = new Set(['status', 'up', 'down', 'redo', 'reset', 'all']);

/** A Rails task without the database it is limited to (`db:rollback:primary` is `db:rollback`, of one). */
function railsTask(name: string): string {
  const at = name.lastIndexOf(':');
  const last = name.slice(at + 1);
  return name.split(':').length > 2 && !RAILS_SUBTASKS.has(last) ? name.slice(0, at) : name;
}

function rails(inv: Invocation): Effect[] {
  const tasks = words(inv).filter((w) => w.startsWith('db:'));
  return tasks.flatMap((t) => {
    const task = RAILS[t] ?? RAILS[railsTask(t)];
    return task ? effect(inv, inv.name, task, t) : [];
  });
}

function python(inv: Invocation): Effect[] {
  const args = words(inv);
  const manage = args.findIndex((a) => /(^|\/)manage\.py$/.test(a) || a === 'django-admin');
  const script = manage >= 0 ? manage : inv.name === 'django-admin' ? -1 : undefined;
  if (script === undefined) return [];
  const command = args.slice(script + 1).find((a) => !a.startsWith('-'));
  // `migrate … --plan` prints the operations it would run, and runs none.
  if (command === 'migrate' && args.includes('--plan')) return [];
  // `manage.py sqlflush | manage.py dbshell`: the shell runs the SQL it is fed (sqlflush's empties every table).
  if (command === 'dbshell' && inv.stdinFrom) {
    const fed = inv.stdinFrom.argv.map((w) => w.value);
    const flush = fed.includes('sqlflush');
    return effect(
      inv,
      'django',
      flush
        ? drop("runs sqlflush's SQL: every table emptied")
        : reset('runs SQL read from its input, not seen here'),
      flush ? 'dbshell < sqlflush' : 'dbshell',
    );
  }
  const task = command ? DJANGO[command] : undefined;
  if (task) return effect(inv, 'django', task, command!);
  if (command === 'migrate' && /^(zero)$/.test(args[args.indexOf('migrate') + 2] ?? '')) {
    return effect(
      inv,
      'django',
      rollback('unapplies every migration of an app, dropping its tables'),
      'migrate zero',
    );
  }
  return [];
}

function prisma(inv: Invocation): Effect[] {
  const args = words(inv);
  const text = args.join(' ');
  if (/^migrate reset\b/.test(text))
    return effect(inv, 'prisma', drop('drops the database and re-applies migrations'), 'migrate reset');
  if (/^db push\b/.test(text) && args.some((a) => a === '--force-reset' || a === '--accept-data-loss')) {
    return effect(inv, 'prisma', reset('pushes the schema, accepting data loss'), 'db push');
  }
  return [];
}

/**
 * Flyway and Liquibase run their commands after their options (`flyway -url=jdbc:postgresql://prod-db-1/acme
 * -cleanDisabled=false clean`), so the command is the first word that names one, not the first word.
 * `-cleanDisabled=false` only lets `clean` run: it is no safer. The `*-sql` forms only print SQL.
 */
const MIGRATION_TOOLS: Record<string, Record<string, Task>> = {
  flyway: {
    clean: drop('drops every object in the configured schemas'),
    undo: rollback('undoes the latest versioned migration'),
  },
  liquibase: {
    dropAll: drop('drops every database object'),
    'drop-all': drop('drops every database object'),
    rollback: {
      operation: 'modify',
      risk: 'high',
      what: 'rolls the database back to a tag, undoing every change since',
    },
    'rollback-count': { operation: 'modify', risk: 'high', what: 'rolls back the latest changesets' },
    rollbackCount: { operation: 'modify', risk: 'high', what: 'rolls back the latest changesets' },
    'rollback-to-date': {
      operation: 'modify',
      risk: 'high',
      what: 'rolls back every changeset since a date',
    },
    rollbackToDate: { operation: 'modify', risk: 'high', what: 'rolls back every changeset since a date' },
    'rollback-one-changeset': { operation: 'modify', risk: 'high', what: 'rolls back a changeset' },
    'rollback-one-update': { operation: 'modify', risk: 'high', what: 'rolls back an update' },
  },
};

/** Liquibase options written apart from their value (`--url jdbc:…`); Flyway's are always `-key=value`. */
const MIGRATION_VALUES = new Set([
  '--url',
  '--username',
  '--password',
  '--changelog-file',
  '--changeLogFile',
  '--defaults-file',
  '--defaultsFile',
  '--classpath',
  '--driver',
  '--count',
  '--tag',
  '--date',
  '--contexts',
  '--labels',
  '--label-filter',
  '--log-level',
  '--search-path',
  '--default-schema-name',
  '--schemas',
]);

/** Where a migration tool connects: its JDBC URL (option or variable) and the environment or config it names. */
function migrationHints(inv: Invocation): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  const args = inv.args.map((w) => w.value);
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([A-Za-z.-]+)(?:=(.*))?$/.exec(args[i]!);
    if (!m) continue;
    const value = m[2] ?? (MIGRATION_VALUES.has(args[i]!) ? args[i + 1] : undefined);
    if (value === undefined) continue;
    const key = m[1]!.toLowerCase();
    if (key === 'url') url = value;
    else if (key === 'environment') hints.push({ source: `flag ${args[i]!.split('=')[0]}`, value });
    else if (/^(configfiles|defaults-file|defaultsfile)$/.test(key))
      hints.push({ source: `flag ${args[i]!.split('=')[0]}`, value, weak: true });
  }
  const variables = inv.name === 'flyway' ? ['FLYWAY_URL'] : ['LIQUIBASE_COMMAND_URL', 'LIQUIBASE_URL'];
  const variable = variables.find((v) => inv.env(v));
  const where = url
    ? serverHints('flag --url', url)
    : variable
      ? serverHints(`env ${variable}`, inv.env(variable))
      : [];
  return [...where, ...hints, ...envHints(inv)];
}

function migrationTool(inv: Invocation): Effect[] {
  const tasks = MIGRATION_TOOLS[inv.name]!;
  const found = inv.args.find((w) => !w.dynamic && !w.value.startsWith('-') && Object.hasOwn(tasks, w.value));
  if (!found) return [];
  return effect(inv, inv.name, tasks[found.value]!, found.value).map((e) => ({
    ...e,
    hints: migrationHints(inv),
  }));
}

function generic(inv: Invocation): Effect[] {
  const all = words(inv);
  // `php artisan migrate:fresh`: the task follows the artisan script.
  const artisan = all.findIndex((a) => /(^|\/)artisan$/.test(a));
  if (inv.name === 'php' && artisan < 0) return [];
  const text = (artisan >= 0 ? all.slice(artisan + 1) : all).join(' ');
  const table: [RegExp, Task, string][] = [
    [/^(db:drop|db:drop:all)\b/, drop('drops the database'), 'db:drop'],
    [/^(db:migrate:undo:all)\b/, reset('undoes every migration'), 'db:migrate:undo:all'],
    [/^schema:drop\b/, drop('drops every table'), 'schema:drop'],
    [/^migrate:rollback\b.*--all/, reset('rolls back every migration'), 'migrate:rollback --all'],
    [/^migrate:(fresh|reset)\b/, reset('drops every table and re-runs migrations'), 'migrate:fresh'],
    [/^migrate:refresh\b/, reset('rolls back every migration and re-runs them'), 'migrate:refresh'],
    [/^db:wipe\b/, drop('drops every table'), 'db:wipe'],
    [/^clean\b/, drop('drops every object in the configured schemas'), 'clean'],
    [/^dropAll\b/, drop('drops every database object'), 'dropAll'],
    [/^ecto\.(drop|reset)\b/, drop('drops the database'), 'ecto.drop'],
    // Undoing the latest migrations, as `rails db:rollback` does (`--all` above for knex).
    [/^ecto\.rollback\b.*--all/, reset('rolls back every migration'), 'ecto.rollback --all'],
    ...['ecto.rollback', 'migrate:rollback', 'migrate:down', 'db:migrate:undo', 'migration:revert'].map(
      (name): [RegExp, Task, string] => [
        new RegExp(`^${name.replace('.', '\\.')}\\b`),
        rollback('rolls back migrations'),
        name,
      ],
    ),
  ];
  for (const [pattern, task, name] of table) if (pattern.test(text)) return effect(inv, inv.name, task, name);
  return [];
}

export const frameworksAnalyzer: Analyzer = {
  family: 'frameworks',
  commands: [
    'rails',
    'rake',
    'bin/rails',
    'python',
    'python3',
    'django-admin',
    'prisma',
    'sequelize',
    'sequelize-cli',
    'typeorm',
    'knex',
    'artisan',
    'php',
    'flyway',
    'liquibase',
    'mix',
  ],
  local: false,
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'rails':
      case 'rake':
        return rails(inv);
      case 'python':
      case 'python3':
      case 'django-admin':
        return python(inv);
      case 'prisma':
        return prisma(inv);
      case 'flyway':
      case 'liquibase':
        return migrationTool(inv);
      default:
        return generic(inv);
    }
  },
};
