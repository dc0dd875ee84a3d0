import { literalString, splitArgs } from '../code-calls.js';
import type { Token } from '../code-scan.js';
import { OS_PROGRAM_RUNNERS } from './apis.js';

// Python lets code call a module or a function by another name, and the call finders (apis.ts) match
// names: `os.system`, `subprocess.run`, `shutil.rmtree`. `__import__('os').system('rm -rf ~')`, `import os
// as o; o.system(…)`, `from os import system; system(…)` and `getattr(os, 'system')(…)` were all allowed.
// Before the finders look, those names are written back as the names they stand for. A tokenizer is not a
// parser: a name bound twice keeps its last binding, wherever it is used.

/**
 * Modules whose calls the finders judge by their module's name. Names from other modules are left as
 * written: a bare call stays a local helper to the SDK finders (sdk-calls.ts), as it was.
 */
const JUDGED_MODULES = new Set([
  'os',
  'posix',
  'nt',
  'subprocess',
  'shutil',
  'pty',
  'pathlib',
  'importlib',
  'builtins',
  'sys',
  'commands',
]);

/**
 * Modules that are another's functions under their own name: `posix` and `nt` are what `os` exports on
 * each platform (`posix.system` is `os.system`); `__builtins__` is the builtins module, always in scope.
 */
const SAME_AS: Record<string, string> = { posix: 'os', nt: 'os', __builtins__: 'builtins' };
const canonical = (path: Dotted): Dotted =>
  path.length && SAME_AS[path[0]!] ? [SAME_AS[path[0]!]!, ...path.slice(1)] : path;

/** Builtins that run code: a name bound to one (`e = exec`) is that builtin. */
const CODE_BUILTINS = new Set(['exec', 'eval', 'compile']);

/** What `from M import *` puts in scope, of what the finders look for. */
const STAR_NAMES: Record<string, ReadonlySet<string>> = {
  os: new Set([
    'system',
    'popen',
    'remove',
    'unlink',
    'rmdir',
    'removedirs',
    'truncate',
    ...OS_PROGRAM_RUNNERS,
  ]),
  subprocess: new Set(['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput']),
  shutil: new Set(['rmtree', 'move', 'copyfile']),
};

type Dotted = readonly string[];

const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;
const isIdent = (t: Token | undefined, text?: string) =>
  t?.kind === 'ident' && (text === undefined || t.text === text);
/** A name used as a value, not an attribute (`x.os`) or a keyword argument (`f(os=1)`). */
const standsAlone = (tokens: readonly Token[], k: number) =>
  !isPunct(tokens[k - 1], '.') && !(isPunct(tokens[k + 1], '=') && !isPunct(tokens[k + 2], '='));
/** Where a statement may start: a line, after `;`, or after a compound statement's `:` (`if 1: import os`). */
const statementStart = (tokens: readonly Token[], k: number) =>
  k === 0 || tokens[k]!.newline || isPunct(tokens[k - 1], ';') || isPunct(tokens[k - 1], ':');

/** `path` as tokens standing where `at` stood. */
function dottedTokens(path: Dotted, at: Token): Token[] {
  const out: Token[] = [];
  for (const [i, name] of path.entries()) {
    if (i)
      out.push({ kind: 'punct', text: '.', dynamic: false, newline: false, start: at.start, end: at.end });
    out.push({
      kind: 'ident',
      text: name,
      dynamic: false,
      newline: i === 0 && at.newline,
      start: at.start,
      end: at.end,
    });
  }
  return out;
}

/** The dotted name starting at `k` (`os.path`), and the index after it. */
function dottedAt(tokens: readonly Token[], k: number): { path: string[]; next: number } | undefined {
  if (!isIdent(tokens[k])) return undefined;
  const path = [tokens[k]!.text];
  let j = k + 1;
  while (isPunct(tokens[j], '.') && isIdent(tokens[j + 1])) {
    path.push(tokens[j + 1]!.text);
    j += 2;
  }
  return { path, next: j };
}

