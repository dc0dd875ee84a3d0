import { tokenizeLisp } from './code-scan-lisp.js';

// A small tokenizer for code passed to interpreters (python -c, node -e, perl -e, ruby -e, php -r, lua -e,
// Rscript -e, mongosh --eval, and the languages of interpreters/languages.ts). It is NOT a parser for those languages: it only separates string literals, comments and regular
// expressions from the rest, so that analyzers can look for API names (shutil.rmtree, fs.rmSync,
// db.users.drop…) in code positions and read the literal arguments of those calls. Everything it cannot
// read statically (interpolated strings, template literals with ${…}) is marked `dynamic`.

/**
 * The languages read. Beyond the first seven, each stands for the languages whose strings and comments it
 * shares: `cstyle` is Groovy, Scala, Kotlin, Java (jshell) and Swift; `lisp` is Emacs Lisp, Common Lisp,
 * Scheme, Racket and Clojure (code-scan-lisp.ts).
 */
export type Lang =
  | 'python'
  | 'js'
  | 'perl'
  | 'ruby'
  | 'php'
  | 'lua'
  | 'r'
  | 'cstyle'
  | 'elixir'
  | 'erlang'
  | 'julia'
  | 'haskell'
  | 'raku'
  | 'lisp';

export interface Token {
  /** `shell` is a command-substitution literal: Perl/Ruby/PHP backticks, qx{…}, %x(…). */
  kind: 'ident' | 'string' | 'number' | 'punct' | 'shell';
  /** Identifier or punctuation text; for strings and shell literals, the literal's value. */
  text: string;
  /** A string whose value is computed at run time (interpolation, f-strings, template literals). */
  dynamic: boolean;
  /** Whether a line break precedes this token (statements may end there in Perl, Ruby and Python). */
  newline: boolean;
  start: number;
  end: number;
}

const IDENT_START = /[A-Za-z_]/;
/** Variable sigils: part of an identifier when a name follows (`$x`, `@list`, `@ivar`). */
const SIGILS: Record<Lang, string> = {
  python: '',
  js: '$',
  perl: '$@%&',
  ruby: '@$',
  php: '$',
  lua: '',
  r: '',
  cstyle: '',
  elixir: '@',
  erlang: '',
  julia: '',
  haskell: '',
  raku: '$@%&',
  lisp: '',
};
const IDENT_PART = /[A-Za-z0-9_]/;

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'if',
  'unless',
  'and',
  'or',
  'not',
  'split',
  'grep',
  'when',
  'while',
  'until',
  'x',
  'in',
  'of',
  'case',
  'yield',
  'await',
  'void',
  'delete',
]);
const REGEX_AFTER_PUNCT = new Set([
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '~',
  '+',
  '-',
  '*',
  '<',
  '>',
]);
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

function unescape(text: string): string {
  return text.replace(/\\(.)/gs, (_m, ch: string) => SIMPLE_ESCAPES[ch] ?? ch);
}

