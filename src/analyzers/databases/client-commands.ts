import { effect, type SqlEffect } from './sql-ast.js';

// Client commands a SQL shell runs itself, on lines of their own: sqlcmd's `GO` (ends a batch), `!! CMD`
// (a shell command) and `:r FILE` (runs a file); snowsql's `!system CMD`, `!source FILE`, `!load FILE`.
// The server never sees them, so libpg-query must not either: each line becomes an effect (or nothing) and
// the rest stays SQL, so `DROP TABLE t` followed by `GO` is still read as a DROP.

export type ClientCommands = 'sqlcmd' | 'snowsql';

const shell = (command: string): SqlEffect =>
  effect(
    'execute-unverifiable',
    'high',
    command || 'a shell',
    `the client runs a shell command: ${command}`,
    'database',
  );
const file = (name: string): SqlEffect =>
  effect(
    'modify',
    'medium',
    `SQL file ${name}`,
    `runs SQL from a file that was not inspected (${name})`,
    'database',
  );

/** One line: undefined when it is SQL, else what the client does with it (and what replaces it). */
function line(client: ClientCommands, text: string): { sql: string; effect?: SqlEffect } | undefined {
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
  const sql = text
    .split('\n')
    .map((l) => {
      const found = line(client, l);
      if (!found) return l;
      if (found.effect) effects.push(found.effect);
      return found.sql;
    })
    .join('\n');
  return { sql, effects };
}