/** For each opening bracket, the index of the one closing it (-1 when unbalanced): one pass, a stack. */
function closingBrackets(tokens: readonly Token[]): Int32Array {
  const closes = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  for (const [j, t] of tokens.entries()) {
    if (t.kind !== 'punct') continue;
    if ('([{'.includes(t.text)) open.push(j);
    else if (')]}'.includes(t.text) && open.length) closes[open.pop()!] = j;
  }
  return closes;
}

/** getattr(getattr(…)) nested deeper than this is not followed: the code says so (see `tooDeep`). */
const MAX_NESTING = 32;

type Named = { path: Dotted; end: number } | undefined;

/**
 * Module and attribute expressions rewritten as dotted names: `__import__('os')`,
 * `importlib.import_module('os')`, `sys.modules['os']`, `getattr(os, 'system')` (whose object may be one
 * of these itself). Each expression is read once (remembered by where it starts), so the pass is linear.
 */
class Unwrapper {
  private readonly closes: Int32Array;
  private readonly known = new Map<number, Named>();
  /** Set when getattr nests deeper than MAX_NESTING: what it names is not known. */
  tooDeep = false;

  constructor(private readonly tokens: readonly Token[]) {
    this.closes = closingBrackets(tokens);
  }

  /** All the tokens, rewritten. */
  emit(): Token[] {
    const out: Token[] = [];
    for (let k = 0; k < this.tokens.length;) {
      const found = this.namedAt(k, 0);
      if (found) {
        out.push(...dottedTokens(found.path, this.tokens[k]!));
        k = found.end + 1;
      } else out.push(this.tokens[k++]!);
    }
    return out;
  }

  /** The expression starting at `k`, remembered once it is known for certain. */
  private namedAt(k: number, depth: number): Named {
    if (this.known.has(k)) return this.known.get(k);
    if (depth >= MAX_NESTING) {
      this.tooDeep = true;
      return undefined;
    }
    const before = this.tooDeep;
    this.tooDeep = false;
    const found = this.read(k, depth);
    // A reading cut short by the nesting limit is not the expression's own answer: not remembered.
    if (!this.tooDeep) this.known.set(k, found);
    this.tooDeep ||= before;
    return found;
  }

  /** The one literal string between the brackets at `open` and `close`, if that is the first argument. */
  private firstLiteral(open: number, close: number): string | undefined {
    return literalString(splitArgs(this.tokens.slice(open + 1, close))[0]);
  }

  private read(k: number, depth: number): Named {
    const { tokens, closes } = this;
    const t = tokens[k]!;
    // `(o := os).system(…)`: the parenthesized assignment is its value (boundAt binds the name for later).
    if (
      isPunct(t, '(') &&
      isIdent(tokens[k + 1]) &&
      isPunct(tokens[k + 2], ':') &&
      isPunct(tokens[k + 3], '=')
    ) {
      const close = closes[k]!;
      const value = close > k + 4 ? this.dottedName(k + 4, close, depth) : undefined;
      return value ? { path: canonical(value), end: close } : undefined;
    }
    if (t.kind !== 'ident' || isPunct(tokens[k - 1], '.')) return undefined;
    if (t.text === 'sys' && isPunct(tokens[k + 1], '.') && isIdent(tokens[k + 2], 'modules')) {
      const key = tokens[k + 4];
      if (
        isPunct(tokens[k + 3], '[') &&
        key?.kind === 'string' &&
        !key.dynamic &&
        isPunct(tokens[k + 5], ']')
      )
        return { path: canonical(key.text.split('.')), end: k + 5 };
      // `sys.modules.get('os')`
      if (isPunct(tokens[k + 3], '.') && isIdent(tokens[k + 4], 'get') && isPunct(tokens[k + 5], '(')) {
        const end = closes[k + 5]!;
        const module = end < 0 ? undefined : this.firstLiteral(k + 5, end);
        if (module !== undefined) return { path: canonical(module.split('.')), end };
      }
      return undefined;
    }
    // `vars(os)['system']`: a module's namespace, subscripted.
    if (t.text === 'vars' && isPunct(tokens[k + 1], '(')) {
      const end = closes[k + 1]!;
      const of = end > k + 2 ? this.dottedName(k + 2, end, depth) : undefined;
      const key = tokens[end + 2];
      const keyed = isPunct(tokens[end + 1], '[') && key?.kind === 'string' && !key.dynamic;
      return of && keyed && isPunct(tokens[end + 3], ']')
        ? { path: canonical([...of, key.text]), end: end + 3 }
        : undefined;
    }
    // `importlib.import_module(…)` is found at `importlib`, a bare `import_module(…)` at its own name.
    let call = k;
    if (t.text === 'importlib' && isPunct(tokens[k + 1], '.') && isIdent(tokens[k + 2], 'import_module'))
      call = k + 2;
    const name = tokens[call]!.text;
    if (!['__import__', 'import_module', 'getattr'].includes(name) || !isPunct(tokens[call + 1], '('))
      return undefined;
    const end = closes[call + 1]!;
    if (end < 0) return undefined;
    if (name !== 'getattr') {
      const module = this.firstLiteral(call + 1, end);
      if (module === undefined) return undefined;
      // `__import__('os.path')` returns the package `os` unless it is given a from-list.
      const whole = name !== '__import__' || isPunct(tokens[call + 3], ',');
      return { path: canonical(whole ? module.split('.') : module.split('.').slice(0, 1)), end };
    }
    // getattr(OBJECT, 'name'): OBJECT is a dotted name, or one of these expressions (then `.attr`s).
    let comma = call + 2;
    while (comma < end && !isPunct(tokens[comma], ','))
      comma = closes[comma]! > comma ? closes[comma]! + 1 : comma + 1;
    const of = comma < end ? this.dottedName(call + 2, comma, depth) : undefined;
    const attribute = of && literalString(splitArgs(tokens.slice(comma + 1, end))[0]);
    return of && attribute !== undefined ? { path: canonical([...of, attribute]), end } : undefined;
  }