/** Interpolation that makes a double-quoted string's value depend on run time. */
const INTERPOLATION: Record<Lang, RegExp | undefined> = {
  python: undefined, // only f-strings interpolate; handled by prefix
  js: undefined, // only template literals interpolate; handled by the delimiter
  perl: /(^|[^\\])[$@][\w{:]/,
  ruby: /(^|[^\\])#\{/,
  php: /(^|[^\\])\$[\w{]/,
  lua: undefined,
  r: undefined,
  // Groovy, Kotlin and Scala: `"${x}"`, `"$x"`; Swift: `"\(x)"`.
  cstyle: /(^|[^\\])(\$[\w{]|\\\()/,
  elixir: /(^|[^\\])#\{/,
  erlang: undefined,
  julia: /(^|[^\\])\$[\w(]/,
  haskell: undefined,
  raku: /(^|[^\\])([$@][\w{:]|\{)/,
  lisp: undefined,
};

/** Line comments, by language (Lua's are read apart, with its block comments). */
const LINE_COMMENTS: Record<Lang, readonly string[]> = {
  python: ['#'],
  js: ['//'],
  perl: ['#'],
  ruby: ['#'],
  php: ['#', '//'],
  lua: [],
  r: ['#'],
  cstyle: ['//'],
  elixir: ['#'],
  erlang: ['%'],
  julia: ['#'],
  haskell: ['--'],
  raku: ['#'],
  lisp: [';'],
};

/** Block comments: `/* … *\/`, Julia's `#= … =#`, Haskell's `{- … -}`. */
const BLOCK_COMMENTS: Partial<Record<Lang, readonly [string, string]>> = {
  js: ['/*', '*/'],
  php: ['/*', '*/'],
  cstyle: ['/*', '*/'],
  julia: ['#=', '=#'],
  haskell: ['{-', '-}'],
};

/** What a backtick opens: a template literal (JS), a command run by the shell, or a quoted name (R, Scala). */
const BACKTICK: Partial<Record<Lang, 'template' | 'shell'>> = {
  js: 'template',
  perl: 'shell',
  ruby: 'shell',
  php: 'shell',
  julia: 'shell',
};

export function tokenize(code: string, lang: Lang): Token[] {
  if (lang === 'lisp') return tokenizeLisp(code);
  const tokens: Token[] = [];
  let i = 0;
  let newline = true;
  const n = code.length;

  const push = (kind: Token['kind'], text: string, start: number, dynamic = false) => {
    tokens.push({ kind, text, dynamic, newline, start, end: i });
    newline = false;
  };
  const previous = () => tokens[tokens.length - 1];
  const regexAllowed = () => {
    const p = previous();
    if (!p) return true;
    if (p.kind === 'punct') return REGEX_AFTER_PUNCT.has(p.text);
    if (p.kind === 'ident') return REGEX_AFTER_WORD.has(p.text);
    return false;
  };

  /** Reads up to the closing delimiter (nesting brackets), honouring backslash escapes. */
  const readDelimited = (open: string): string => {
    const close = CLOSERS[open] ?? open;
    let depth = 1;
    let out = '';
    while (i < n) {
      const c = code[i]!;
      if (c === '\\' && i + 1 < n) {
        out += c + code[i + 1];
        i += 2;
        continue;
      }
      if (c === close && close !== open) {
        if (--depth === 0) break;
      } else if (c === open && close !== open) depth++;
      else if (c === close) break;
      out += c;
      i++;
    }
    i++; // the closing delimiter
    return out;
  };

  while (i < n) {
    const c = code[i]!;
    const start = i;
    if (c === '\n') {
      newline = true;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // Comments.
    // Lua's `#t` is a length; its comments start with `--` (`--[[ … ]]` for a block).
    if (lang === 'lua' && c === '-' && code[i + 1] === '-') {
      const block = /^--\[(=*)\[/.exec(code.slice(i, i + 40));
      const endAt = block ? code.indexOf(`]${block[1]}]`, i) : -1;
      if (block) i = endAt < 0 ? n : endAt + block[1]!.length + 2;
      else while (i < n && code[i] !== '\n') i++;
      continue;
    }
    // Lua's long strings: [[…]], [==[…]==].
    const long = lang === 'lua' && c === '[' ? /^\[(=*)\[/.exec(code.slice(i, i + 40)) : null;
    if (long) {
      const close = `]${long[1]}]`;
      const endAt = code.indexOf(close, i + long[0].length);
      const body = code.slice(i + long[0].length, endAt < 0 ? n : endAt);
      i = endAt < 0 ? n : endAt + close.length;
      push('string', body.replace(/^\n/, ''), start);
      continue;
    }
    const block = BLOCK_COMMENTS[lang];
    if (block && code.startsWith(block[0], i)) {
      const endAt = code.indexOf(block[1], i + block[0].length);
      i = endAt < 0 ? n : endAt + block[1].length;
      continue;
    }
    if (LINE_COMMENTS[lang].some((marker) => code.startsWith(marker, i))) {
      while (i < n && code[i] !== '\n') i++;
      continue;
    }
    // Erlang's character literals (`$"`, `$%`) are not strings or comments.
    if (lang === 'erlang' && c === '$' && i + 1 < n) {
      i += 2;
      push('number', code.slice(start, i), start);
      continue;
    }
    // Raku's word lists: `run <rm -rf /x>` is `run('rm', '-rf', '/x')`.
    const words = lang === 'raku' && c === '<' ? /^<([^\s<>=][^<>\n]*)>/.exec(code.slice(i)) : null;
    if (words) {
      i += words[0].length;
      push('punct', '(', start);
      words[1]!
        .split(/\s+/)
        .filter(Boolean)
        .forEach((w, k) => {
          if (k) push('punct', ',', start);
          push('string', w, start);
        });
      push('punct', ')', start);
      continue;
    }
    // Python strings, with optional prefixes (r, b, f, rb…).
    if (lang === 'python') {
      const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(code.slice(i, i + 5));
      if (m && (m[1] === '' || !IDENT_PART.test(code[i - 1] ?? ''))) {
        const prefix = m[1]!.toLowerCase();
        const quote = m[2]!;
        i += m[0].length;
        let out = '';
        while (i < n && !code.startsWith(quote, i)) {
          if (code[i] === '\\' && i + 1 < n && !prefix.includes('r')) {
            out += code[i]! + code[i + 1]!;
            i += 2;
            continue;
          }
          out += code[i];
          i++;
        }
        i += quote.length;
        const value = prefix.includes('r') ? out : unescape(out);
        const dynamic = prefix.includes('f') && /\{[^{]/.test(out.replace(/\{\{/g, ''));
        push('string', value, start, dynamic);
        continue;
      }
    }
    if (c === "'" || c === '"') {
      i++;
      const raw = readDelimited(c);
      const single = c === "'";
      const interpolation = INTERPOLATION[lang];
      const dynamic = !single && interpolation !== undefined && interpolation.test(raw);
      const value =
        single && ['perl', 'ruby', 'php'].includes(lang) ? raw.replace(/\\(['\\])/g, '$1') : unescape(raw);
      push('string', value, start, dynamic);
      continue;
    }
    if (c === '`') {
      i++;
      const raw = readDelimited('`');
      const opens = BACKTICK[lang];
      if (opens === 'template') push('string', unescape(raw), start, raw.includes('${'));
      else if (opens === 'shell')
        push('shell', unescape(raw), start, (INTERPOLATION[lang] ?? /\$/).test(raw));
      else push('punct', '`', start); // R, Scala, Haskell: a quoted name
      continue;
    }
    // Perl quote-like operators: q qq qw qx m s tr y, and Ruby percent literals: %q %Q %w %W %i %x %( …
    if ((lang === 'perl' || lang === 'raku') && /[a-z]/.test(c) && !/[\w>-]/.test(code[i - 1] ?? '')) {
      const m = /^(qq|qw|qx|q|m|s|tr|y)\s*([^\w\s,;=)}\]>])/.exec(code.slice(i, i + 8));
      if (m) {
        const op = m[1]!;
        const open = m[2]!;
        i += m[0].length;
        const body = readDelimited(open);
        if (op === 's' || op === 'tr' || op === 'y') {
          // A second part follows: s/a/b/ or s{a}{b}.
          if (CLOSERS[open]) {
            while (i < n && /\s/.test(code[i]!)) i++;
            const second = code[i] ?? '';
            i++;
            readDelimited(second);
          } else readDelimited(open);
          while (i < n && /[a-z]/.test(code[i]!)) i++; // flags
          push('punct', 'regex', start);
        } else if (op === 'm') {
          while (i < n && /[a-z]/.test(code[i]!)) i++;
          push('punct', 'regex', start);
        } else if (op === 'qw') {
          push('punct', '(', start);
          for (const w of body.split(/\s+/).filter(Boolean)) push('string', w, start);
          push('punct', ')', start);
        } else if (op === 'qx') push('shell', body, start, /[$@]\w/.test(body));
        else push('string', body, start, op === 'qq' && /[$@]\w/.test(body));
        continue;
      }
    }
    // Ruby reads `puts %x(…)` (space before, none after) as a literal, and `a % b` as a remainder.
    const percentLiteral = regexAllowed() || (previous()?.kind === 'ident' && /\s/.test(code[i - 1] ?? ''));
    if (
      lang === 'ruby' &&
      c === '%' &&
      percentLiteral &&
      /^[qQwWiIx]?[^\w\s=]/.test(code.slice(i + 1, i + 3))
    ) {
      const hasType = /[qQwWiIx]/.test(code[i + 1]!);
      const type = hasType ? code[i + 1]! : 'Q';
      const open = code[i + (hasType ? 2 : 1)]!;
      if (!(type === 'Q' && !hasType && !CLOSERS[open])) {
        i += hasType ? 3 : 2;
        const body = readDelimited(open);
        if (type === 'w' || type === 'W' || type === 'i' || type === 'I') {
          push('punct', '[', start);
          for (const w of body.split(/\s+/).filter(Boolean)) push('string', w, start);
          push('punct', ']', start);
        } else if (type === 'x') push('shell', body, start, body.includes('#{'));
        else push('string', body, start, type !== 'q' && body.includes('#{'));
        continue;
      }
    }
    // Regular expression literals (JS, Perl, Ruby), told apart from division by what precedes them.
    if (c === '/' && ['js', 'perl', 'ruby', 'raku'].includes(lang) && regexAllowed()) {
      i++;
      readDelimited('/');
      while (i < n && /[a-z]/.test(code[i]!)) i++;
      push('punct', 'regex', start);
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < n && /[0-9A-Za-z_.]/.test(code[i]!)) i++;
      push('number', code.slice(start, i), start);
      continue;
    }
    const sigil =
      SIGILS[lang].includes(c) && (IDENT_PART.test(code[i + 1] ?? '') || c + code[i + 1] === '@@');
    if (IDENT_START.test(c) || sigil || (lang === 'js' && c === '$')) {
      i++;
      while (i < n && code[i] === '@') i++;
      // Haskell's primes are part of a name (`foldl'`).
      while (i < n && (IDENT_PART.test(code[i]!) || (lang === 'haskell' && code[i] === "'"))) i++;
      const endsInMark = lang === 'ruby' || lang === 'elixir';
      if (endsInMark && (code[i] === '?' || code[i] === '!') && code[i + 1] !== '=') i++;
      push('ident', code.slice(start, i), start);
      continue;
    }
    // Erlang's `file:delete(…)` is a call of `delete` in module `file`, read as `file.delete(…)`.
    if (
      lang === 'erlang' &&
      c === ':' &&
      previous()?.kind === 'ident' &&
      IDENT_START.test(code[i + 1] ?? '')
    ) {
      i++;
      push('punct', '.', start);
      continue;
    }
    i++;
    push('punct', c, start);
  }
  return tokens;
}
