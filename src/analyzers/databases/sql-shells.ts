import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { clientScript, type ClientCommands } from './client-commands.js';
import { getopt, has, sqlEffects, sqlFile, stamp, stdinSource, unknownSql, values } from './common.js';
import { nameHints, serverHints } from './servers.js';
import type { Dialect } from './sql-text.js';

// The SQL shells of warehouses and other servers: `trino --server S --execute 'SQL'`, `beeline -u URL -e`,
// `hive -e`, `impala-shell -i H -q`, `spark-sql -e`, `sqlcmd -S SERVER -Q`, `usql URL -c`, `vsql -h H -c`,
// `snowsql -a ACCOUNT -q`. They were unrecognised programs: `trino --execute 'DROP TABLE sales'` was allowed.
// Each is described by a table (which options carry SQL, a SQL file, the server, a database's name) and read
// like psql: the SQL through the same assessment, a file read at the edge, stdin when it gives none.

export interface SqlShell {
  /** Options that take a value (the rest are flags). */
  withValue: readonly string[];
  /** Options whose value is SQL. */
  sql: readonly string[];
  /** Options whose value names a SQL file it runs (`-` is stdin). */
  files: readonly string[];
  /** Options naming the server, account or saved connection: where it lands. */
  servers?: readonly string[];
  /** Options naming a database, catalog, schema or warehouse: weak names. */
  names?: readonly string[];
  /** Options that only print help or a version. */
  info?: readonly string[];
  dialect: Dialect;
  /** What the first positional names: the server (a URL) or a database. */
  positional?: 'server' | 'database';
  /** With no SQL and no file, it runs what stdin gives (a pipe, `< file`); a terminal is a session. */
  stdin?: boolean;
  /** Variables that name the server or a database when no option does. */
  env?: readonly { name: string; weak?: boolean }[];
  /** Its own client commands inside the SQL (sqlcmd's `GO`, `!!`; snowsql's `!system`). */
  client?: ClientCommands;
  /** A value that lists several files (`sqlcmd -i a.sql,b.sql`). */
  fileSeparator?: string;
}

const HIVECONF = ['--hiveconf', '--hivevar', '-d', '--define'];

const SPARK_SUBMIT = [
  '--master',
  '--deploy-mode',
  '--class',
  '--name',
  '--jars',
  '--packages',
  '--exclude-packages',
  '--repositories',
  '--py-files',
  '--files',
  '--archives',
  '--conf',
  '-c',
  '--properties-file',
  '--driver-memory',
  '--driver-java-options',
  '--driver-library-path',
  '--driver-class-path',
  '--driver-cores',
  '--executor-memory',
  '--executor-cores',
  '--num-executors',
  '--total-executor-cores',
  '--proxy-user',
  '--queue',
  '--principal',
  '--keytab',
];

const TRINO: SqlShell = {
  withValue: [
    '--server',
    '--catalog',
    '--schema',
    '--execute',
    '-e',
    '-f',
    '--file',
    '--user',
    '--source',
    '--session',
    '--output-format',
    '--output-format-interactive',
    '--client-info',
    '--client-tags',
    '--trace-token',
    '--resource-estimate',
    '--extra-credential',
    '--client-request-timeout',
    '--keystore-path',
    '--keystore-password',
    '--truststore-path',
    '--truststore-password',
    '--access-token',
    '--http-proxy',
    '--socks-proxy',
    '--timezone',
    '--path',
    '--history-file',
    '--editing-mode',
    '--network-logging',
    '--krb5-principal',
    '--krb5-keytab-path',
    '--krb5-config-path',
    '--krb5-remote-service-name',
  ],
  sql: ['--execute', '-e'],
  files: ['-f', '--file'],
  servers: ['--server'],
  names: ['--catalog', '--schema'],
  info: ['--help', '-h', '--version', '-V'],
  dialect: 'postgres',
  positional: 'server',
  stdin: true,
  env: [{ name: 'TRINO_SERVER' }],
};

const BEELINE: SqlShell = {
  withValue: [
    '-u',
    '-n',
    '-p',
    '-e',
    '-f',
    '-i',
    '-w',
    '-a',
    '-r',
    '--property-file',
    '--hiveconf',
    '--hivevar',
    '--outputformat',
    '--delimiterForDSV',
  ],
  sql: ['-e'],
  files: ['-f', '-i'],
  servers: ['-u'],
  info: ['--help', '-h'],
  dialect: 'mysql',
  stdin: true,
};

