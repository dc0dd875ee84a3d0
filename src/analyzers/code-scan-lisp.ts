import type { Token } from './code-scan.js';

// The Lisps (Emacs Lisp, Common Lisp, Scheme, Racket, Clojure) for the tokenizer of code-scan.ts: `;`
// comments, `#| … |#` blocks, "strings", and symbols that may hold `-`, `/`, `:` and `.`
// (`uiop:delete-directory-tree`, `clojure.java.shell/sh`, `delete-directory/files`). Quotes (`'`, `` ` ``,
// `#'`) and Clojure's commas (whitespace there) are dropped: `'("rm" "-rf")` is read as the list it quotes.

const SYMBOL = /[^\s()[\]{}";'`,]/;

export function tokenizeLisp(code: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let newline = true;
  const n = code.length;
  const push = (kind: Token['kind'], text: string, start: number, dynamic = false) => {
    tokens.push({ kind, text, dynamic, newline, start, end: i });
    newline = false;
  };
  while (i < n) {
    const c = code[i]!;
    const start = i;
    if (c === '\n') newline = true;
    if (/\s/.test(c) || c === ',' || c === "'" || c === '`' || c === '@') {
      i++;
    } else if (c === ';') {
      while (i < n && code[i] !== '\n') i++;
    } else if (code.startsWith('#|', i)) {
      const endAt = code.indexOf('|#', i + 2);
      i = endAt < 0 ? n : endAt + 2;
    } else if (c === '#') {
      // #p"…" (a pathname), #'f (a function), #(…) and #{…} (Clojure), #"…" (a regex): what follows is read.
      i += /[pP']/.test(code[i + 1] ?? '') ? 2 : 1;
    } else if (c === '"') {
      let out = '';
      i++;
      while (i < n && code[i] !== '"') {
        if (code[i] === '\\' && i + 1 < n) i++;
        out += code[i++];
      }
      i++;
      push('string', out, start);
    } else if ('()[]{}'.includes(c)) {
      i++;
      push('punct', c, start);
    } else {
      while (i < n && SYMBOL.test(code[i]!)) i++;
      const text = code.slice(start, i);
      push(/^[-+]?\d/.test(text) ? 'number' : 'ident', text, start);
    }
  }
  return tokens;
}
