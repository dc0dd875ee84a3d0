import { findCalls, literalString, type Call } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';
import type { Found } from './apis.js';
import type { EvaluatedCode } from './evaluated-code.js';
import { lispCalls } from './lisp-calls.js';

// The calls that delete files, write them, run commands or run code, in the languages read beyond the
// first seven (see code-scan.ts's Lang): one table per language, found by name and receiver, and judged
// by calls.ts as the same calls are in Python or Ruby.

type Kind = Found['kind'];

interface Api {
  /** The call's name: `rm_rf!`, `deleteRecursively`, `clojure.java.shell/sh`. */
  name: string;
  /** What it does; `eval` runs its first argument as code of the same language. */
  kind: Kind | 'eval';
  /** The last name of the receiver it must have (`File` of File.rm_rf, `File()` of File("x").delete()); '' for none. */
  on?: readonly string[];
  pathFrom?: Found['pathFrom'];
  /** The arguments that say what it does (`(call-process "rm" nil t nil "-rf" d)`: the program and its words); undefined: not this API. */
  args?: (args: Token[][]) => Token[][] | undefined;
  /** The kind its arguments make it (`(delete-directory d t)` deletes a tree). */
  kindOf?: (args: Token[][]) => Kind;
}

const api = (name: string, kind: Api['kind'], more: Omit<Api, 'name' | 'kind'> = {}): Api => ({
  name,
  kind,
  ...more,
});
const each = (names: string, kind: Api['kind'], more: Omit<Api, 'name' | 'kind'> = {}): Api[] =>
  names.split(' ').map((name) => api(name, kind, more));

const first = (n: number) => (args: Token[][]) => args.slice(0, n);
const isNil = (arg: readonly Token[] | undefined) => !arg || (arg.length === 1 && arg[0]!.text === 'nil');
/** Only when the path is written in the call: `write(stdout, …)` writes no file. */
const literalPath = (args: Token[][]) => (literalString(args[0]) !== undefined ? args : undefined);

const FILE = ['File()'];

const CSTYLE: readonly Api[] = [
  // Groovy, Kotlin, Java: new File("/x").deleteDir(), File("/x").deleteRecursively(), File("/x").delete().
  ...each('deleteDir deleteRecursively', 'delete-tree', { on: FILE, pathFrom: 'receiver' }),
  api('delete', 'delete', { on: FILE, pathFrom: 'receiver' }),
  ...each('delete deleteIfExists', 'delete', { on: ['Files'] }),
  ...each('deleteDirectory deleteQuietly forceDelete', 'delete-tree', { on: ['FileUtils'] }),
  // Swift: FileManager.default.removeItem(atPath: "/x"), which removes directories with what they hold.
  api('removeItem', 'delete-tree'),
  // Scala's os-lib: os.remove.all(os.Path("/x")), os.remove(…), os.write.over(…), os.proc("rm", "-rf", d).call().
  api('all', 'delete-tree', { on: ['remove'] }),
  api('remove', 'delete', { on: ['os'] }),
  ...each('writeText writeBytes write', 'write', { on: FILE, pathFrom: 'receiver' }),
  ...each('appendText append', 'append', { on: FILE, pathFrom: 'receiver' }),
  ...each('write writeString', 'write', { on: ['Files'] }),
  api('over', 'write', { on: ['write'] }),
  api('exec', 'shell', { on: ['getRuntime()', 'Runtime'] }),
  api('ProcessBuilder', 'shell', { on: [''] }),
  api('Process', 'shell', { on: [''] }),
  api('proc', 'shell', { on: ['os'] }),
  // Swift: Process.launchedProcess(launchPath: "/bin/rm", arguments: ["-rf", "/x"]).
  api('launchedProcess', 'shell', { on: ['Process'] }),
  // Groovy: Eval.me("…"), evaluate("…"), new GroovyShell().evaluate("…").
  api('me', 'eval', { on: ['Eval'] }),
  api('evaluate', 'eval', { on: ['', 'GroovyShell()'] }),
];

