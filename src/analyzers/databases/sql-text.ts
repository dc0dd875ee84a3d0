// A lexer for SQL scripts as the database clients read them. It does not parse SQL (libpg-query does that);
// it only knows quoting and comments well enough to split a script into statements, to pull out client
// commands (psql `\i file`, sqlite `.read file`, mysql `source file`), and to turn MySQL `backtick`
// identifiers into "double-quoted" ones outside string literals.

export type Dialect = 'postgres' | 'mysql' | 'sqlite';

export interface SqlPiece {
  /** `meta` is a client command: psql backslash command, sqlite dot-command, mysql client command. */
  kind: 'sql' | 'meta';
  text: string;
}

interface Scanner {
  text: string;
  i: number;
  dialect: Dialect;
}

/** If a quoted string, quoted identifier, comment or dollar-quoted body starts at s.i, skip it and return true. */
function skipQuoted(s: Scanner): boolean {
  const { text, dialect } = s;
  const c = text[s.i]!;
  if (c === "'" || c === '"' || c === '`') {
    // Backslash escapes: MySQL always, PostgreSQL only in E'…' strings.
    const prev = text[s.i - 1] ?? '';
    const backslash =
      dialect === 'mysql' || (c === "'" && /[eE]/.test(prev) && !/\w/.test(text[s.i - 2] ?? ''));
    let j = s.i + 1;
    while (j < text.length) {
      if (backslash && text[j] === '\\') {
        j += 2;
        continue;
      }
      if (text[j] === c) {
        if (text[j + 1] === c) {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    s.i = j + 1;
    return true;
  }
  if (c === '-' && text[s.i + 1] === '-') {
    const end = text.indexOf('\n', s.i);
    s.i = end < 0 ? text.length : end;
    return true;
  }
  if (c === '#' && dialect === 'mysql') {
    const end = text.indexOf('\n', s.i);
    s.i = end < 0 ? text.length : end;
    return true;
  }
  if (c === '/' && text[s.i + 1] === '*') {
    const end = text.indexOf('*/', s.i + 2);
    s.i = end < 0 ? text.length : end + 2;
    return true;
  }
  if (c === '$' && dialect === 'postgres' && !/[\w$]/.test(text[s.i - 1] ?? '')) {
    const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(s.i, s.i + 64));
    if (m) {
      const end = text.indexOf(m[0], s.i + m[0].length);
      s.i = end < 0 ? text.length : end + m[0].length;
      return true;
    }
  }
  return false;
}

function isBlank(text: string, dialect: Dialect): boolean {
  const s: Scanner = { text, i: 0, dialect };
  while (s.i < text.length) {
    const c = text[s.i]!;
    if (/\s/.test(c)) {
      s.i++;
      continue;
    }
    const start = s.i;
    if (skipQuoted(s) && !/['"`$]/.test(c)) continue; // a comment
    s.i = start;
    return false;
  }
  return true;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Split a script into statements and client commands, in order. Blank statements are dropped. */
export function splitSql(text: string, dialect: Dialect): SqlPiece[] {
  const pieces: SqlPiece[] = [];
  const s: Scanner = { text, i: 0, dialect };
  let start = 0;
  let delimiter = ';';
  const flush = (end: number) => {
    const sql = text.slice(start, end);
    if (!isBlank(sql, dialect)) pieces.push({ kind: 'sql', text: sql.trim() });
  };
  const atLineStartOfEmptyStatement = () => {
    const before = text.slice(start, s.i);
    return isBlank(before, dialect) && /(^|\n)[ \t]*$/.test(text.slice(0, s.i));
  };
  while (s.i < text.length) {
    const c = text[s.i]!;
    if (text.startsWith(delimiter, s.i) && (delimiter !== ';' || c === ';')) {
      flush(s.i);
      s.i += delimiter.length;
      start = s.i;
      continue;
    }
    if (skipQuoted(s)) continue;
    // psql: a backslash outside quotes starts a meta-command that runs to the end of the line
    // (`SELECT 1 \gx` sends the buffer). mysql: \G and \g end a statement, other letters are commands.
    if (c === '\\' && dialect !== 'sqlite') {
      const end = lineEnd(text, s.i);
      const meta = text.slice(s.i, end).trim();
      if (dialect === 'mysql' && /^\\[gG]/.test(meta)) {
        flush(s.i);
        s.i += 2;
        start = s.i;
        continue;
      }
      flush(s.i);
      pieces.push({ kind: 'meta', text: meta });
      s.i = end;
      start = s.i;
      continue;
    }
    if (dialect === 'sqlite' && c === '.' && atLineStartOfEmptyStatement()) {
      const end = lineEnd(text, s.i);
      pieces.push({ kind: 'meta', text: text.slice(s.i, end).trim() });
      s.i = end;
      start = s.i;
      continue;
    }
    if (dialect === 'mysql' && /[dDsSpP]/.test(c) && atLineStartOfEmptyStatement()) {
      const end = lineEnd(text, s.i);
      const line = text.slice(s.i, end).trim();
      const m = /^delimiter\s+(\S+)/i.exec(line);
      // Client commands by name, which take the rest of the line (the mysql manual's "mysql Client Commands").
      if (m || /^(source|system|pager)\s/i.test(line)) {
        if (m) delimiter = m[1]!;
        else pieces.push({ kind: 'meta', text: line });
        s.i = end;
        start = s.i;
        continue;
      }
    }
    s.i++;
  }
  flush(text.length);
  return pieces;
}

/** MySQL `identifier` → "identifier", outside string literals and comments. */
export function backticksToDoubleQuotes(sql: string): string {
  const s: Scanner = { text: sql, i: 0, dialect: 'mysql' };
  let out = '';
  while (s.i < sql.length) {
    const start = s.i;
    if (sql[s.i] === '`' && skipQuoted(s)) {
      const inner = sql.slice(start + 1, s.i - 1).replaceAll('``', '`');
      out += `"${inner.replaceAll('"', '""')}"`;
      continue;
    }
    if (skipQuoted(s)) {
      out += sql.slice(start, s.i);
      continue;
    }
    out += sql[s.i];
    s.i++;
  }
  return out;
}

/**
 * The words and punctuation of a statement outside literals and comments, words upper-cased. Used only to
 * name statements the PostgreSQL grammar rejects (SHOW CREATE TABLE, DESCRIBE, PRAGMA…).
 */
export function sqlWords(sql: string, dialect: Dialect): string[] {
  const s: Scanner = { text: sql, i: 0, dialect };
  const words: string[] = [];
  while (s.i < sql.length) {
    const c = sql[s.i]!;
    if (/\s/.test(c)) {
      s.i++;
      continue;
    }
    const start = s.i;
    if (skipQuoted(s)) {
      if (/['"`$]/.test(c)) words.push(c === '`' || c === '"' ? 'identifier' : 'literal');
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(start, start + 128));
    if (m) {
      words.push(m[0].toUpperCase());
      s.i += m[0].length;
      continue;
    }
    words.push(c);
    s.i++;
  }
  return words;
}