const HIVE: SqlShell = {
  withValue: ['-e', '-f', '-i', ...HIVECONF, '--database', '--service', '--auxpath'],
  sql: ['-e'],
  files: ['-f', '-i'],
  names: ['--database'],
  info: ['-H', '--help', '--version'],
  dialect: 'mysql',
  stdin: true,
};

const IMPALA: SqlShell = {
  withValue: [
    '-i',
    '--impalad',
    '-q',
    '--query',
    '-f',
    '--query_file',
    '-d',
    '--database',
    '-o',
    '--output_file',
    '-u',
    '--user',
    '--var',
    '--config_file',
    '--ca_cert',
    '--output_delimiter',
    '--delimiter',
    '-b',
    '--kerberos_host_fqdn',
    '-s',
    '--kerberos_service_name',
    '--ldap_password_cmd',
    '-Q',
    '--query_option',
    '--client_connect_timeout_ms',
    '--protocol',
    '--http_path',
  ],
  sql: ['-q', '--query'],
  files: ['-f', '--query_file'],
  servers: ['-i', '--impalad'],
  names: ['-d', '--database'],
  info: ['-h', '--help', '-v', '--version'],
  dialect: 'mysql',
};

const SPARK_SQL: SqlShell = {
  withValue: [...SPARK_SUBMIT, '-e', '-f', '-i', ...HIVECONF, '--database'],
  sql: ['-e'],
  files: ['-f', '-i'],
  servers: ['--master'],
  names: ['--database', '--queue'],
  info: ['-h', '--help', '--version'],
  dialect: 'mysql',
  stdin: true,
};

const SQLCMD: SqlShell = {
  withValue: [
    '-S',
    '--server',
    '-d',
    '--database-name',
    '-U',
    '--user-name',
    '-P',
    '-Q',
    '--query',
    '-q',
    '--initial-query',
    '-i',
    '--input-file',
    '-o',
    '--output-file',
    '-v',
    '--variables',
    '-h',
    '--headers',
    '-s',
    '--column-separator',
    '-w',
    '--screen-width',
    '-l',
    '--login-timeOut',
    '-t',
    '--query-timeout',
    '-a',
    '--packet-size',
    '-c',
    '--batch-terminator',
    '-H',
    '--workstation-name',
    '-K',
    '--application-intent',
    '-f',
    '--code-page',
    '-m',
    '--error-level',
    '-V',
    '--error-severity-level',
    '-y',
    '--variable-type-width',
    '-Y',
    '--fixed-type-width',
    '-z',
    '-Z',
    '--authentication-method',
    '--format',
  ],
  sql: ['-Q', '--query', '-q', '--initial-query'],
  files: ['-i', '--input-file'],
  servers: ['-S', '--server'],
  names: ['-d', '--database-name'],
  info: ['-?', '--help', '--version'],
  dialect: 'postgres',
  stdin: true,
  env: [{ name: 'SQLCMDSERVER' }, { name: 'SQLCMDDBNAME', weak: true }],
  client: 'sqlcmd',
  fileSeparator: ',',
};

const USQL: SqlShell = {
  withValue: [
    '-c',
    '--command',
    '-f',
    '--file',
    '-o',
    '--out',
    '-v',
    '--set',
    '--variable',
    '-P',
    '--pset',
    '-F',
    '--field-separator',
    '-R',
    '--record-separator',
    '-T',
    '--table-attr',
    '--config',
  ],
  sql: ['-c', '--command'],
  files: ['-f', '--file'],
  info: ['-h', '--help', '-V', '--version'],
  dialect: 'postgres',
  positional: 'server',
  stdin: true,
};

const VSQL: SqlShell = {
  withValue: [
    '-h',
    '--host',
    '-p',
    '--port',
    '-U',
    '--username',
    '-w',
    '--password',
    '-d',
    '--dbname',
    '-c',
    '--command',
    '-f',
    '--file',
    '-o',
    '--output',
    '-F',
    '--field-separator',
    '-R',
    '--record-separator',
    '-v',
    '--set',
    '--variable',
    '-P',
    '--pset',
    '-B',
    '-k',
    '-K',
    '-m',
    '-T',
    '--table-attr',
  ],
  sql: ['-c', '--command'],
  files: ['-f', '--file'],
  servers: ['-h', '--host', '-B'],
  names: ['-d', '--dbname'],
  info: ['-?', '--help', '-V', '--version'],
  dialect: 'postgres',
  positional: 'database',
  stdin: true,
  env: [{ name: 'VSQL_HOST' }, { name: 'VSQL_DATABASE', weak: true }],
};

