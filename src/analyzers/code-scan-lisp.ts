import type { Token } from './code-scan.js';

// The Lisps (Emacs Lisp, Common Lisp, Scheme, Racket, Clojure) for the tokenizer of code-scan.ts: `;`
// comments, `#| … |#` blocks, "strings", and symbols that may hold `-`, `/`, `:` and `.`
// (`uiop:delete-directory-tree`, `clojure.java.shell/sh`, `delete-directory/files`). Quotes (`'`, `` ` ``,
// `#'`) and Clojure's commas (whitespace there) are dropped: `'("rm" "-rf")` is read as the list it quotes.

const SYMBOL = /[^\s()[\]{}";'`,]/;

type Lexeme = [kind: Token['kind'] | 'skip' | 'newline', end: number, text?: string];

/** The lexeme at code[i]: its kind (`skip` for space, quotes and comments) and where it ends. */
function lexeme(code: string, i: number): Lexeme {
  const c = code[i]!;
  if (c === '\n') return ['newline', i + 1];
  if (/\s/.test(c) || ",'`@".includes(c)) return ['skip', i + 1];
  if (c === ';') {
    const eol = code.indexOf('\n', i);
    return ['skip', eol < 0 ? code.length : eol];
  }
  if (code.startsWith('#|', i)) {
    const close = code.indexOf('|#', i + 2);
    return ['skip', close < 0 ? code.length : close + 2];
  }
  // #p"…" (a pathname), #'f (a function), #(…) and #{…} (Clojure), #"…" (a regex): what follows is read.
  if (c === '#') return ['skip', i + (/[pP']/.test(code[i + 1] ?? '') ? 2 : 1)];
  if (c === '"') {
    let out = '';
    let j = i + 1;
    for (; j < code.length && code[j] !== '"'; j++) {
      if (code[j] === '\\' && j + 1 < code.length) j++;
      out += code[j];
    }
    return ['string', j + 1, out];
  }
  if ('()[]{}'.includes(c)) return ['punct', i + 1, c];
  let end = i;
  while (end < code.length && SYMBOL.test(code[end]!)) end++;
  const text = code.slice(i, end);
  return [/^[-+]?\d/.test(text) ? 'number' : 'ident', end, text];
}

export function tokenizeLisp(code: string): Token[] {
  const tokens: Token[] = [];
  let newline = true;
  for (let i = 0; i < code.length;) {
    const [kind, end, text] = lexeme(code, i);
    if (kind === 'newline') newline = true;
    else if (kind !== 'skip') {
      tokens.push({ kind, text: text ?? '', dynamic: false, newline, start: i, end });
      newline = false;
    }
    i = end;
  }
  return tokens;
}
