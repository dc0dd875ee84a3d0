import type { Effect, Risk } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { hasTrueOption, literalString, literalStrings, type Call } from '../code-calls.js';
import { tokenize, type Lang, type Token } from '../code-scan.js';
import { FINDERS, last, type Found } from './apis.js';
import { guardedWrite } from '../guarded-writes.js';
import { powerWriteAt } from '../power-writes.js';
import { classifyPath, resolvePath, writeGrantsPower, type PathClass } from '../paths.js';
import type { SqlParser } from '../sql-parser.js';
import { passedDeleterEffects } from './passed-deleters.js';
import { reverseShellEffects } from './reverse-shell.js';
import { forkLoopEffects } from './fork-loops.js';
import { sdkEffects } from './sdk-calls.js';
import { sqlCallEffects } from './sql-calls.js';
import { ormCallEffects } from './orm-calls.js';
import { codeExfiltrationEffects } from './code-exfiltration.js';
import { evaluatedCode } from './evaluated-code.js';
import { resolvePythonNames } from './python-names.js';
import { shellText } from './run-words.js';

// What code given to an interpreter does to files and processes, found by scanning for the names of the
// standard library calls that delete, truncate or overwrite files, or run shell commands. The scanner
// (code-scan.ts) only tells code from string literals and comments; there is no parser for these languages.

const HARMLESS_SINKS = /^\/dev\/(null|stdout|stderr|tty|fd\/\d+)$/;