const SNOWSQL: SqlShell = {
  withValue: [
    '-a',
    '--accountname',
    '-u',
    '--username',
    '-d',
    '--dbname',
    '-s',
    '--schemaname',
    '-r',
    '--rolename',
    '-w',
    '--warehouse',
    '-h',
    '--host',
    '-p',
    '--port',
    '--region',
    '-c',
    '--connection',
    '-q',
    '--query',
    '-f',
    '--filename',
    '-o',
    '--options',
    '-D',
    '--variable',
    '--config',
    '--authenticator',
    '--private-key-path',
    '--token',
    '-m',
    '--mfa-passcode',
  ],
  sql: ['-q', '--query'],
  files: ['-f', '--filename'],
  servers: ['-a', '--accountname', '-c', '--connection', '-h', '--host'],
  names: ['-d', '--dbname', '-s', '--schemaname', '-w', '--warehouse', '-r', '--rolename'],
  info: ['-?', '--help', '-v', '--version'],
  dialect: 'mysql',
  stdin: true,
  env: [{ name: 'SNOWSQL_ACCOUNT' }, { name: 'SNOWSQL_DATABASE', weak: true }],
  client: 'snowsql',
};

export const SQL_SHELLS: Readonly<Record<string, SqlShell>> = {
  trino: TRINO,
  presto: TRINO,
  'trino-cli': TRINO,
  'presto-cli': TRINO,
  beeline: BEELINE,
  hive: HIVE,
  'impala-shell': IMPALA,
  'spark-sql': SPARK_SQL,
  sqlcmd: SQLCMD,
  usql: USQL,
  vsql: VSQL,
  snowsql: SNOWSQL,
};

/** usql's URL scheme says which database, and so how its SQL is quoted. */
function usqlDialect(url: string | undefined): Dialect | undefined {
  const scheme = /^([a-z0-9]+)(?::|$)/i.exec(url ?? '')?.[1]?.toLowerCase();
  if (!scheme) return undefined;
  if (/^(my|mysql|maria|mariadb|tidb|vitess|vt|memsql)$/.test(scheme)) return 'mysql';
  if (/^(sq|sqlite|sqlite3|file|dk|duckdb)$/.test(scheme)) return 'sqlite';
  return undefined;
}

/** Where the shell lands: its server options, the first positional, its variables, its names. */
function shellHints(
  inv: Invocation,
  shell: SqlShell,
  options: Map<string, Word[]>,
  positionals: readonly Word[],
): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (const option of shell.servers ?? [])
    for (const w of options.get(option) ?? []) hints.push(...serverHints(`flag ${option}`, w.value));
  const first = positionals[0];
  if (first && !first.dynamic && shell.positional === 'server')
    hints.push(...serverHints(`${inv.name} server`, first.value));
  if (first && !first.dynamic && shell.positional === 'database')
    hints.push(...nameHints('database name', first.value));
  // A variable names the server only when no option or argument does (the shell's own precedence).
  const named = hints.length > 0;
  for (const { name, weak } of shell.env ?? []) {
    const value = inv.env(name);
    if (value && weak) hints.push(...nameHints(`env ${name}`, value));
    else if (value && !named) hints.push(...serverHints(`env ${name}`, value));
  }
  for (const option of shell.names ?? [])
    hints.push(...nameHints(`flag ${option}`, ...(options.get(option) ?? []).map((w) => w.value)));
  return hints;
}

/** SQL text through the shell's client commands, then the SQL assessment. */
export function shellSql(
  parser: SqlParser,
  tool: string,
  text: { value: string; dynamic: boolean },
  dialect: Dialect,
  hints: EnvironmentHint[],
  client?: ClientCommands,
): Effect[] {
  const script = client ? clientScript(client, text.value) : { sql: text.value, effects: [] };
  return stamp(
    [...script.effects, ...sqlEffects(parser, { value: script.sql, dynamic: text.dynamic }, dialect)],
    tool,
    hints,
  );
}