const ELIXIR: readonly Api[] = [
  ...each('rm_rf rm_rf!', 'delete-tree', { on: ['File'] }),
  ...each('rm rm! rmdir rmdir!', 'delete', { on: ['File'] }),
  ...each('write write!', 'write', { on: ['File'] }),
  ...each('cmd shell', 'shell', { on: ['System'] }),
  api('cmd', 'shell', { on: ['os'] }), // :os.cmd('…')
  ...each('eval_string eval_quoted', 'eval', { on: ['Code'] }),
];

/** Erlang's open_port({spawn, "cmd"}, …): the command in the tuple. */
const spawned = (args: Token[][]) => {
  const command = args[0]?.find((t) => t.kind === 'string');
  return args[0]?.[1]?.text === 'spawn' && command ? [[command]] : undefined;
};

const ERLANG: readonly Api[] = [
  api('del_dir_r', 'delete-tree', { on: ['file'] }),
  ...each('delete del_dir', 'delete', { on: ['file'] }),
  api('write_file', 'write', { on: ['file'] }),
  api('cmd', 'shell', { on: ['os'] }),
  api('open_port', 'shell', { on: [''], args: spawned }),
];

/** Julia's eval(Meta.parse("…")): the code parsed. */
const parsed = (args: Token[][]) => {
  const [a] = args;
  const literal = a?.[2]?.text === 'parse' && a[3]?.text === '(' ? a.slice(4, -1) : a;
  return literal ? [literal] : undefined;
};

const JULIA: readonly Api[] = [
  // rm(path; recursive=true) deletes a tree (the `;` read as a comma, see juliaArgs).
  api('rm', 'delete', { on: ['', 'Base', 'Filesystem'] }),
  // run(`…`): the command literal is read on its own (a `shell` token); a command in a variable is not.
  api('run', 'shell', {
    on: ['', 'Base'],
    args: (a) => (a[0]?.some((t) => t.kind === 'shell') ? undefined : a),
  }),
  api('write', 'write', { on: [''], args: literalPath }),
  api('open', 'open', { on: [''] }),
  api('eval', 'eval', { on: ['', 'Core', 'Main'], args: parsed }),
  api('include_string', 'eval', { args: (a) => a.slice(1) }),
];

const HASKELL: readonly Api[] = [
  ...each('removeDirectoryRecursive removePathForcibly', 'delete-tree', { args: first(1) }),
  ...each('removeFile removeDirectory', 'delete', { args: first(1) }),
  ...each('callCommand system spawnCommand runCommand shell', 'shell', { args: first(1) }),
  // callProcess "rm" ["-rf", d]: the program and its words.
  ...each('callProcess rawSystem readProcess readProcessWithExitCode spawnProcess proc', 'shell', {
    args: first(2),
  }),
  api('writeFile', 'write', { args: first(1) }),
];

const RAKU: readonly Api[] = [
  // unlink "/x", rmdir "/x", and "/x".IO.unlink (read as unlink("/x"), see rakuPaths).
  ...each('unlink rmdir', 'delete', { on: [''], pathFrom: 'all' }),
  ...each('run shell', 'shell', { on: [''] }),
  api('spurt', 'write', { on: [''] }),
  api('EVAL', 'eval', { on: [''] }),
];

/** Emacs's (delete-directory d t) and SBCL's (sb-ext:delete-directory d :recursive t) delete a tree. */
const recursiveWhen = (args: Token[][]): Kind =>
  !isNil(args[1]) && (args[1]![0]!.text !== ':recursive' || !isNil(args[2])) ? 'delete-tree' : 'delete';

/** (eval (read-from-string "…")): the code read; (eval '(…)) is a form read where it is written. */
const readForm = (args: Token[][]): Token[][] | undefined => {
  const [a] = args;
  if (a?.[0]?.text !== '(') return a ? [a] : undefined;
  const reads = /^(read|read-from-string|read-string|car)$/.test(a[1]?.text ?? '');
  const code = a.find((t) => t.kind === 'string');
  return reads && code ? [[code]] : undefined;
};

