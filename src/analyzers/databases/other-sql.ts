import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { first, getopt, has, hostHint, sqlEffects, stamp, values } from './common.js';

// Clients of SQL-like databases with a statement on the command line: `cqlsh -e "DROP KEYSPACE analytics"`,
// `clickhouse-client -q "TRUNCATE TABLE events"`. Both were unrecognised programs, allowed. Their statements
// are read by the same SQL assessment as mysql's (libpg-query with MySQL's quoting): DROP, TRUNCATE, DELETE
// and ALTER are found as they are there, CQL's keyspaces and column families read as SQL's schemas and tables;
// a statement it cannot parse (`CREATE KEYSPACE … WITH replication = {…}`) is an unknown change (medium),
// never a silent read.

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
    stamp(sqlEffects(parser, { ...statement, value: cqlAsSql(statement.value) }, 'mysql'), inv.name, hints),
  );
}

/**
 * CQL's names for SQL's objects, so that the SQL parser reads what they do: a keyspace is a schema (`DROP
 * KEYSPACE billing` drops every table in it), a column family a table. Only the object keyword after DROP,
 * ALTER, CREATE or TRUNCATE is renamed; the rest of the text is left as written.
 */
function cqlAsSql(cql: string): string {
  return cql.replace(
    /\b(DROP|ALTER|CREATE|TRUNCATE)(\s+)(KEYSPACE|SCHEMA|COLUMNFAMILY)\b/gi,
    (_, verb: string, space: string, object: string) =>
      `${verb}${space}${object.toUpperCase() === 'COLUMNFAMILY' ? 'TABLE' : 'SCHEMA'}`,
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
