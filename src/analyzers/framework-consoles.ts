import type { Effect } from '../core/types.js';
import type { Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import type { Lang } from './code-scan.js';
import { databaseHints, first, getopt, sqlEffects, stamp } from './databases/common.js';
import { appEnvironmentHints } from './frameworks.js';
import { codeEffects } from './interpreters/calls.js';
import { codeFileEffects } from './interpreters/code-file.js';
import { readProgramFile } from './program-files.js';
import type { SqlParser } from './sql-parser.js';

// Code run inside an application, with its models and its database connection: `rails runner
// 'User.delete_all'`, `rails console` fed a here-document, `manage.py shell -c …`, `artisan tinker
// --execute=…`, `flask shell` on stdin; and SQL run by `prisma db execute`. Each was allowed unread. The code
// is read like an interpreter's (files, shell commands, SQL through drivers, ORM deletions) and placed by the
// application's environment (RAILS_ENV, DJANGO_SETTINGS_MODULE, --env…), as the framework's own tasks are.

interface Console {
  lang: Lang;
  /** Code on the command line. */
  code?: Word;
  /** A program file (`rails runner script/cleanup.rb`). */
  file?: Word;
  /** Reads its code from stdin. */
  stdin?: boolean;
}

/** rails runner CODE|FILE, rails console (stdin); `-e ENV` and `--environment` take a value. */
function rails(args: readonly Word[]): Console | undefined {
  const [command, code] = getopt(args, ['-e', '--environment']).positionals;
  if (command?.value === 'runner' || command?.value === 'r') {
    if (!code) return undefined;
    return !code.dynamic && /\.rb$/.test(code.value) ? { lang: 'ruby', file: code } : { lang: 'ruby', code };
  }
  return command?.value === 'console' || command?.value === 'c' ? { lang: 'ruby', stdin: true } : undefined;
}

const DJANGO_VALUE = [
  '-c',
  '--command',
  '--settings',
  '--pythonpath',
  '-i',
  '--interface',
  '-v',
  '--verbosity',
];

/** python manage.py shell [-c CODE]; django-admin shell [-c CODE]. */
function django(args: readonly Word[]): Console | undefined {
  const at = args.findIndex((w) => /(^|\/)manage\.py$/.test(w.value));
  const { options, positionals } = getopt(args.slice(at + 1), DJANGO_VALUE);
  if (positionals[0]?.value !== 'shell') return undefined;
  const code = first(options, '-c', '--command');
  return code ? { lang: 'python', code } : { lang: 'python', stdin: true };
}

/** php artisan tinker [--execute=CODE]. */
function artisan(args: readonly Word[]): Console | undefined {
  const { options, positionals } = getopt(args, ['--execute', '--env']);
  if (positionals[0]?.value !== 'tinker') return undefined;
  const code = first(options, '--execute');
  return code ? { lang: 'php', code } : { lang: 'php', stdin: true };
}

function consoleEffects(inv: Invocation, c: Console, sql: SqlParser): Effect[] {
  if (c.file) return codeFileEffects(inv, c.file, c.lang, sql);
  // `echo CODE | rails c` arrives as stdinText too (shell/passed-text.ts).
  const code = c.code ?? (c.stdin ? inv.stdinText : undefined);
  if (code) return codeEffects(code.value, c.lang, inv.name, inv, code.dynamic, sql);
  if (!c.stdin || (!inv.stdinFrom && !inv.redirects.some((r) => r.operator === '<'))) return [];
  // A file redirected in, or a pipe from a program: read what can be read, else say so.
  const read = readProgramFile(inv, { value: '-', dynamic: false });
  if (read.kind === 'text') return codeEffects(read.text, c.lang, inv.name, inv, false, sql);
  return read.kind === 'unverifiable' ? [read.effect] : [];
}

/** prisma db execute (--stdin | --file F) [--url URL]: SQL run on the project's database. */
function prismaExecute(inv: Invocation, sql: SqlParser): Effect[] {
  const { options, positionals } = getopt(inv.args, ['--url', '--file', '--schema']);
  const [group, command] = positionals.map((w) => w.value);
  if (group !== 'db' || command !== 'execute') return [];
  const url = first(options, '--url');
  const hints = url && !url.dynamic ? databaseHints(url.value) : [];
  const file = first(options, '--file');
  const source = inv.args.some((w) => w.value === '--stdin') ? { value: '-', dynamic: false } : file;
  if (!source) return [];
  const read = readProgramFile(inv, source);
  if (read.kind === 'unverifiable') return [read.effect];
  if (read.kind === 'none') return [];
  const dialect = url && /^mysql:/i.test(url.value) ? 'mysql' : 'postgres';
  return stamp(sqlEffects(sql, { value: read.text, dynamic: false }, dialect), 'prisma', hints);
}

export function frameworkConsolesAnalyzer(sql: SqlParser): Analyzer {
  return {
    family: 'framework-consoles',
    commands: [
      'rails',
      'bin/rails',
      'python',
      'python3',
      'django-admin',
      'php',
      'artisan',
      'flask',
      'prisma',
    ],
    // Knows a few of these programs' commands: the rest stay unrecognised (unverifiable in production).
    partial: true,
    local: false,
    environmentVariables: [],
    analyze(inv) {
      if (inv.name === 'prisma') return prismaExecute(inv, sql);
      const args =
        inv.name === 'php' && /(^|\/)artisan$/.test(inv.args[0]?.value ?? '') ? inv.args.slice(1) : inv.args;
      const found =
        inv.name === 'rails' || inv.name === 'bin/rails'
          ? rails(args)
          : inv.name === 'django-admin' || args.some((w) => /(^|\/)manage\.py$/.test(w.value))
            ? django(args)
            : inv.name === 'artisan' || args !== inv.args
              ? artisan(args)
              : inv.name === 'flask' &&
                  getopt(args, ['--app', '-A', '-e', '--env-file']).positionals.at(-1)?.value === 'shell'
                ? { lang: 'python' as const, stdin: true }
                : undefined;
      if (!found) return [];
      const hints = appEnvironmentHints(inv);
      return consoleEffects(inv, found, sql).map((e) => ({ ...e, hints: [...hints, ...(e.hints ?? [])] }));
    },
  };
}
