import type { EnvironmentHint } from '../core/types.js';
import { optionValue, parseOptions } from '../shell/options.js';
import type { Invocation } from './analyzer.js';
import { nameHints, serverHints } from './databases/servers.js';

// A framework's forward migrations (`rails db:migrate`, `mix ecto.migrate`, `prisma migrate deploy`,
// `flyway migrate`) run the SQL or code of migration files not read here, as `alembic upgrade head` does.
// Developers run them all day; where the app's environment is production they are unverifiable there. This
// finds the command and the options that say where it lands; frameworks.ts adds the app's environment.

interface Forward {
  /** Commands that apply migrations, each its words in order (`migrate deploy`). */
  applies: readonly string[];
  /** Options that only print or plan what would run, or only write a new file (`--pretend`, `--plan`). */
  dry?: readonly string[];
  /** Options giving the database's URL. */
  urls?: readonly string[];
  /** Options naming a config file, data source or repo: names only, they may raise but never lower. */
  names?: readonly string[];
}

const RAILS: Forward = { applies: ['db:migrate', 'db:migrate:up', 'db:prepare'] };

/** Rails' own last words of a task, which are not a database's name (`db:migrate:status`). */
const RAILS_SUBTASKS = new Set(['status', 'up', 'down', 'redo', 'reset', 'all']);

/** A Rails task without the database it is limited to (`db:migrate:primary` is `db:migrate`, of one). */
export function railsTask(name: string): string {
  const at = name.lastIndexOf(':');
  const last = name.slice(at + 1);
  return name.split(':').length > 2 && !RAILS_SUBTASKS.has(last) ? name.slice(0, at) : name;
}

const FORWARD: Readonly<Record<string, Forward>> = {
  rails: RAILS,
  rake: RAILS,
  mix: { applies: ['ecto.migrate'], names: ['-r', '--repo'] },
  // `--pretend` prints the SQL; Laravel's `--database` (a connection name) is read with the app's environment.
  artisan: { applies: ['migrate'], dry: ['--pretend'] },
  // `--plan` lists the operations, `--check` only fails when some are unapplied.
  django: { applies: ['migrate'], dry: ['--plan', '--check'] },
  knex: { applies: ['migrate:latest', 'migrate:up'], names: ['--knexfile'] },
  sequelize: { applies: ['db:migrate'], urls: ['--url'], names: ['--config'] },
  typeorm: { applies: ['migration:run'], names: ['-d', '--dataSource'] },
  // `migrate dev` applies pending migrations before it writes a new one (none with `--create-only`).
  prisma: {
    applies: ['migrate deploy', 'migrate dev', 'db push'],
    dry: ['--create-only'],
    names: ['--schema'],
  },
  // Flyway's dry run (`-dryRunOutput=FILE`, Teams) writes the SQL to a file instead of running it.
  flyway: { applies: ['migrate'], dry: ['-dryRunOutput'] },
  // The `*-sql` forms (`update-sql`, `updateSQL`) only print it.
  liquibase: {
    applies: [
      'update',
      'update-count',
      'updateCount',
      'update-to-tag',
      'updateToTag',
      'update-one-changeset',
      'update-testing-rollback',
      'updateTestingRollback',
    ],
  },
};

/** The framework and the words of its command: after the script for `php artisan …` and `manage.py …`. */
function frameworkWords(inv: Invocation): { framework: string; at: number } | undefined {
  const script = (pattern: RegExp, framework: string) => {
    const i = inv.args.findIndex((w) => pattern.test(w.value));
    return i < 0 ? undefined : { framework, at: i + 1 };
  };
  switch (inv.name) {
    case 'php':
      return script(/(^|\/)artisan$/, 'artisan');
    case 'python':
    case 'python3':
      return script(/(^|\/)manage\.py$|^django-admin$/, 'django');
    case 'django-admin':
      return { framework: 'django', at: 0 };
    case 'sequelize-cli':
      return { framework: 'sequelize', at: 0 };
    default:
      return Object.hasOwn(FORWARD, inv.name) ? { framework: inv.name, at: 0 } : undefined;
  }
}

/** The forward migration this command runs and the hints its own options give; undefined when none. */
export function forwardMigration(inv: Invocation): { command: string; hints: EnvironmentHint[] } | undefined {
  const found = frameworkWords(inv);
  if (!found) return undefined;
  const forward = FORWARD[found.framework]!;
  const args = inv.args.slice(found.at);
  const given = (option: string) => args.some((w) => w.value === option || w.value.startsWith(`${option}=`));
  if (forward.dry?.some(given)) return undefined;
  const parsed = parseOptions(args, { withValue: [...(forward.urls ?? []), ...(forward.names ?? [])] });
  // Tasks may follow options or each other (`rails db:create db:migrate`): each command's words, in order.
  const rails = forward === RAILS;
  const words = parsed.positionals.map((w) => (w.dynamic ? '' : rails ? railsTask(w.value) : w.value));
  const command = forward.applies.find((c) => {
    const parts = c.split(' ');
    return words.some((_, i) => parts.every((p, j) => words[i + j] === p));
  });
  if (!command) return undefined;
  const hints = [
    ...(forward.urls ?? []).flatMap((o) => serverHints(`flag ${o}`, optionValue(parsed, o))),
    ...(forward.names ?? []).flatMap((o) => nameHints(`flag ${o}`, optionValue(parsed, o))),
  ];
  return { command: `${found.framework} ${command}`, hints };
}
