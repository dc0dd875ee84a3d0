import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { codeText, findCalls, literalString, type Call } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';
import { databaseHints, stamp, unknownSql } from '../databases/common.js';
import { assessSql } from '../databases/sql-assess.js';
import type { Dialect } from '../databases/sql-text.js';
import type { SqlParser } from '../sql-parser.js';

// SQL that database drivers run from code: `cursor.execute("DROP TABLE …")`, `client.query('TRUNCATE …')`,
// `$dbh->do(…)`, `$pdo->exec(…)`. A literal statement goes through the same SQL assessment as psql's;
// one built at run time is an unknown change, never a harmless one.

/** Driver methods that run the SQL text given as their first argument. */
const SQL_METHODS = new Set([
  'execute',
  'executemany',
  'executescript',
  'exec',
  'exec_driver_sql',
  'query',
  'do',
  'raw',
  'run',
  'none',
  'any',
  'many',
  'multi',
  '$executeRawUnsafe',
  '$queryRawUnsafe',
  'mysqli_query',
  'pg_query',
]);

/** The modules that talk to a database; without one, `x.query(…)` is not SQL. */
const DRIVERS: readonly [RegExp, Dialect][] = [
  [/\bsqlite3?\b|better-sqlite3|\bSQLite3\b/, 'sqlite'],
  [/\bpymysql\b|\bMySQLdb\b|\bmysql\.connector\b|\bmysql2?\b|\bmysqli\b|\bDBD::mysql\b/, 'mysql'],
  [
    /\bpsycopg2?\b|\basyncpg\b|\bpg8000\b|(^| )pg( |$)|\bpg-promise\b|\bpostgres\b|\bDBD::Pg\b|\bpg_connect\b|\bPG\.connect\b/,
    'postgres',
  ],
  [
    /\bsqlalchemy\b|\bknex\b|\bsequelize\b|@prisma\/client|\bDBI\b|\bPDO\b|\bActiveRecord\b|\bdjango\.db\b/,
    'postgres',
  ],
];

