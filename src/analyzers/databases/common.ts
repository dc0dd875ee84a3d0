import type { Effect, EnvironmentHint } from '../../core/types.js';
import { withFields } from '../../core/with-fields.js';
import { commandName } from '../../shell/wrappers.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { resolvePath } from '../paths.js';
import type { SqlParser } from '../sql-parser.js';
import { assessSql, type SqlEffect } from './sql-assess.js';
import type { Dialect } from './sql-text.js';

/**
 * getopt that keeps each value as a Word (so `-c "$SQL"` stays dynamic). `withValue` lists options taking a
 * value; single-dash long options (sqlite's -cmd) are recognised whole when listed.
 */
export function getopt(
  words: readonly Word[],
  withValue: readonly string[],
): { options: Map<string, Word[]>; positionals: Word[] } {
  const takes = new Set(withValue);
  const options = new Map<string, Word[]>();
  const positionals: Word[] = [];
  const add = (name: string, value: Word) => options.set(name, [...(options.get(name) ?? []), value]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const v = w.value;
    if (v === '--' && !w.dynamic) {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (w.dynamic || !v.startsWith('-') || v === '-') {
      positionals.push(w);
      continue;
    }
    const eq = v.indexOf('=');
    const whole = eq >= 0 ? v.slice(0, eq) : v;
    if (v.startsWith('--') || (whole.length > 2 && takes.has(whole))) {
      if (eq >= 0) add(whole, { value: v.slice(eq + 1), dynamic: w.dynamic });
      else if (takes.has(whole) && i + 1 < words.length) add(whole, words[++i]!);
      else add(whole, { value: '', dynamic: false });
      continue;
    }
    for (let j = 1; j < v.length; j++) {
      const flag = `-${v[j]}`;
      if (takes.has(flag)) {
        const rest = v.slice(j + 1);
        if (rest) add(flag, { value: rest, dynamic: w.dynamic });
        else if (i + 1 < words.length) add(flag, words[++i]!);
        break;
      }
      add(flag, { value: '', dynamic: false });
    }
    if (v.length > 2) add(whole, { value: eq >= 0 ? v.slice(eq + 1) : '', dynamic: w.dynamic });
  }
  return { options, positionals };
}

export function values(options: Map<string, Word[]>, ...names: string[]): Word[] {
  return names.flatMap((n) => options.get(n) ?? []);
}

export function first(options: Map<string, Word[]>, ...names: string[]): Word | undefined {
  return values(options, ...names)[0];
}

export function has(options: Map<string, Word[]>, ...names: string[]): boolean {
  return names.some((n) => options.has(n));
}

/** What the client reads on stdin: static text, something not inspected, or nothing (interactive). */
export type StdinSource = { text: string; dynamic: boolean } | { unknown: string } | undefined;

export function stdinSource(inv: Invocation): StdinSource {
  if (inv.stdinText) return { text: inv.stdinText.value, dynamic: inv.stdinText.dynamic };
  const source = inv.stdinFrom;
  if (source) {
    const name = commandName(source.argv[0]);
    const args = source.argv.slice(1);
    if ((name === 'echo' || name === 'printf') && args.length) {
      const shown = args.filter((w, i) => !(name === 'echo' && i === 0 && /^-[neE]+$/.test(w.value)));
      const text = shown.map((w) => w.value).join(' ');
      const expanded =
        name === 'printf' || /^-[nE]*e/.test(args[0]!.value) ? text.replace(/\\n/g, '\n') : text;
      return { text: expanded, dynamic: shown.some((w) => w.dynamic) };
    }
    return { unknown: `the output of \`${source.text}\`` };
  }
  const redirect = inv.redirects.find(
    (r) => r.operator === '<' && (r.descriptor === undefined || r.descriptor === '0'),
  );
  // A file that is not there: the shell cannot open it, and nothing runs.
  if (redirect) return sqlFile(inv, redirect.target) ?? { text: '', dynamic: false };
  return undefined;
}

/**
 * The SQL of a file a client runs (`psql -f m.sql`, `mysql < m.sql`), read at the edge like a script (the
 * same reader, cap and refusals), so that a migration that only adds an index is told from one that drops
 * a table. Undefined when the file is not there (the client reads nothing); unknown when it cannot be read.
 */
export function sqlFile(inv: Invocation, file: Word): StdinSource {
  if (file.dynamic || !inv.facts.readScript) return { unknown: `the file ${file.value}` };
  const read = inv.facts.readScript(resolvePath(file.value, inv.facts.cwd, inv.facts.home));
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'text') return { text: read.text, dynamic: false };
  return { unknown: `the file ${file.value} (${read.kind === 'binary' ? 'not text' : read.reason})` };
}