  /** The dotted name the tokens from `from` to `to` (exclusive) are, if that is all they are. */
  private dottedName(from: number, to: number, depth: number): Dotted | undefined {
    const head = this.namedAt(from, depth + 1);
    const path = head ? [...head.path] : isIdent(this.tokens[from]) ? [this.tokens[from]!.text] : undefined;
    let j = head ? head.end + 1 : from + 1;
    while (path && j + 1 < to && isPunct(this.tokens[j], '.') && isIdent(this.tokens[j + 1])) {
      path.push(this.tokens[j + 1]!.text);
      j += 2;
    }
    return path && j === to ? path : undefined;
  }
}

/** `os.__dict__['system']` is `os.system`. */
function withoutNamespaceSubscripts(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const key = tokens[k + 3];
    if (
      isPunct(tokens[k], '.') &&
      isIdent(tokens[k + 1], '__dict__') &&
      isPunct(tokens[k + 2], '[') &&
      key?.kind === 'string' &&
      !key.dynamic &&
      isPunct(tokens[k + 4], ']')
    ) {
      out.push(tokens[k]!, { ...key, kind: 'ident' });
      k += 4;
    } else out.push(tokens[k]!);
  }
  return out;
}

interface Bindings {
  names: Map<string, Dotted>;
  star: string[];
  /** Token indices of import statements: their names are bindings, not uses. */
  skip: Set<number>;
}

/** `import a.b as c`, `from m import x as y, z`, `from m import *`. */
function importAt(tokens: readonly Token[], k: number, into: Bindings): number {
  const from = isIdent(tokens[k], 'from');
  let j = k + 1;
  let module: string[] = [];
  if (from) {
    const m = dottedAt(tokens, j);
    if (!m || !isIdent(tokens[m.next], 'import')) return k + 1;
    module = m.path;
    j = m.next + 1;
  }
  if (isPunct(tokens[j], '(')) j++;
  while (j < tokens.length) {
    if (from && isPunct(tokens[j], '*')) {
      into.star.push(module.join('.'));
      j++;
    } else {
      const name = dottedAt(tokens, j);
      if (!name) break;
      j = name.next;
      let local: string | undefined;
      if (isIdent(tokens[j], 'as') && isIdent(tokens[j + 1])) {
        local = tokens[j + 1]!.text;
        j += 2;
      }
      const written = from ? [...module, ...name.path] : name.path;
      const full = canonical(written);
      // `import os.path` binds `os`, which is its own name already; `import posix` binds `posix`, which is os.
      const bound = local ?? (from ? name.path[0]! : full[0] !== written[0] ? written[0]! : undefined);
      if (bound !== undefined && JUDGED_MODULES.has(full[0]!))
        into.names.set(bound, from || local ? full : full.slice(0, 1));
    }
    if (!isPunct(tokens[j], ',')) break;
    j++;
  }
  if (isPunct(tokens[j], ')')) j++;
  for (let i = k; i < j; i++) into.skip.add(i);
  return j;
}

