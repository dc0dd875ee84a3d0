import type { Token } from './code-scan.js';

// Call sites in a token stream (see code-scan.ts): `name(args)`, `recv.name(args)`, and the Perl/Ruby
// parenthesis-free form. Only names are matched; arguments are split at top-level commas.

/** One call site: `name(args)`, `recv.name(args)` or, in Perl and Ruby, `name arg, arg`. */
export interface Call {
  name: string;
  /** The identifiers of the receiver chain, nearest last: `fs.promises.rm` → ['fs', 'promises']. */
  receiver: string[];
  /** When the receiver ends in a call (`Path('x').unlink()`), that call. */
  receiverCall?: Call;
  /** Arguments split at top-level commas (each a token list). */
  args: Token[][];
  /** Whether the argument list was in parentheses. */
  parenthesized: boolean;
  index: number;
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** Index of the bracket matching tokens[open], or tokens.length when unbalanced. */
function matchForward(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'punct') continue;
    if (OPENERS.has(t.text)) depth++;
    else if (CLOSING.has(t.text) && --depth === 0) return j;
  }
  return tokens.length;
}

function matchBackward(tokens: readonly Token[], close: number): number {
  let depth = 0;
  for (let j = close; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.kind !== 'punct') continue;
    if (CLOSING.has(t.text)) depth++;
    else if (OPENERS.has(t.text) && --depth === 0) return j;
  }
  return -1;
}

/** Tokens split at their top-level commas. */
export function splitArgs(tokens: readonly Token[]): Token[][] {
  const args: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && OPENERS.has(t.text)) depth++;
    if (t.kind === 'punct' && CLOSING.has(t.text)) depth--;
    if (depth === 0 && t.kind === 'punct' && t.text === ',') {
      args.push(current);
      current = [];
      continue;
    }
    current.push(t);
  }
  if (current.length) args.push(current);
  return args;
}

const BARE_ARGS_END = new Set([';', ')', ']', '}', '|', '&', '=', '?']);
const BARE_ARGS_END_WORDS = new Set(['if', 'unless', 'or', 'and', 'while', 'until', 'do', 'then']);

/** A subscript whose key is not a literal (`db[name]`), in a receiver chain. */
export const COMPUTED_MEMBER = '<computed>';

function receiverOf(tokens: readonly Token[], index: number): { chain: string[]; call?: Call } {
  const chain: string[] = [];
  let j = index - 1;
  let call: Call | undefined;
  while (j >= 1 && tokens[j]!.kind === 'punct' && isMember(tokens, j)) {
    j -= memberWidth(tokens, j);
    const t = tokens[j];
    if (!t) break;
    if (t.kind === 'ident') {
      chain.unshift(t.text);
      j--;
      continue;
    }
    if (t.kind === 'punct' && t.text === ')') {
      const open = matchBackward(tokens, j);
      const name = tokens[open - 1];
      if (open > 0 && name?.kind === 'ident') {
        const inner = receiverOf(tokens, open - 1);
        const c: Call = {
          name: name.text,
          receiver: inner.chain,
          args: splitArgs(tokens.slice(open + 1, j)),
          parenthesized: true,
          index: open - 1,
        };
        if (inner.call) c.receiverCall = inner.call;
        if (!call) call = c;
        chain.unshift(`${name.text}()`);
        j = open - 2;
        continue;
      }
    }
    if (t.kind === 'punct' && t.text === ']') {
      // db['users'] / db["users"]: the subscript names the member.
      const open = matchBackward(tokens, j);
      const key = tokens[open + 1];
      if (open > 0 && key?.kind === 'string' && open + 2 === j) {
        const base = tokens[open - 1];
        chain.unshift(key.text);
        if (base?.kind === 'ident') chain.unshift(base.text);
        j = open - 2;
        continue;
      }
      // db[name]: a member computed at run time, kept as a mark so the chain still says whose it is.
      const base = tokens[open - 1];
      if (open > 0 && base?.kind === 'ident' && tokens[open - 2]?.text !== '.') {
        chain.unshift(base.text, COMPUTED_MEMBER);
        break;
      }
    }
    break;
  }
  return call ? { chain, call } : { chain };
}

function isMember(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  if (t.text === '.') return true;
  // '::' and '->' arrive as two punctuation tokens.
  const p = tokens[j - 1];
  return (t.text === ':' && p?.text === ':') || (t.text === '>' && p?.text === '-');
}

