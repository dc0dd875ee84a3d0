// A small tokenizer for awk program text, enough to find the commands a program runs: system("…"),
// `print … | "cmd"`, `"cmd" | getline` and gawk's `|&`. It separates string literals (only "…" in awk),
// regular expressions and comments from code; it is not an awk parser. (code-scan.ts serves five other
// languages whose quoting differs: awk has no '…' strings and no interpolation.)

export interface AwkToken {
  kind: 'ident' | 'string' | 'number' | 'punct' | 'regex';
  /** Identifier or punctuation text; a string literal's value. */
  text: string;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/' };

/** After these a `/` starts a regular expression; after a value (name, number, string, `)`) it divides. */
const VALUE_END = new Set(['ident', 'number', 'string', 'regex']);

function readString(code: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (; i < code.length && code[i] !== '"'; i++) {
    if (code[i] === '\\' && i + 1 < code.length) {
      i++;
      value += ESCAPES[code[i]!] ?? `\\${code[i]}`;
    } else value += code[i];
  }
  return { value, end: i + 1 };
}

function readRegex(code: string, start: number): number {
  let i = start + 1;
  for (; i < code.length && code[i] !== '/' && code[i] !== '\n'; i++) if (code[i] === '\\') i++;
  return i + 1;
}

export function tokenizeAwk(code: string): AwkToken[] {
  const tokens: AwkToken[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    const previous = tokens[tokens.length - 1];
    if (/\s/.test(c)) i++;
    else if (c === '#') while (i < code.length && code[i] !== '\n') i++;
    else if (c === '"') {
      const { value, end } = readString(code, i);
      tokens.push({ kind: 'string', text: value });
      i = end;
    } else if (
      c === '/' &&
      !(previous && (VALUE_END.has(previous.kind) || previous.text === ')' || previous.text === ']'))
    ) {
      i = readRegex(code, i);
      tokens.push({ kind: 'regex', text: '' });
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < code.length && /\w/.test(code[i]!)) i++;
      tokens.push({ kind: 'ident', text: code.slice(start, i) });
    } else if (/[0-9.]/.test(c) && /[0-9]/.test(code[i + 1] ?? c)) {
      const start = i;
      while (i < code.length && /[0-9.eE]/.test(code[i]!)) i++;
      tokens.push({ kind: 'number', text: code.slice(start, i) });
    } else {
      const two = code.slice(i, i + 2);
      const text = ['|&', '||', '&&', '>>', '==', '!=', '<=', '>=', '++', '--'].includes(two) ? two : c;
      tokens.push({ kind: 'punct', text });
      i += text.length;
    }
  }
  return tokens;
}
