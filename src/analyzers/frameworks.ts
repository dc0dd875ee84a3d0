import type { Effect, EnvironmentHint, Risk } from '../core/types.js';
import type { Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';

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

/** Frameworks whose environment is development unless a variable says otherwise (Rails, Mix). */
const DEVELOPMENT_BY_DEFAULT = new Set(['rails', 'rake', 'bin/rails', 'mix']);

function effect(inv: Invocation, tool: string, task: Task, name: string): Effect[] {
  if (task.operation === 'read') return [];
  const hints = envHints(inv);
  // Still asked about: which database "development" (or "test") means is in a file the agent can edit.
  if (!hints.length && DEVELOPMENT_BY_DEFAULT.has(inv.name) && !inv.env('DATABASE_URL'))
    hints.push({ source: `${inv.name}'s default environment`, value: 'development' });
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

function rails(inv: Invocation): Effect[] {
  const tasks = words(inv).filter((w) => w.startsWith('db:'));
  return tasks.flatMap((t) => (RAILS[t] ? effect(inv, inv.name, RAILS[t], t) : []));
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
    [/^db:wipe\b/, drop('drops every table'), 'db:wipe'],
    [/^clean\b/, drop('drops every object in the configured schemas'), 'clean'],
    [/^dropAll\b/, drop('drops every database object'), 'dropAll'],
    [/^downgrade base\b/, reset('downgrades to an empty schema'), 'downgrade base'],
    [/^ecto\.(drop|reset)\b/, drop('drops the database'), 'ecto.drop'],
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
    'alembic',
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
      default:
        return generic(inv);
    }
  },
};
