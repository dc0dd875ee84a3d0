import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { first, getopt, has, hostHint, sqlEffects, stamp, values } from './common.js';

// Clients of SQL-like databases with a statement on the command line: `cqlsh -e "DROP KEYSPACE analytics"`,
// `clickhouse-client -q "TRUNCATE TABLE events"`. Both were unrecognised programs, allowed. Their statements
// are read by the same SQL assessment as mysql's (libpg-query with MySQL's quoting): DROP, TRUNCATE, DELETE
// and ALTER are found as they are there; a statement it cannot parse (CQL's `DROP KEYSPACE`) is an unknown
// change (medium), never a silent read.

const CQLSH_VALUE = [
  '-e',
  '--execute',
  '-f',
  '--file',
  '-k',
  '--keyspace',
  '-u',
  '--username',
  '-p',
  '--password',
  '--cqlshrc',
  '--connect-timeout',
  '--request-timeout',
  '--encoding',
  '--cqlversion',
  '--protocol-version',
];
const CLICKHOUSE_VALUE = [
  '-q',
  '--query',
  '-h',
  '--host',
  '--port',
  '-u',
  '--user',
  '--password',
  '-d',
  '--database',
  '--queries-file',
  '--format',
  '-f',
  '--param_',
];

/** `cqlsh [HOST [PORT]] -e STATEMENT [-k KEYSPACE]`. */
export function cqlsh(inv: Invocation, parser: SqlParser): Effect[] {
  const { options, positionals } = getopt(inv.args, CQLSH_VALUE);
  if (has(options, '--help', '-h', '--version')) return [];
  const keyspace = first(options, '-k', '--keyspace');
  const hints: EnvironmentHint[] = [
    ...hostHint('host', positionals[0]),
    ...(keyspace ? [{ source: 'keyspace name', value: keyspace.value, weak: true as const }] : []),
  ];
  return values(options, '-e', '--execute').flatMap((statement) =>
    stamp(sqlEffects(parser, statement, 'mysql'), inv.name, hints),
  );
}

/** `clickhouse-client --host H --query STATEMENT [--database D]` (also `clickhouse client`). */
export function clickhouse(inv: Invocation, parser: SqlParser): Effect[] {
  const args = inv.name === 'clickhouse' && inv.args[0]?.value === 'client' ? inv.args.slice(1) : inv.args;
  if (inv.name === 'clickhouse' && args === inv.args) return [];
  const { options } = getopt(args, CLICKHOUSE_VALUE);
  const database = first(options, '-d', '--database');
  const hints: EnvironmentHint[] = [
    ...hostHint('--host', first(options, '-h', '--host')),
    ...(database ? [{ source: 'database name', value: database.value, weak: true as const }] : []),
  ];
  return values(options, '-q', '--query').flatMap((statement) =>
    stamp(sqlEffects(parser, statement, 'mysql'), inv.name, hints),
  );
}
