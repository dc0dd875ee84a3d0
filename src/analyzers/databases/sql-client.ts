import { effect, type SqlEffect } from './sql-ast.js';
import type { Dialect } from './sql-text.js';

// Client commands in a script: psql backslash commands, sqlite dot-commands, mysql `source`/`system`.

/** Client commands: run a file, run a shell command, restore a database… */
export function metaCommand(text: string, dialect: Dialect): SqlEffect[] {
  const m = /^(\\[!a-zA-Z.]+|\.[a-z]+|source|system|pager)\s*(.*)$/is.exec(text);
  if (!m) return [];
  const command = m[1]!.toLowerCase();
  const rest = m[2]!.trim();
  const runsFile = ['\\i', '\\ir', '\\include', '\\include_relative', '\\.', 'source', '.read'];
  if (runsFile.includes(command))
    return [
      effect(
        'modify',
        'medium',
        `SQL file ${rest}`,
        `runs SQL from a file that was not inspected (${rest})`,
        'database',
      ),
    ];
  // The client runs these on this machine, whatever server it is connected to: the command is assessed as shell.
  if (['\\!', '.shell', '.system', 'system'].includes(command))
    return [
      effect(
        'execute-unverifiable',
        'high',
        rest || 'a shell',
        `${command} runs a shell command: ${rest}`,
        'database',
        rest ? { runs: rest } : {},
      ),
    ];
  // mysql's `pager CMD` (`\P CMD`): every result after it is piped to CMD, run through the shell.
  if (dialect === 'mysql' && (command === 'pager' || m[1] === '\\P') && rest)
    return [
      effect(
        'execute-unverifiable',
        'high',
        rest,
        `${command} pipes the results to a shell command: ${rest}`,
        'database',
        { runs: rest },
      ),
    ];
  if (command === '\\gexec')
    return [
      effect(
        'modify',
        'medium',
        'generated SQL',
        '\\gexec runs the SQL a query generates, which is not known here',
        'database',
      ),
    ];
  if (command === '\\copy') {
    if (/\bprogram\b/i.test(rest))
      return [
        effect(
          'execute-unverifiable',
          'high',
          rest,
          `\\copy … PROGRAM runs a shell command: ${rest}`,
          'database',
        ),
      ];
    return /\bfrom\b/i.test(rest) ? [effect('modify', 'low', rest, '\\copy … FROM loads rows', 'table')] : [];
  }
  if (command === '\\password')
    return [effect('modify', 'medium', `role ${rest || 'current'}`, '\\password changes a password', 'iam')];
  if (command === '.restore')
    return [
      effect(
        'replace',
        'high',
        `database ${rest}`,
        `.restore overwrites the database with ${rest}`,
        'database',
      ),
    ];
  if (command === '.import') return [effect('modify', 'low', rest, '.import loads rows', 'table')];
  if (dialect === 'sqlite' && command === '.open' && /--new|-new/.test(rest))
    return [effect('delete', 'high', rest, '.open --new starts the database file afresh', 'database')];
  return [];
}
