import type { Call } from '../code-calls.js';
import type { Token } from '../code-scan.js';

// Calls in Lisp code: `(name arg arg …)`. Arguments are forms, not comma-separated: each is one argument,
// and a list among them (`'("-rf" "/x")`, `["-rf" "/x"]`) is given commas between its elements, so that it
// reads as the other languages' lists do (literalStrings, run-words.ts). A path made by a constructor
// (`(io/file "/x")`, `(java.io.File. "/x")`) is the path it makes.

const PATH_MAKERS =
  /^((java\.io\.)?File\.|(clojure\.java\.)?io\/file|(babashka\.)?fs\/(path|file)|pathname|expand-file-name)$/;

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** The index after the form starting at tokens[at]. */
function formEnd(tokens: readonly Token[], at: number): number {
  if (!OPEN.has(tokens[at]!.text) || tokens[at]!.kind !== 'punct') return at + 1;
  let depth = 0;
  for (let j = at; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'punct') continue;
    if (OPEN.has(t.text)) depth++;
    else if (CLOSE.has(t.text) && --depth === 0) return j + 1;
  }
  return tokens.length;
}

/** The forms of tokens[from, to). */
function forms(tokens: readonly Token[], from: number, to: number): Token[][] {
  const out: Token[][] = [];
  for (let j = from; j < to && !CLOSE.has(tokens[j]!.text);) {
    const end = Math.min(formEnd(tokens, j), to);
    out.push(tokens.slice(j, end));
    j = end;
  }
  return out;
}

/** One form as an argument: a list with commas between its elements, a path constructor as its path. */
function argument(form: Token[]): Token[] {
  const [open] = form;
  if (form.length < 2 || open?.kind !== 'punct' || !OPEN.has(open.text)) return form;
  const inner = forms(form, 1, form.length - 1);
  const head = inner[0];
  if (inner.length === 2 && head?.length === 1 && PATH_MAKERS.test(head[0]!.text) && inner[1]!.length === 1)
    return inner[1]!;
  const comma = (t: Token): Token => ({ ...t, kind: 'punct', text: ',' });
  return [open, ...inner.flatMap((f, k) => (k ? [comma(f[0]!), ...f] : f)), form.at(-1)!];
}

/** Every call of one of `names` (the symbol as written: `uiop:run-program`, `fs/delete-tree`). */
export function lispCalls(tokens: readonly Token[], names: ReadonlySet<string>): Call[] {
  const calls: Call[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    const open = tokens[k - 1]!;
    if (t.kind !== 'ident' || !names.has(t.text) || open.kind !== 'punct' || open.text !== '(') continue;
    const end = formEnd(tokens, k - 1) - 1;
    const args = forms(tokens, k + 1, end).map(argument);
    calls.push({ name: t.text, receiver: [], args, parenthesized: true, index: k });
  }
  return calls;
}