/** Every binding of a judged module's name in the code: imports, and `x = os.system`-style assignments. */
function bindingsOf(tokens: readonly Token[]): Bindings {
  const into: Bindings = { names: new Map([['__builtins__', ['builtins']]]), star: [], skip: new Set() };
  for (let k = 0; k < tokens.length; k++) {
    if (!statementStart(tokens, k)) continue;
    if (isIdent(tokens[k], 'import') || isIdent(tokens[k], 'from')) {
      k = importAt(tokens, k, into) - 1;
      continue;
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const bound = boundAt(tokens, k, into.names);
    if (!bound) continue;
    into.names.set(tokens[k]!.text, bound);
    into.skip.add(k);
  }
  return into;
}

/**
 * `run = subprocess.run`, `o = os` (once the right side is a dotted name), `e = exec`: the whole
 * statement; and the same bindings inside expressions: `(o := os).system(…)`, a default
 * `lambda o=os: o.system(…)` (a keyword argument `f(x=os)` reads alike, and binds nothing used after).
 */
function boundAt(
  tokens: readonly Token[],
  k: number,
  names: ReadonlyMap<string, Dotted>,
): Dotted | undefined {
  if (!isIdent(tokens[k])) return undefined;
  const walrus = isPunct(tokens[k + 1], ':') && isPunct(tokens[k + 2], '=');
  const assign = isPunct(tokens[k + 1], '=') && !isPunct(tokens[k + 2], '=');
  const before = tokens[k - 1];
  const inExpression = isPunct(before, '(') || isPunct(before, ',') || isIdent(before, 'lambda');
  if (!walrus && !(assign && (statementStart(tokens, k) || inExpression))) return undefined;
  const value = dottedAt(tokens, k + (walrus ? 3 : 2));
  const after = value && tokens[value.next];
  const ends = value && (!after || after.newline || [';', ',', ')', ':'].some((p) => isPunct(after, p)));
  if (!value || !ends) return undefined;
  const [head, ...rest] = value.path;
  if (!rest.length && CODE_BUILTINS.has(head!) && !names.has(head!)) return ['builtins', head!];
  const root = names.get(head!) ?? canonical([head!]);
  return JUDGED_MODULES.has(root[0]!) ? [...root, ...rest] : undefined;
}

/** `tokens` with every name a judged module goes by written as that module's own name. */
export function resolvePythonNames(tokens: Token[]): { tokens: Token[]; tooDeep: boolean } {
  const unwrapper = new Unwrapper(withoutNamespaceSubscripts(tokens));
  const unwrapped = unwrapper.emit();
  const tooDeep = unwrapper.tooDeep;
  const bindings = bindingsOf(unwrapped);
  if (!bindings.names.size && !bindings.star.length) return { tokens: unwrapped, tooDeep };
  const out: Token[] = [];
  for (const [k, t] of unwrapped.entries()) {
    if (t.kind !== 'ident' || bindings.skip.has(k) || !standsAlone(unwrapped, k)) {
      out.push(t);
      continue;
    }
    const bound = bindings.names.get(t.text);
    const star =
      !bound && isPunct(unwrapped[k + 1], '(')
        ? bindings.star.find((m) => STAR_NAMES[m]?.has(t.text))
        : undefined;
    if (bound) out.push(...dottedTokens(bound, t));
    else if (star) out.push(...dottedTokens([star, t.text], t));
    else out.push(t);
  }
  return { tokens: out, tooDeep };
}