function memberWidth(tokens: readonly Token[], j: number): number {
  return tokens[j]!.text === '.' ? 1 : 2;
}

/**
 * Every call of one of `names`. `bare` allows Perl/Ruby calls without parentheses (`unlink "x"`,
 * `FileUtils.rm_rf 'dir'`), whose arguments run to the end of the statement.
 */
export function findCalls(tokens: readonly Token[], names: ReadonlySet<string>, bare = false): Call[] {
  const calls: Call[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'ident' || !names.has(t.text)) continue;
    const next = tokens[k + 1];
    const { chain, call } = receiverOf(tokens, k);
    const base = { name: t.text, receiver: chain, index: k, ...(call ? { receiverCall: call } : {}) };
    if (next?.kind === 'punct' && next.text === '(' && !next.newline) {
      const close = matchForward(tokens, k + 1);
      calls.push({ ...base, args: splitArgs(tokens.slice(k + 2, close)), parenthesized: true });
      continue;
    }
    if (!bare) continue;
    // A bare call: its arguments start on the same line and run to the end of the statement.
    if (!next || next.newline) {
      calls.push({ ...base, args: [], parenthesized: false });
      continue;
    }
    if (next.kind === 'punct' && !['[', '$', '@', '"', "'", '-'].includes(next.text)) {
      if (next.text === ';' || next.text === ')' || next.text === '}') {
        calls.push({ ...base, args: [], parenthesized: false });
      }
      continue;
    }
    let end = k + 1;
    let depth = 0;
    for (; end < tokens.length; end++) {
      const a = tokens[end]!;
      if (a.newline && depth === 0 && end > k + 1) break;
      if (a.kind === 'punct' && OPENERS.has(a.text)) depth++;
      else if (a.kind === 'punct' && CLOSING.has(a.text)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && a.kind === 'punct' && BARE_ARGS_END.has(a.text)) break;
      else if (depth === 0 && a.kind === 'ident' && BARE_ARGS_END_WORDS.has(a.text)) break;
    }
    calls.push({ ...base, args: splitArgs(tokens.slice(k + 1, end)), parenthesized: false });
  }
  return calls;
}

/** The literal strings of an argument: `'x'` → ['x'], `['a', 'b']` → ['a', 'b']; undefined if not literal. */
export function literalStrings(arg: readonly Token[] | undefined): string[] | undefined {
  if (!arg || arg.length === 0) return undefined;
  const inner =
    arg[0]!.kind === 'punct' && (arg[0]!.text === '[' || arg[0]!.text === '(') ? arg.slice(1, -1) : arg;
  const values: string[] = [];
  for (const [j, t] of inner.entries()) {
    if (j % 2 === 1) {
      if (t.kind === 'punct' && t.text === ',') continue;
      return undefined;
    }
    if (t.kind !== 'string' || t.dynamic) return undefined;
    values.push(t.text);
  }
  // A trailing comma leaves an even count; anything else that is not a string already returned.
  return values.length ? values : undefined;
}

/** The value of a single string-literal argument, or undefined. */
export function literalString(arg: readonly Token[] | undefined): string | undefined {
  if (!arg || arg.length !== 1) return undefined;
  const t = arg[0]!;
  return t.kind === 'string' && !t.dynamic ? t.text : undefined;
}

/** Whether an argument list contains `key: true` / `key => true` / `key=True` (keyword options). */
export function hasTrueOption(args: readonly Token[][], key: string): boolean {
  const flat = args.flat();
  for (let j = 0; j < flat.length; j++) {
    const t = flat[j]!;
    const isKey = (t.kind === 'ident' || t.kind === 'string') && t.text.replace(/^:/, '') === key;
    if (!isKey) continue;
    let k = j + 1;
    while (flat[k]?.kind === 'punct' && [':', '=', '>'].includes(flat[k]!.text)) k++;
    const v = flat[k];
    if (v && /^(true|True|TRUE|1)$/.test(v.text)) return true;
  }
  return false;
}

/** The code without its comments, for looking up imports: `google.cloud`, `Aws::RDS`, `'@aws-sdk/client-s3'`. */
export function codeText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.text)
    .join(' ')
    .replace(/ ?\. ?/g, '.')
    .replace(/ ?: : ?/g, '::');
}