/** Host and database name in a connection URI (postgres://, mysql://, mongodb+srv://, redis://…). */
export function uriHints(uri: string, what: string): EnvironmentHint[] {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?/i.exec(uri);
  if (!m) return [];
  const hints: EnvironmentHint[] = [];
  const hostPart = m[2] ?? '';
  for (const host of hostPart.split(',')) {
    const name = host.replace(/^\[|\](:\d+)?$/g, '').replace(/:\d+$/, '');
    if (name) hints.push({ source: `${what} host`, value: name });
  }
  const path = decodeURIComponent(m[3] ?? '');
  if (path) hints.push({ source: 'database name', value: path, weak: true });
  const query = new URLSearchParams(m[4] ?? '');
  for (const key of ['host', 'dbname', 'service', 'authSource']) {
    const v = query.get(key);
    // The host and the service (a named connection) say where it lands; database names are weak.
    const weak = key === 'dbname' || key === 'authSource' ? { weak: true as const } : {};
    if (v) hints.push({ source: `${what} ${key}`, value: v, ...weak });
  }
  return hints;
}

/** A libpq keyword/value connection string: "host=db.prod dbname=app user=x". */
function conninfoHints(text: string): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (const m of text.matchAll(/(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/g)) {
    const key = m[1]!.toLowerCase();
    const value = m[2]!.replace(/^'|'$/g, '');
    if (key === 'host' || key === 'hostaddr') hints.push({ source: 'flag host', value });
    else if (key === 'dbname') hints.push(...databaseHints(value));
    else if (key === 'service') hints.push({ source: 'connection service', value });
  }
  return hints;
}

/** A psql/libpq database argument: a name, a URI or a conninfo string. */
export function databaseHints(value: string): EnvironmentHint[] {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return uriHints(value, 'connection URI');
  if (/^\s*\w+\s*=/.test(value)) return conninfoHints(value);
  return value ? [{ source: 'database name', value, weak: true }] : [];
}

export function hostHint(flag: string, host: Word | undefined): EnvironmentHint[] {
  return host && host.value ? [{ source: `flag ${flag}`, value: host.value }] : [];
}

/** Give SQL effects their tool and the connection's hints. */
export function stamp(effects: SqlEffect[], tool: string, hints: EnvironmentHint[]): Effect[] {
  return effects.map((e) => withFields(e, { tool, hints: [...hints, ...(e.hints ?? [])] }));
}

export function unknownSql(tool: string, what: string, target: string, hints: EnvironmentHint[]): Effect {
  return {
    operation: 'modify',
    tool,
    target,
    reversible: false,
    risk: 'medium',
    reason: `${tool} runs ${what} that was not inspected, so what it changes is unknown`,
    hints,
    category: 'database',
  };
}

const SHELL_EXPANSION = /\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * SQL text as the client receives it. Shell expansions in a dynamic word (`-c "… WHERE id = $ID"`) stand
 * for values we do not know: they become a placeholder name, so the statement's shape can still be read.
 */
export function sqlEffects(
  parser: SqlParser,
  word: { value: string; dynamic: boolean },
  dialect: Dialect,
): SqlEffect[] {
  const text = word.dynamic ? word.value.replace(SHELL_EXPANSION, 'interlock_runtime_value') : word.value;
  const effects = assessSql(parser, text, dialect);
  if (word.dynamic)
    for (const e of effects)
      if (e.reason.startsWith('SQL that could not be parsed')) {
        e.reason = `SQL built at run time (${word.value.slice(0, 80)}), so what it changes is unknown`;
        e.target = `SQL: ${word.value.slice(0, 80)}`;
      }
  return effects;
}