const LISP: readonly Api[] = [
  ...each(
    'delete-directory/files uiop:delete-directory-tree fs/delete-tree babashka.fs/delete-tree',
    'delete-tree',
  ),
  ...each('delete-directory sb-ext:delete-directory', 'delete', { kindOf: recursiveWhen }),
  ...each(
    'delete-file rmdir uiop:delete-file-if-exists clojure.java.io/delete-file io/delete-file fs/delete fs/delete-if-exists babashka.fs/delete babashka.fs/delete-if-exists .delete',
    'delete',
  ),
  api('spit', 'write'),
  // A command line or a program and its words, each run without a shell's help but judged as typed.
  ...each(
    'system system* shell-command shell-command-to-string async-shell-command call-process-shell-command process-file-shell-command uiop:run-program uiop:launch-program sb-ext:run-program run-program ext:run-shell-command ext:run-program clojure.java.shell/sh shell/sh sh babashka.process/shell babashka.process/process p/shell p/process process/shell shell process process* process-lines',
    'shell',
  ),
  // (call-process PROGRAM INFILE DESTINATION DISPLAY ARGS…), (start-process NAME BUFFER PROGRAM ARGS…).
  api('call-process', 'shell', { args: (a) => [...a.slice(0, 1), ...a.slice(4)] }),
  api('start-process', 'shell', { args: (a) => a.slice(2) }),
  ...each('eval-string load-string', 'eval'),
  api('eval', 'eval', { args: readForm }),
];

const TABLES: Partial<Record<Lang, readonly Api[]>> = {
  cstyle: CSTYLE,
  elixir: ELIXIR,
  erlang: ERLANG,
  julia: JULIA,
  haskell: HASKELL,
  raku: RAKU,
  lisp: LISP,
};

/** Languages whose calls may go without parentheses: `File.rm_rf! "/x"`, `removeFile "x"`, `unlink "x"`. */
const BARE: ReadonlySet<Lang> = new Set(['elixir', 'haskell', 'raku']);

const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;

/** Julia's keyword arguments follow a `;` in the parentheses (`rm(d; recursive=true)`): read as a comma. */
function juliaArgs(tokens: readonly Token[]): Token[] {
  let depth = 0;
  return tokens.map((t) => {
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    return depth > 0 && isPunct(t, ';') ? { ...t, text: ',' } : t;
  });
}

/** Haskell's arguments are side by side (`callProcess "rm" ["-rf", d]`): each word or bracket is one. */
function juxtaposed(args: readonly Token[][]): Token[][] {
  const flat = args.flat().filter((t) => !isPunct(t, '$'));
  const out: Token[][] = [];
  for (let j = 0; j < flat.length;) {
    let end = j + 1;
    if (flat[j]!.kind === 'punct' && '([{'.includes(flat[j]!.text))
      for (let depth = 0; end <= flat.length; end++) {
        const t = flat[end - 1]!;
        if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
        else if (t.kind === 'punct' && ')]}'.includes(t.text) && --depth === 0) break;
      }
    out.push(flat.slice(j, end));
    j = end;
  }
  return out;
}

const PATH_MAKER = /(^|\.)(File|Path|Path\.of|Paths\.get|URL|os\.Path)$/;
const LIST_MAKER = /(^|\.)(listOf|arrayOf|mutableListOf|Arrays\.asList|List\.of|Seq|List|Array)$/;

/**
 * One argument of Groovy, Kotlin, Scala, Java or Swift as the others' are: without Swift's label
 * (`atPath: "/x"`) or `new`; a path made from a string (`Paths.get("/x")`, `new File("/x")`) as that
 * string; a list made by a function (`listOf("rm", "-rf")`, `Seq(…)`) as a list.
 */
function cstyleArg(written: Token[]): Token[] {
  const labelled = written[0]?.kind === 'ident' && isPunct(written[1], ':') && !isPunct(written[2], ':');
  const arg = labelled ? written.slice(2) : written[0]?.text === 'new' ? written.slice(1) : written;
  const open = arg.findIndex((t) => isPunct(t, '('));
  if (open < 1 || !isPunct(arg.at(-1), ')')) return arg;
  const head = arg
    .slice(0, open)
    .map((t) => t.text)
    .join('');
  const inner = cstyleArg(arg.slice(open + 1, -1));
  if (PATH_MAKER.test(head) && literalString(inner) !== undefined) return inner;
  if (!LIST_MAKER.test(head)) return arg;
  return [{ ...arg[open]!, text: '[' }, ...arg.slice(open + 1, -1), { ...arg.at(-1)!, text: ']' }];
}

