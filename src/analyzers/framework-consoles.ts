import type { Effect } from '../core/types.js';
import { posix } from 'node:path';
import type { Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import type { Lang } from './code-scan.js';
import { sqlEffects, stamp, databaseHints } from './databases/common.js';
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

/** `--execute=CODE`, `--execute CODE`, `-c CODE`: the option's value. */
function optionValue(args: readonly Word[], names: readonly string[]): Word | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (names.includes(w.value)) return args[i + 1];
    const eq = names.find((n) => n.startsWith('--') && w.value.startsWith(`${n}=`));
    if (eq) return { ...w, value: w.value.slice(eq.length + 1) };
  }
  return undefined;
}

const positionals = (args: readonly Word[]) => args.filter((w) => w.dynamic || !w.value.startsWith('-'));

/** rails runner CODE|FILE, rails console (stdin); `-e ENV` and `--environment` take a value. */
function rails(args: readonly Word[]): Console | undefined {
  const words: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    if (['-e', '--environment'].includes(args[i]!.value)) i++;
    else if (!args[i]!.value.startsWith('-')) words.push(args[i]!);
  }
  const [command, code] = words;
  if (command?.value === 'runner' || command?.value === 'r') {
    if (!code) return undefined;
    return !code.dynamic && /\.rb$/.test(code.value) ? { lang: 'ruby', file: code } : { lang: 'ruby', code };
  }
  return command?.value === 'console' || command?.value === 'c' ? { lang: 'ruby', stdin: true } : undefined;
}

/** python manage.py shell [-c CODE]; django-admin shell [-c CODE]. */
function django(args: readonly Word[]): Console | undefined {
  const at = args.findIndex((w) => /(^|\/)manage\.py$/.test(w.value));
  const rest = args.slice(at + 1);
  if (positionals(rest)[0]?.value !== 'shell') return undefined;
  const code = optionValue(rest, ['-c', '--command']);
  return code ? { lang: 'python', code } : { lang: 'python', stdin: true };
}

/** php artisan tinker [--execute=CODE]. */
function artisan(args: readonly Word[]): Console | undefined {
  if (positionals(args)[0]?.value !== 'tinker') return undefined;
  const code = optionValue(args, ['--execute']);
  return code ? { lang: 'php', code } : { lang: 'php', stdin: true };
}

/** What `echo CODE | console` or `printf CODE | console` pipes in, when it is written out. */
function pipedText(inv: Invocation): Word | undefined {
  const from = inv.stdinFrom;
  const program = from?.argv[0];
  if (!from || !program || program.dynamic) return undefined;
  const name = posix.basename(program.value);
  const args = from.argv.slice(1);
  if (name === 'echo' && args.every((w) => !/^-[neE]+$/.test(w.value)))
    return { value: args.map((w) => w.value).join(' '), dynamic: args.some((w) => w.dynamic) };
  return name === 'printf' && args.length === 1 ? args[0] : undefined;
}

function consoleEffects(inv: Invocation, c: Console, sql: SqlParser): Effect[] {
  if (c.file) return codeFileEffects(inv, c.file, c.lang, sql);
  const code = c.code ?? (c.stdin ? (inv.stdinText ?? pipedText(inv)) : undefined);
  if (code) return codeEffects(code.value, c.lang, inv.name, inv, code.dynamic, sql);
  if (!c.stdin || (!inv.stdinFrom && !inv.redirects.some((r) => r.operator === '<'))) return [];
  // A file redirected in, or a pipe from a program: read what can be read, else say so.
  const read = readProgramFile(inv, { value: '-', dynamic: false });
  if (read.kind === 'text') return codeEffects(read.text, c.lang, inv.name, inv, false, sql);
  return read.kind === 'unverifiable' ? [read.effect] : [];
}

/** prisma db execute (--stdin | --file F) [--url URL]: SQL run on the project's database. */
function prismaExecute(inv: Invocation, sql: SqlParser): Effect[] {
  const [group, command] = positionals(inv.args).map((w) => w.value);
  if (group !== 'db' || command !== 'execute') return [];
  const url = optionValue(inv.args, ['--url']);
  const hints = url && !url.dynamic ? databaseHints(url.value) : [];
  const file = optionValue(inv.args, ['--file']);
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
              : inv.name === 'flask' && positionals(args).at(-1)?.value === 'shell'
                ? { lang: 'python' as const, stdin: true }
                : undefined;
      if (!found) return [];
      const hints = appEnvironmentHints(inv);
      return consoleEffects(inv, found, sql).map((e) => ({ ...e, hints: [...hints, ...(e.hints ?? [])] }));
    },
  };
}