/** What a SQL shell runs: its SQL options, its files, else stdin. */
export function sqlShell(
  inv: Invocation,
  parser: SqlParser,
  shell: SqlShell,
  dialect = shell.dialect,
): Effect[] {
  const { options, positionals } = getopt(inv.args, shell.withValue);
  if (has(options, ...(shell.info ?? []))) return [];
  const hints = shellHints(inv, shell, options, positionals);
  const tool = inv.name;
  const run = (text: { value: string; dynamic: boolean }) =>
    shellSql(parser, tool, text, dialect, hints, shell.client);
  const statements = values(options, ...shell.sql);
  const effects = statements.flatMap(run);
  const files = values(options, ...shell.files).flatMap((w) =>
    shell.fileSeparator && !w.dynamic
      ? w.value.split(shell.fileSeparator).map((value) => ({ value: value.trim(), dynamic: false }))
      : [w],
  );
  let readsStdin = statements.length === 0 && files.length === 0 && shell.stdin === true;
  for (const file of files) {
    if (file.value === '-' && !file.dynamic) {
      readsStdin = true;
      continue;
    }
    // `spark-sql -f s3://bucket/job.sql`: a file elsewhere, not one here that may be missing.
    const elsewhere = /^[a-z][a-z0-9+.-]*:\/\//i.test(file.value);
    const sql = elsewhere ? { unknown: `the file ${file.value}` } : sqlFile(inv, file);
    if (sql && 'text' in sql) effects.push(...run({ value: sql.text, dynamic: false }));
    else if (sql) effects.push(unknownSql(tool, `SQL from ${sql.unknown}`, `SQL file ${file.value}`, hints));
  }
  if (readsStdin) effects.push(...fromStdin(inv, run, tool, hints));
  return effects;
}

/** SQL on stdin: a pipe's or a here-document's text, a file redirected in, or a session (nothing yet). */
export function fromStdin(
  inv: Invocation,
  run: (text: { value: string; dynamic: boolean }) => Effect[],
  tool: string,
  hints: EnvironmentHint[],
): Effect[] {
  const source = stdinSource(inv);
  if (!source) return [];
  if ('unknown' in source)
    return [unknownSql(tool, `SQL read from ${source.unknown}`, `SQL from ${source.unknown}`, hints)];
  return run({ value: source.text, dynamic: source.dynamic });
}

/** SQL*Plus's options that take a value (it takes them in either case: `-S`, `-s`). */
const SQLPLUS_VALUE = ['-c', '-compatibility', '-m', '-markup', '-r', '-restrict', '-f', '-fast'];

/**
 * Oracle's SQL*Plus: `sqlplus [options] [LOGON] [@SCRIPT [ARGS]]`, LOGON `user/password@CONNECT`, `/nolog`
 * or `/ as sysdba`; without a script it runs what stdin gives. The connect identifier (an alias, a host,
 * `//host:port/service`) is where it lands.
 */
export function sqlplus(inv: Invocation, parser: SqlParser): Effect[] {
  const args = inv.args.map((w) => (/^-[a-z]/i.test(w.value) ? { ...w, value: w.value.toLowerCase() } : w));
  const { options, positionals } = getopt(args, SQLPLUS_VALUE);
  if (has(options, '-h', '-help', '-v', '-version')) return [];
  const logon = positionals[0] && !positionals[0].value.startsWith('@') ? positionals[0] : undefined;
  const at = logon && !logon.dynamic ? logon.value.lastIndexOf('@') : -1;
  const connect = at >= 0 ? logon!.value.slice(at + 1) : inv.env('TWO_TASK');
  const hints = serverHints(at >= 0 ? `${inv.name} connect identifier` : 'env TWO_TASK', connect);
  const run = (text: { value: string; dynamic: boolean }) =>
    shellSql(parser, inv.name, text, 'postgres', hints, 'sqlplus');
  const script = positionals.find((w) => w.value.startsWith('@'));
  if (!script) return fromStdin(inv, run, inv.name, hints);
  // `@drop` runs drop.sql: SQL*Plus adds the extension when none is given.
  const name = script.value.slice(1);
  const file = { ...script, value: /\.[a-z0-9]+$/i.test(name) ? name : `${name}.sql` };
  const sql = /^[a-z][a-z0-9+.-]*:\/\//i.test(file.value)
    ? { unknown: `the file ${file.value}` }
    : sqlFile(inv, file);
  if (sql && 'text' in sql) return run({ value: sql.text, dynamic: false });
  return sql ? [unknownSql(inv.name, `SQL from ${sql.unknown}`, `SQL file ${file.value}`, hints)] : [];
}

export function usql(inv: Invocation, parser: SqlParser): Effect[] {
  const { positionals } = getopt(inv.args, USQL.withValue);
  const url = positionals[0]?.dynamic ? undefined : positionals[0]?.value;
  return sqlShell(inv, parser, USQL, usqlDialect(url) ?? USQL.dialect);
}
