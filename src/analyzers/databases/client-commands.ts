import { effect, type SqlEffect } from './sql-ast.js';

// Client commands a SQL shell runs itself, on lines of their own: sqlcmd's `GO` (ends a batch), `!! CMD`
// (a shell command) and `:r FILE` (runs a file); snowsql's `!system CMD`, `!source FILE`, `!load FILE`;
// SQL*Plus's `HOST CMD` (`!CMD`, `$CMD`), `@FILE`, `START FILE`, `/` (runs the statement) and its settings.
// The server never sees them, so libpg-query must not either: each line becomes an effect (or nothing) and
// the rest stays SQL, so `DROP TABLE t` followed by `GO` is still read as a DROP.

export type ClientCommands = 'sqlcmd' | 'snowsql' | 'sqlplus';

/** The client runs it on this machine, whatever server it is connected to: assessed as shell. */
const shell = (command: string): SqlEffect =>
  effect(
    'execute-unverifiable',
    'high',
    command || 'a shell',
    `the client runs a shell command: ${command}`,
    'database',
    command ? { runs: command } : {},
  );
const file = (name: string): SqlEffect =>
  effect(
    'modify',
    'medium',
    `SQL file ${name}`,
    `runs SQL from a file that was not inspected (${name})`,
    'database',
  );

/**
 * SQL*Plus commands (its User's Guide, "SQL*Plus Command Reference"), each with the shortest abbreviation
 * the client takes: a line that starts with one is the client's, not SQL. `DEL` and `DESC` are not here
 * alone: `DELETE FROM t` and `DESC` are also SQL's first words, told apart below.
 */
const SQLPLUS_SETTINGS =
  /^(acc(e(p(t)?)?)?|a(p(p(e(n(d)?)?)?)?)?|archive|attr(i(b(u(t(e)?)?)?)?)?|bre(a(k)?)?|bti(t(l(e)?)?)?|c(h(a(n(g(e)?)?)?)?)?|cl(e(a(r)?)?)?|col(u(m(n)?)?)?|comp(u(t(e)?)?)?|conn(e(c(t)?)?)?|def(i(n(e)?)?)?|disc(o(n(n(e(c(t)?)?)?)?)?)?|exit|quit|get|help|hist(o(r(y)?)?)?|i(n(p(u(t)?)?)?)?|l(i(s(t)?)?)?|pau(s(e)?)?|pri(n(t)?)?|pro(m(p(t)?)?)?|rem(a(r(k)?)?)?|repf(o(o(t(e(r)?)?)?)?)?|reph(e(a(d(e(r)?)?)?)?)?|sav(e)?|set|sho(w)?|spo(o(l)?)?|store|timi(n(g)?)?|tti(t(l(e)?)?)?|undef(i(n(e)?)?)?|var(i(a(b(l(e)?)?)?)?)?|whenever|xq(u(e(r(y)?)?)?)?)$/i;

function sqlplusLine(text: string): { sql: string; effect?: SqlEffect } | undefined {
  const trimmed = text.trim();
  // `/` and RUN send the statement in the buffer.
  if (/^(\/|r|ru|run)$/i.test(trimmed)) return { sql: ';' };
  // SHUTDOWN stops the instance (STARTUP FORCE first aborts it): every session on it ends.
  if (/^(shutdown\b|startup\s+force\b)/i.test(trimmed))
    return {
      sql: '',
      effect: effect(
        'modify',
        'high',
        'database instance',
        `${trimmed} stops the database instance`,
        'database',
      ),
    };
  if (/^passw(o(r(d)?)?)?\b/i.test(trimmed))
    return {
      sql: '',
      effect: effect('modify', 'medium', 'role current', 'PASSWORD changes a password', 'iam'),
    };
  const host = /^(?:ho(?:st?)?\s+|[!$])(.*)$/is.exec(trimmed);
  if (host) return { sql: '', effect: shell(host[1]!.trim()) };
  const runs = /^(?:@@?|sta(?:rt?)?\s+)(\S+)/i.exec(trimmed);
  if (runs) return { sql: '', effect: file(runs[1]!) };
  // `EXEC proc(…)`: a PL/SQL call, what it changes is the procedure's.
  const exec = /^exec(?:u(?:te?)?)?\s+(.*)$/is.exec(trimmed);
  if (exec)
    return {
      sql: '',
      effect: effect(
        'modify',
        'medium',
        `PL/SQL ${exec[1]!.trim()}`,
        `runs PL/SQL that was not inspected (${exec[1]!.trim()})`,
        'database',
      ),
    };
  const first = /^([a-z]+)\b/i.exec(trimmed)?.[1];
  if (first && SQLPLUS_SETTINGS.test(first)) return { sql: '' };
  // DESCRIBE (DESC t) and DEL (a line of the buffer) have no second word that SQL's DELETE or a DESC
  // ordering would start a statement with.
  if (/^(desc(r(i(b(e)?)?)?)?|del)(\s+[\w.$#"]+)?\s*;?$/i.test(trimmed)) return { sql: '' };
  return undefined;
}

/**
 * SQL*Plus takes the lines of a PL/SQL block (from DECLARE, BEGIN or CREATE PROCEDURE… to a line of `/`
 * or `.`) as the block's, never as its own commands: `EXECUTE IMMEDIATE '…'` there is PL/SQL, not EXEC.
 * Called for each line in order; true while the line belongs to a block (the closing `/` does not).
 */
function plsqlBlock(): (line: string) => boolean {
  let open = false;
  return (text) => {
    const trimmed = text.trim();
    if (open) {
      open = trimmed !== '/' && trimmed !== '.';
      return open;
    }
    open =
      /^(declare|begin)\b/i.test(trimmed) ||
      /^create\s+(or\s+replace\s+)?((non)?editionable\s+)?(procedure|function|package|trigger|type)\b/i.test(
        trimmed,
      );
    return open;
  };
}

/** One line: undefined when it is SQL, else what the client does with it (and what replaces it). */
function line(client: ClientCommands, text: string): { sql: string; effect?: SqlEffect } | undefined {
  if (client === 'sqlplus') return sqlplusLine(text);
  if (client === 'sqlcmd') {
    if (/^\s*go(\s+\d+)?\s*$/i.test(text)) return { sql: ';' };
    const bang = /^\s*:?!!(.*)$/.exec(text);
    if (bang) return { sql: '', effect: shell(bang[1]!.trim()) };
    const read = /^\s*:r\s+(.*)$/i.exec(text);
    if (read) return { sql: '', effect: file(read[1]!.trim()) };
    // :setvar, :connect, :on error, :out…: settings of the client.
    if (/^\s*:[a-z]+\b/i.test(text)) return { sql: '' };
    return undefined;
  }
  const command = /^\s*!(\w+)\s*(.*)$/.exec(text);
  if (!command) return undefined;
  const [, name, rest] = command;
  if (/^system$/i.test(name!)) return { sql: '', effect: shell(rest!.trim()) };
  if (/^(source|load)$/i.test(name!)) return { sql: '', effect: file(rest!.trim()) };
  return { sql: '' };
}

/** The SQL left once the client's own lines are taken out, and what those lines do. */
export function clientScript(client: ClientCommands, text: string): { sql: string; effects: SqlEffect[] } {
  const effects: SqlEffect[] = [];
  const inBlock = plsqlBlock();
  const sql = text
    .split('\n')
    .map((l) => {
      const found = client === 'sqlplus' && inBlock(l) ? undefined : line(client, l);
      if (!found) return l;
      if (found.effect) effects.push(found.effect);
      return found.sql;
    })
    .join('\n');
  return { sql, effects };
}
