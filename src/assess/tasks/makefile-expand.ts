import { UNKNOWN_VALUE } from './types.js';

// Make's `$(VAR)` expansion, where it is simple: variables the Makefile or the command line define, the
// automatic `$@`/`$<`/`$^`, `$(MAKE)` and `$$`. Functions and what this reader cannot compute become a value
// the shell cannot resolve, except `$(shell cmd)`, which stays a command for the shell parser to assess.

export interface Expansion {
  variables: ReadonlyMap<string, string | undefined>;
  /** `make X=1` wins over the Makefile's X. */
  overrides: Readonly<Record<string, string>>;
  target: string;
  /** What `%` matched in a pattern rule (`$*`). */
  stem?: string;
  prerequisites: readonly string[];
}

/** A word quoted for the shell when it needs it. */
export const quote = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

const MAX_EXPANSION_DEPTH = 16;
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The text with make's references replaced; `$$` becomes the shell's `$`. */
export function expandMake(text: string, scope: Expansion, depth = 0): string {
  if (depth > MAX_EXPANSION_DEPTH) return UNKNOWN_VALUE;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '$' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[i + 1]!;
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(' || next === '{') {
      const end = closing(text, i + 1);
      if (end < 0) return out + UNKNOWN_VALUE;
      out += reference(text.slice(i + 2, end), scope, depth);
      i = end;
    } else {
      out += reference(next, scope, depth);
      i++;
    }
  }
  return out;
}

/** The index of the bracket closing the one at `open`, counting nested ones. */
function closing(text: string, open: number): number {
  const [o, c] = text[open] === '(' ? ['(', ')'] : ['{', '}'];
  let level = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === o) level++;
    else if (text[i] === c && --level === 0) return i;
  }
  return -1;
}

function reference(inner: string, scope: Expansion, depth: number): string {
  const call = /^([a-z-]+)[\s,]+(.*)$/s.exec(inner);
  if (call) return call[1] === 'shell' ? `$(${expandMake(call[2]!, scope, depth + 1)})` : UNKNOWN_VALUE;
  const name = inner.includes('$') ? expandMake(inner, scope, depth + 1) : inner;
  switch (name) {
    case '@':
      return scope.target;
    case '<':
      return scope.prerequisites[0] ?? '';
    case '^':
    case '+':
      return scope.prerequisites.join(' ');
    case '*':
      return scope.stem || UNKNOWN_VALUE;
  }
  const given = scope.overrides[name];
  if (given !== undefined) return given;
  if (scope.variables.has(name)) {
    const value = scope.variables.get(name);
    return value === undefined ? UNKNOWN_VALUE : expandMake(value, scope, depth + 1);
  }
  // A sub-make gets the command line's variables too (through MAKEFLAGS).
  if (name === 'MAKE')
    return ['make', ...Object.entries(scope.overrides).map(([k, v]) => quote(`${k}=${v}`))].join(' ');
  // Not defined in the Makefile: make takes it from the environment, as the shell would.
  return SHELL_NAME.test(name) ? `\${${name}}` : UNKNOWN_VALUE;
}
