import type { Effect } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { onlyReads } from './bq.js';
import { sqlShell, type SqlShell } from './sql-shells.js';

// Platform CLIs with a SQL subcommand among many: `cockroach sql --url U -e 'SQL'`, `snow sql -q 'SQL'`.
// Only that subcommand is read here (like the SQL shells); the others (`cockroach node decommission`,
// `snow object drop`) stay with the generic checks, so these CLIs are only partly known.

const COCKROACH_SQL: SqlShell = {
  withValue: [
    '--url',
    '--host',
    '--port',
    '-p',
    '-d',
    '--database',
    '-u',
    '--user',
    '--certs-dir',
    '-e',
    '--execute',
    '-f',
    '--file',
    '--format',
    '--set',
    '--watch',
    '--cluster-name',
  ],
  sql: ['-e', '--execute'],
  files: ['-f', '--file'],
  servers: ['--url', '--host'],
  names: ['-d', '--database'],
  info: ['-h', '--help'],
  dialect: 'postgres',
  stdin: true,
  env: [{ name: 'COCKROACH_URL' }, { name: 'COCKROACH_HOST' }],
};

const SNOW_SQL: SqlShell = {
  withValue: [
    '-q',
    '--query',
    '-f',
    '--filename',
    '-D',
    '--variable',
    '-c',
    '--connection',
    '--environment',
    '--host',
    '--port',
    '--account',
    '--accountname',
    '--user',
    '--username',
    '--password',
    '--authenticator',
    '--private-key-file',
    '--private-key-path',
    '--token-file-path',
    '--database',
    '--dbname',
    '--schema',
    '--schemaname',
    '--role',
    '--rolename',
    '--warehouse',
    '--mfa-passcode',
    '--format',
    '--diag-log-path',
    '--diag-allowlist-path',
  ],
  sql: ['-q', '--query'],
  files: ['-f', '--filename'],
  servers: ['-c', '--connection', '--environment', '--account', '--accountname', '--host'],
  names: ['--database', '--dbname', '--schema', '--schemaname', '--warehouse', '--role', '--rolename'],
  info: ['-h', '--help'],
  dialect: 'mysql',
  env: [{ name: 'SNOWFLAKE_ACCOUNT' }, { name: 'SNOWFLAKE_CONNECTION_NAME' }],
  client: 'snowsql',
};

/** The SQL subcommand's effects, or one read when its SQL only reads (so the CLI counts as understood). */
function subcommand(inv: Invocation, parser: SqlParser, shell: SqlShell): Effect[] {
  const call = { ...inv, args: inv.args.slice(1) };
  // `snow sql --stdin` (or -i) reads the query from stdin; without it snow reads none.
  const stdin = inv.name === 'snow' && call.args.some((w) => w.value === '--stdin' || w.value === '-i');
  const effects = sqlShell(call, parser, stdin ? { ...shell, stdin: true } : shell);
  const runs = call.args.some((w) => /^(-e|--execute|-q|--query|-f|--file|--filename)(=|$)/.test(w.value));
  return effects.length || !(runs || stdin) ? effects : [onlyReads(inv.name, `${inv.name} sql`, [])];
}

export function cockroach(inv: Invocation, parser: SqlParser): Effect[] {
  return inv.args[0]?.value === 'sql' && !inv.args[0].dynamic ? subcommand(inv, parser, COCKROACH_SQL) : [];
}

export function snow(inv: Invocation, parser: SqlParser): Effect[] {
  return inv.args[0]?.value === 'sql' && !inv.args[0].dynamic ? subcommand(inv, parser, SNOW_SQL) : [];
}