/** Raku's `"/x".IO.unlink` (also rmdir, spurt) is `unlink("/x")`. */
function rakuPaths(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const [path, dot, io, dot2, name] = tokens.slice(k, k + 5);
    const method = path?.kind === 'string' && io?.text === 'IO' && isPunct(dot, '.') && isPunct(dot2, '.');
    if (!method || name?.kind !== 'ident' || !['unlink', 'rmdir', 'spurt'].includes(name.text)) {
      out.push(tokens[k]!);
      continue;
    }
    const punct = (text: string): Token => ({ ...dot!, text });
    // `"/x".IO.spurt("text")`: the path first, then what the call was given.
    const given = isPunct(tokens[k + 5], '(');
    const more = given && !isPunct(tokens[k + 6], ')');
    out.push(name, punct('('), path, ...(more ? [punct(',')] : given ? [] : [punct(')')]));
    k += given ? 5 : 4;
  }
  return out;
}

const PREPARED: Partial<Record<Lang, (tokens: readonly Token[]) => Token[]>> = {
  julia: juliaArgs,
  raku: rakuPaths,
};

function callsIn(written: readonly Token[], lang: Lang, names: ReadonlySet<string>): Call[] {
  if (lang === 'lisp') return lispCalls(written, names);
  const tokens = PREPARED[lang]?.(written) ?? written;
  const calls = findCalls(tokens, names, BARE.has(lang));
  if (lang === 'haskell') return calls.map((c) => ({ ...c, args: juxtaposed(c.args) }));
  return lang === 'cstyle' ? calls.map((c) => ({ ...c, args: c.args.map(cstyleArg) })) : calls;
}

/** Each call of the language's table, with the table's entry and the arguments that matter. */
function matched(tokens: readonly Token[], lang: Lang, evaluates: boolean) {
  const table = (TABLES[lang] ?? []).filter((a) => (a.kind === 'eval') === evaluates);
  const names = new Set(table.map((a) => a.name));
  return callsIn(tokens, lang, names).flatMap((call) => {
    for (const a of table) {
      if (a.name !== call.name || (a.on && !a.on.includes(call.receiver.at(-1) ?? ''))) continue;
      const args = a.args ? a.args(call.args) : call.args;
      if (args) return [{ api: a, call: { ...call, args } }];
    }
    return [];
  });
}

/** Groovy's `"rm -rf /x".execute()` and `["rm", "-rf", d].execute()`, Scala's `"rm -rf /x".!`. */
function runStrings(tokens: readonly Token[], lang: Lang): Found[] {
  if (lang !== 'cstyle') return [];
  const found: Found[] = [];
  tokens.forEach((t, k) => {
    const runs =
      (t.kind === 'ident' && t.text === 'execute' && isPunct(tokens[k + 1], '(')) || isPunct(t, '!');
    if (!runs || !isPunct(tokens[k - 1], '.')) return;
    const before = tokens[k - 2];
    const open = isPunct(before, ']') ? tokens.slice(0, k - 2).findLastIndex((x) => isPunct(x, '[')) : -1;
    const arg = before?.kind === 'string' ? [before] : open >= 0 ? tokens.slice(open, k - 1) : undefined;
    if (arg)
      found.push({
        kind: 'shell',
        call: { name: t.text, receiver: [], args: [arg], parenthesized: true, index: k },
      });
  });
  return found;
}

/** The calls of `lang` that delete, write or run commands (for apis.ts's FINDERS). */
export function moreCalls(tokens: Token[], lang: Lang): Found[] {
  const found = matched(tokens, lang, false).map(({ api: a, call }): Found => {
    const kind = a.kindOf?.(call.args) ?? (a.kind as Kind);
    return a.pathFrom ? { kind, call, pathFrom: a.pathFrom } : { kind, call };
  });
  return [...found, ...runStrings(tokens, lang)];
}

/** The calls of `lang` that run code (for evaluated-code.ts): Elixir's Code.eval_string, Lisp's eval… */
export function moreEvaluated(tokens: readonly Token[], lang: Lang): EvaluatedCode[] {
  return matched(tokens, lang, true).map(({ call }) => ({
    via: [...call.receiver, call.name].join('.'),
    code: literalString(call.args[0]),
    index: call.index,
  }));
}