/** Statements start with one of these: a literal that does not is not SQL (`regex.exec('x')`). */
const SQL_START =
  /^\s*(\(\s*)?(select|insert|update|delete|drop|truncate|alter|create|grant|revoke|with|replace|merge|copy|vacuum|begin|commit|rollback|set|show|explain|rename|comment|reindex|cluster|lock|call|do|analyze|pragma|attach|detach)\b/i;

/** Receivers that are connections, cursors or pools when the SQL is not a literal. */
const DB_RECEIVER =
  /^(\$?(db|dbh|conn|connection|con|cnx|cursor|cur|c|client|pool|knex|sequelize|prisma|session|engine|pg|sql|database|tx|trx|t|pdo|mysqli))$/i;

function driverDialect(code: string): Dialect | undefined {
  return DRIVERS.find(([re]) => re.test(code))?.[1];
}

/** `QUERY = "DROP …"` / `const sql = '…'`: names bound once to a literal, to read `cursor.execute(QUERY)`. */
function constants(tokens: readonly Token[]): Map<string, Token> {
  const values = new Map<string, Token>();
  const seen = new Set<string>();
  for (let k = 0; k + 2 < tokens.length; k++) {
    const [name, eq, value] = [tokens[k]!, tokens[k + 1]!, tokens[k + 2]!];
    if (name.kind !== 'ident' || eq.text !== '=' || tokens[k + 3]?.text === '+') continue;
    if (tokens[k - 1]?.text === '=' || tokens[k + 3]?.text === '=') continue; // == comparisons
    // Bound twice: which value a call sees depends on the run.
    if (seen.has(name.text)) values.delete(name.text);
    else if (value.kind === 'string') values.set(name.text, value);
    seen.add(name.text);
  }
  return values;
}

const PLACEHOLDER = 'interlock_runtime_value';

/** SQL text with run-time pieces (`{name}`, `${x}`, `#{x}`, `$x`) turned into a placeholder name. */
function withPlaceholders(text: string): string {
  return text.replace(/\$?\{[^}]*\}|#\{[^}]*\}|\$[A-Za-z_]\w*/g, PLACEHOLDER);
}

function connectionHints(tokens: readonly Token[], inv: Invocation): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'string' || t.dynamic) continue;
    if (/^(postgres(ql)?|mysql|mariadb)(\+\w+)?:\/\//i.test(t.text)) hints.push(...databaseHints(t.text));
    const key = tokens[j - 1]?.text === '=' || tokens[j - 1]?.text === ':' ? tokens[j - 2]?.text : undefined;
    if (key && /^['"]?(host|hostname|server)['"]?$/.test(key))
      hints.push({ source: 'host in code', value: t.text });
    if (key && /^['"]?(dbname|database|db)['"]?$/.test(key)) hints.push(...databaseHints(t.text));
  }
  for (const name of ['PGHOST', 'PGDATABASE', 'DATABASE_URL', 'MYSQL_HOST']) {
    const value = inv.env(name);
    if (value)
      hints.push({
        source: `env ${name}`,
        value,
        ...(/DATABASE$/.test(name) ? { weak: true as const } : {}),
      });
  }
  return hints;
}

/** `"DELETE FROM " + table`: the literal pieces, with the variables as run-time values. */
function concatenation(arg: readonly Token[]): Token | undefined {
  const pieces = arg.filter((_, j) => j % 2 === 0);
  const joins = arg.filter((_, j) => j % 2 === 1);
  if (arg.length < 3 || arg.length % 2 === 0 || !joins.every((t) => t.text === '+')) return undefined;
  if (!pieces.every((t) => t.kind === 'string' || t.kind === 'ident') || pieces[0]!.kind !== 'string')
    return undefined;
  const text = pieces.map((t) => (t.kind === 'string' && !t.dynamic ? t.text : '${x}')).join('');
  return { ...pieces[0]!, text, dynamic: true };
}

function sqlText(call: Call, consts: Map<string, Token>): Token | 'computed' | undefined {
  const arg = call.args[0];
  const literal = literalString(arg);
  if (literal !== undefined) return arg![0];
  if (arg?.length === 1 && arg[0]!.kind === 'string') return arg[0]; // dynamic: f"…", `…${x}`
  // A variable (`cur.execute(query)`); a class or an ORM statement (`session.query(User)`,
  // `session.execute(select(User))`) is not SQL text.
  if (arg?.length === 1 && arg[0]!.kind === 'ident')
    return consts.get(arg[0]!.text) ?? (/^[a-z_$]/.test(arg[0]!.text) ? 'computed' : undefined);
  // sqlalchemy's text("…"): the string inside.
  if (arg?.[0]?.kind === 'ident' && arg[0].text === 'text' && arg[2]?.kind === 'string') return arg[2];
  const joined = arg && concatenation(arg);
  if (joined) return joined;
  // "…" % name, "…".format(x): SQL built at run time.
  return arg?.some((t) => t.kind === 'string') ? 'computed' : undefined;
}

/** Effects of SQL run through a database driver in `tokens` (none when the code imports no driver). */
export function sqlCallEffects(
  tokens: Token[],
  lang: Lang,
  tool: string,
  inv: Invocation,
  parser: SqlParser | undefined,
): { effect: Effect; index: number }[] {
  const dialect = parser ? driverDialect(codeText(tokens)) : undefined;
  if (!parser || !dialect) return [];
  const consts = constants(tokens);
  const hints = connectionHints(tokens, inv);
  const local = dialect === 'sqlite';
  const effects: { effect: Effect; index: number }[] = [];
  for (const call of findCalls(tokens, SQL_METHODS, lang === 'perl' || lang === 'ruby')) {
    if (call.receiver.length === 0 && !/^(mysqli|pg)_query$/.test(call.name)) continue;
    const via = [...call.receiver, call.name].join('.');
    const sql = sqlText(call, consts);
    if (sql === undefined) continue;
    if (sql === 'computed') {
      // A variable query on a connection: unknown. On anything else (`re.exec(s)`), not SQL at all.
      if (DB_RECEIVER.test((call.receiver[call.receiver.length - 1] ?? '').replace(/\(\)$/, '')))
        effects.push({
          effect: {
            ...unknownSql(tool, `SQL built at run time through ${via}`, `SQL via ${via}`, hints),
            local,
          },
          index: call.index,
        });
      continue;
    }
    const text = sql.dynamic ? withPlaceholders(sql.text) : sql.text;
    if (!SQL_START.test(text)) continue;
    for (const e of stamp(assessSql(parser, text, dialect), tool, hints)) {
      const shown = (t: string) => t.replaceAll(PLACEHOLDER, '<a run-time value>');
      const effect = { ...e, target: shown(e.target), reason: `${shown(e.reason)} (through ${via})`, local };
      effects.push({ effect, index: call.index });
    }
  }
  return effects;
}
