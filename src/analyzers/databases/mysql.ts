import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { first, getopt, has, hostHint, sqlEffects, stamp, uriHints, values } from './common.js';
import { fromStdin } from './postgres.js';

const CONNECTION = [
  '-h',
  '--host',
  '-u',
  '--user',
  '-P',
  '--port',
  '-S',
  '--socket',
  '--defaults-file',
  '--defaults-extra-file',
  '--login-path',
  '--protocol',
];
const MYSQL_WITH_VALUE = [
  ...CONNECTION,
  '-e',
  '--execute',
  '-D',
  '--database',
  '--default-character-set',
  '--init-command',
  '--connect-timeout',
  '--max-allowed-packet',
  '--delimiter',
  '--tee',
  '--pager',
];

/** `-pSECRET` is a password glued to -p, not a cluster of flags; `-p` alone prompts. Drop both. */
function withoutPasswords(args: readonly Word[]): Word[] {
  return args.filter((w) => !/^-p/.test(w.value));
}

function hints(options: Map<string, Word[]>, db: Word | undefined): EnvironmentHint[] {
  const host = first(options, '-h', '--host');
  const out =
    host && /^[a-z]+:\/\//i.test(host.value)
      ? uriHints(host.value, 'connection URI')
      : hostHint('--host', host);
  if (db && !db.dynamic && db.value) out.push({ source: 'database name', value: db.value, weak: true });
  const loginPath = first(options, '--login-path');
  if (loginPath) out.push({ source: 'flag --login-path', value: loginPath.value });
  return out;
}

export function mysql(inv: Invocation, parser: SqlParser): Effect[] {
  const { options, positionals } = getopt(withoutPasswords(inv.args), MYSQL_WITH_VALUE);
  if (has(options, '--help', '-?', '-V', '--version')) return [];
  const db = first(options, '-D', '--database') ?? positionals[0];
  const connection = hints(options, db);
  const tool = inv.name;
  const statements = values(options, '-e', '--execute', '--init-command');
  const effects = statements.flatMap((sql) => stamp(sqlEffects(parser, sql, 'mysql'), tool, connection));
  if (!has(options, '-e', '--execute')) effects.push(...fromStdin(inv, parser, tool, connection, 'mysql'));
  return effects;
}

const MYSQLADMIN_WITH_VALUE = [...CONNECTION, '-c', '--count', '-i', '--sleep', '-w', '--wait'];

export function mysqladmin(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(withoutPasswords(inv.args), MYSQLADMIN_WITH_VALUE);
  const connection = hints(options, undefined);
  const effects: Effect[] = [];
  const words = positionals.map((w) => w.value);
  const base = { tool: inv.name, reversible: false, hints: connection };
  for (let i = 0; i < words.length; i++) {
    const command = words[i]!.toLowerCase();
    const arg = words[i + 1];
    if (command === 'drop' && arg !== undefined) {
      effects.push({
        ...base,
        operation: 'delete',
        target: `database ${arg}`,
        risk: 'critical',
        reason: `mysqladmin drop destroys the database ${arg} and all its data`,
        category: 'database',
        hints: [...connection, { source: 'database name', value: arg, weak: true }],
      });
      i++;
    } else if (command === 'create' && arg !== undefined) {
      effects.push({
        ...base,
        operation: 'create',
        target: `database ${arg}`,
        risk: 'low',
        reason: `mysqladmin create makes the database ${arg}`,
        category: 'database',
      });
      i++;
    } else if (command === 'shutdown') {
      effects.push({
        ...base,
        operation: 'modify',
        target: 'database server',
        risk: 'high',
        reason: 'mysqladmin shutdown stops the database server',
        category: 'database',
      });
    } else if (command === 'password' || command === 'old-password') {
      effects.push({
        ...base,
        operation: 'modify',
        target: 'account password',
        risk: 'medium',
        reason: 'mysqladmin password changes the account password',
        category: 'iam',
      });
      i++;
    } else if (command === 'kill') {
      effects.push({
        ...base,
        operation: 'modify',
        target: `connections ${arg ?? ''}`.trim(),
        risk: 'low',
        reason: 'mysqladmin kill ends client connections',
        category: 'database',
      });
      i++;
    } else if (/^(flush-|refresh|reload|start-|stop-)/.test(command)) {
      effects.push({
        ...base,
        operation: 'modify',
        target: 'database server',
        risk: 'low',
        reason: `mysqladmin ${command}`,
        category: 'database',
      });
    }
  }
  return effects;
}