function argText(arg: readonly Token[] | undefined): string {
  if (!arg || arg.length === 0) return '<no argument>';
  const text = arg.map((t) => (t.kind === 'string' ? JSON.stringify(t.text) : t.text)).join('');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function callName(call: Call): string {
  return [...call.receiver, call.name].join('.');
}

/** Literal path(s) of a call, or undefined with the source text when they are computed at run time. */
function paths(found: Found): { literal?: string[]; text: string } {
  const { call } = found;
  if (found.pathFrom === 'receiver') {
    const arg = call.receiverCall?.args[0];
    const literal = literalString(arg);
    return literal !== undefined ? { literal: [literal], text: literal } : { text: argText(arg) };
  }
  if (found.pathFrom === 'all') {
    const values: string[] = [];
    for (const arg of call.args) {
      const literal = literalStrings(arg);
      if (!literal) return { text: argText(arg) };
      values.push(...literal);
    }
    return values.length ? { literal: values, text: values.join(' ') } : { text: argText(undefined) };
  }
  const literal = literalStrings(call.args[0]);
  return literal ? { literal, text: literal.join(' ') } : { text: argText(call.args[0]) };
}

function place(inv: Invocation, path: string, recursive: boolean): { path: string; cls: PathClass } {
  if (inv.remote && !path.startsWith('/'))
    return { path, cls: { risk: recursive ? 'high' : 'medium', why: 'a path on another machine' } };
  const resolved = inv.remote ? path : resolvePath(path, inv.facts.cwd, inv.facts.home);
  return {
    path: resolved,
    cls: classifyPath(resolved, { cwd: inv.facts.cwd, home: inv.facts.home, recursive, remote: inv.remote }),
  };
}

/**
 * How `open(path, mode)` writes: the mode argument (Python, Ruby, PHP) or the Perl `>` forms. Appending
 * (`'a'`, `>>`) destroys nothing but adds to what the file holds: a line in sudoers or ~/.bashrc.
 */
function openWrites(found: Found, lang: Lang): { writes: boolean; appends?: boolean; pathArg?: Token[] } {
  const { call } = found;
  if (lang === 'perl') {
    // open(FH, '>path') or open(my $fh, '>', $path); '>>' appends, '+<' reads and writes, '<' reads.
    const mode = literalString(call.args[1]);
    if (mode === undefined) return { writes: false };
    if (call.args.length >= 3) {
      const m = mode.trim();
      return { writes: /^(\+?>>?|\+<)$/.test(m), appends: m.endsWith('>>'), pathArg: call.args[2] };
    }
    const m = /^\s*(\+?>>?|\+<)\s*(.+)$/.exec(mode);
    // `>&STDOUT`, `>&=3`: a copy of a handle already open, not a file.
    return m && !m[2]!.startsWith('&')
      ? {
          writes: true,
          appends: m[1]!.endsWith('>>'),
          pathArg: [{ ...call.args[1]![0]!, text: m[2]!.trim() }],
        }
      : { writes: false };
  }
  const modeIndex = found.pathFrom === 'receiver' ? 0 : 1;
  const keyword = call.args.find((a) => a[0]?.text === 'mode' && a[1]?.text === '=');
  const mode = keyword ? literalString(keyword.slice(2)) : literalString(call.args[modeIndex]);
  // 'w' truncates, 'a' appends, 'x' creates, '+' ('r+') writes in place.
  return {
    writes: mode !== undefined && /[wax+]/.test(mode),
    appends: mode !== undefined && /a/.test(mode),
    pathArg: call.args[0],
  };
}

const TRUNCATE_RISK = (path: string, cls: PathClass): Risk =>
  /\.log$/i.test(path) && cls.risk !== 'critical'
    ? 'low'
    : cls.risk === 'low' || cls.risk === 'none'
      ? 'medium'
      : cls.risk;

const WRITE_RISK = (cls: PathClass): Risk =>
  cls.risk === 'critical' || cls.risk === 'high' ? 'high' : cls.risk === 'medium' ? 'medium' : 'low';

/** A shell command the code runs: analyzed as shell when its text is known, unverifiable when it is not. */
export function shellEffect(tool: string, via: string, text: string | undefined): Effect {
  return {
    operation: 'execute-unverifiable',
    tool,
    target: text ?? '<a command built at run time>',
    reversible: false,
    risk: 'high',
    reason:
      text !== undefined
        ? `${tool}: ${via} runs the shell command \`${text.length > 120 ? `${text.slice(0, 120)}…` : text}\`, which is analyzed as shell`
        : `${tool}: ${via} runs a command built at run time`,
    ...(text !== undefined ? { runs: text } : {}),
  };
}

function fileEffects(found: Found, lang: Lang, tool: string, inv: Invocation): Effect[] {
  const { kind, call } = found;
  const api = callName(call);
  if (kind === 'shell') return [shellEffect(tool, api, shellText(found, lang))];
  let pathInfo = paths(found);
  let operation: Effect['operation'] = kind === 'delete' || kind === 'delete-tree' ? 'delete' : 'modify';
  let appends = kind === 'append';
  if (kind === 'open') {
    const { writes, appends: appending, pathArg } = openWrites(found, lang);
    if (!writes) return [];
    appends = appending === true;
    pathInfo =
      found.pathFrom === 'receiver'
        ? paths(found)
        : (() => {
            const literal = literalString(pathArg);
            return literal !== undefined ? { literal: [literal], text: literal } : { text: argText(pathArg) };
          })();
    operation = 'modify';
  }
  const recursive =
    kind === 'delete-tree' ||
    (kind === 'delete' &&
      (hasTrueOption(call.args, 'recursive') ||
        (lang === 'js' && /^remove/.test(call.name) && last(call.receiver) !== 'Deno')));
  const verb =
    kind === 'delete' || kind === 'delete-tree'
      ? recursive
        ? 'recursively deletes'
        : 'deletes'
      : kind === 'truncate'
        ? 'truncates'
        : appends
          ? 'appends to'
          : 'overwrites';
  if (!pathInfo.literal) {
    const risk: Risk = recursive ? 'high' : 'medium';
    return [
      {
        operation,
        tool,
        target: pathInfo.text,
        reversible: false,
        risk,
        reason: `${tool}: ${api} ${verb} a path computed at run time (${pathInfo.text})`,
        category: 'file',
      },
    ];
  }
  return pathInfo.literal.flatMap((literal): Effect[] => {
    const { path, cls } = place(inv, literal, recursive);
    if (operation === 'modify' && HARMLESS_SINKS.test(path)) return [];
    if (kind === 'write' || kind === 'open' || appends) {
      // The files a redirect is judged by (the agent's hooks, Interlock's own, scripts that run later)
      // are judged alike whichever program writes them.
      const guarded = inv.remote ? undefined : guardedWrite(path, inv.facts, tool, verb);
      if (guarded) return [{ ...guarded, reason: `${tool}: ${api} ${guarded.reason}` }];
      // An append destroys nothing: harmless, unless new lines there grant power (sudoers, cron).
      if (appends) return powerWriteAt(inv, path, `${api} appends to`);
    }
    let risk: Risk = cls.risk;
    let op: Effect['operation'] = operation;
    let creates = false;
    if (kind === 'truncate') risk = TRUNCATE_RISK(path, cls);
    else if (kind === 'write' || kind === 'open') {
      creates = !(inv.remote || !inv.facts.pathExists || inv.facts.pathExists(path));
      const grants = creates
        ? writeGrantsPower(path, { cwd: inv.facts.cwd, home: inv.facts.home, remote: inv.remote })
        : undefined;
      // A new cron job or authorized key changes what the system runs, like rewriting the file would.
      if (grants) risk = grants.risk;
      else if (creates) {
        op = 'create';
        risk = 'none';
      } else risk = WRITE_RISK(cls);
    }
    return [
      {
        operation: op,
        tool,
        target: path,
        reversible: false,
        risk,
        reason: `${tool}: ${api} ${creates ? 'creates' : verb} ${path}: ${cls.why}`,
        category: 'file',
      },
    ];
  });
}

/** How deep code run by `exec`/`eval` is read (evaluated-code.ts). */
const MAX_EVALUATED_DEPTH = 4;

/** Code run by exec/eval that is not read: built at run time, or nested too deep. */
function evaluatedEffect(tool: string, via: string, code: string | undefined): Effect {
  return {
    operation: 'execute-unverifiable',
    tool,
    target: code === undefined ? '<code built at run time>' : code.slice(0, 120),
    reversible: false,
    risk: 'high',
    reason:
      code === undefined
        ? `${tool}: ${via} runs code built at run time, which cannot be read before it runs`
        : `${tool}: ${via} runs code nested too deep to be read`,
  };
}

/** An effect and the offset in the code of the call that has it (for `file.py:12`). */
export interface LocatedEffect {
  effect: Effect;
  at: number;
}

/**
 * Effects of `code` run by an interpreter: files, shell commands, cloud and Kubernetes SDK deletions, and
 * SQL through database drivers (with `sql`). `codeDynamic`: the code contains shell expansions.
 */
export function locatedCodeEffects(
  code: string,
  lang: Lang,
  tool: string,
  inv: Invocation,
  codeDynamic = false,
  sql?: SqlParser,
  depth = 0,
): LocatedEffect[] {
  const scanned = tokenize(code, lang);
  const resolved = lang === 'python' ? resolvePythonNames(scanned) : { tokens: scanned, tooDeep: false };
  const { tokens } = resolved;
  if (codeDynamic) {
    // A shell expansion inside a string literal only makes that literal unknown; outside literals the code
    // itself is unknown.
    const inCode = tokens.some((t) => t.kind !== 'string' && t.kind !== 'shell' && /\$/.test(t.text));
    if (inCode) return [{ effect: shellEffect(tool, 'code built at run time', undefined), at: 0 }];
    for (const t of tokens) if (t.text.includes('$')) t.dynamic = true;
  }
  const located: LocatedEffect[] = [];
  const at = (index: number) => tokens[index]?.start ?? 0;
  if (resolved.tooDeep)
    located.push({ effect: evaluatedEffect(tool, 'getattr nested too deep', undefined), at: 0 });
  for (const t of tokens)
    if (t.kind === 'shell')
      located.push({
        effect: shellEffect(tool, 'a command substitution', t.dynamic ? undefined : t.text),
        at: t.start,
      });
  for (const run of evaluatedCode(tokens, lang)) {
    // Code in code in code…: past a few levels, what runs is not read any further.
    const inner =
      run.code !== undefined && depth < MAX_EVALUATED_DEPTH
        ? locatedCodeEffects(run.code, lang, tool, inv, false, sql, depth + 1).map((l) => l.effect)
        : [evaluatedEffect(tool, run.via, run.code)];
    for (const effect of inner) located.push({ effect, at: at(run.index) });
  }
  for (const effect of reverseShellEffects(tokens, tool)) located.push({ effect, at: 0 });
  for (const effect of forkLoopEffects(tokens, tool)) located.push({ effect, at: 0 });
  for (const effect of passedDeleterEffects(tokens, lang, tool)) located.push({ effect, at: 0 });
  for (const found of FINDERS[lang](tokens))
    for (const effect of fileEffects(found, lang, tool, inv))
      located.push({ effect, at: at(found.call.index) });
  for (const { effect, index } of [
    ...sdkEffects(tokens, lang, tool, inv),
    ...sqlCallEffects(tokens, lang, tool, inv, sql),
    ...ormCallEffects(tokens, lang, tool, inv),
    ...codeExfiltrationEffects(tokens, lang, tool, inv),
  ])
    located.push({ effect, at: at(index) });
  return located.sort((a, b) => a.at - b.at);
}

/** Effects of `code` run by an interpreter (see locatedCodeEffects). */
export function codeEffects(
  code: string,
  lang: Lang,
  tool: string,
  inv: Invocation,
  codeDynamic = false,
  sql?: SqlParser,
): Effect[] {
  return locatedCodeEffects(code, lang, tool, inv, codeDynamic, sql).map((l) => l.effect);
}
