import type { Effect } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { first, getopt, has, sqlFile, unknownSql, values } from './common.js';
import { serverHints } from './servers.js';
import { fromStdin, shellSql } from './sql-shells.js';

// MySQL Shell: `mysqlsh --sql root@prod-db -e "DROP TABLE t"`. Its language is JavaScript unless --sql
// (--sqlc, --sqlx) says SQL, or a file's extension does: SQL goes through the SQL assessment like mysql's;
// JavaScript or Python (`util.loadDump`, `dba.dropMetadataSchema`) is code that was not inspected. A call
// after `--` (`mysqlsh root@h -- util load-dump /d`) is an API call, not inspected either.

const WITH_VALUE = [
  '-e',
  '--execute',
  '-f',
  '--file',
  '--uri',
  '-h',
  '--host',
  '-P',
  '--port',
  '-u',
  '--user',
  '--dbuser',
  '-D',
  '--schema',
  '--database',
  '-S',
  '--socket',
  '--log-level',
  '--connect-timeout',
  '--result-format',
  '--auth-method',
  '--server-public-key-path',
  '--ssl-mode',
  '--ssl-ca',
  '--ssl-cert',
  '--ssl-key',
  '--pym',
];

const SQL_MODES = ['--sql', '--sqlc', '--sqlx'];
const CODE_MODES = ['--js', '--javascript', '--py', '--python'];

/** `-pSECRET` is a password glued to -p (as mysql's), not a cluster of flags. */
const withoutPasswords = (args: readonly Word[]) => args.filter((w) => !/^-p/.test(w.value));

export function mysqlsh(inv: Invocation, parser: SqlParser): Effect[] {
  const args = withoutPasswords(inv.args);
  const dashes = args.findIndex((w) => w.value === '--' && !w.dynamic);
  const { options, positionals } = getopt(dashes < 0 ? args : args.slice(0, dashes), WITH_VALUE);
  if (has(options, '--help', '-?', '-V', '--version')) return [];
  const uri = first(options, '--uri') ?? positionals[0];
  const hints = [
    ...serverHints('flag --host', first(options, '-h', '--host')?.value),
    ...serverHints('mysqlsh URI', uri?.dynamic ? undefined : uri?.value),
  ];
  const tool = inv.name;
  const sqlMode = has(options, ...SQL_MODES) && !has(options, ...CODE_MODES);
  const language = has(options, '--py', '--python') ? 'Python' : 'JavaScript';
  const run = (text: { value: string; dynamic: boolean }) =>
    sqlMode
      ? shellSql(parser, tool, text, 'mysql', hints)
      : [unknownSql(tool, `${language} code`, `${language}: ${text.value.slice(0, 80)}`, hints)];
  const effects = values(options, '-e', '--execute').flatMap(run);
  for (const file of values(options, '-f', '--file')) {
    const isSql = !file.dynamic && /\.sql$/i.test(file.value);
    const sql = isSql ? sqlFile(inv, file) : { unknown: `the script ${file.value}` };
    if (sql && 'text' in sql)
      effects.push(...shellSql(parser, tool, { value: sql.text, dynamic: false }, 'mysql', hints));
    else if (sql) effects.push(unknownSql(tool, `code from ${sql.unknown}`, `script ${file.value}`, hints));
  }
  const call = dashes >= 0 ? args.slice(dashes + 1).map((w) => w.value) : [];
  // `-- cluster status`, `-- util check-for-server-upgrade`: API calls that only look.
  if (call.length && !/^(check|status|describe|list|get|help|options)/.test(call[1] ?? '')) {
    effects.push(
      unknownSql(tool, `the API call \`${call.join(' ')}\``, `mysqlsh -- ${call.join(' ')}`, hints),
    );
  }
  if (effects.length === 0 && !has(options, '-e', '--execute', '-f', '--file'))
    effects.push(...fromStdin(inv, run, tool, hints));
  return effects;
}
