import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import {
  databaseHints,
  first,
  getopt,
  has,
  hostHint,
  sqlEffects,
  sqlFile,
  stamp,
  stdinSource,
  unknownSql,
  values,
} from './common.js';

const CONNECTION = ['-h', '--host', '-p', '--port', '-U', '--username', '-d', '--dbname'];
const PSQL_WITH_VALUE = [
  ...CONNECTION,
  '-c',
  '--command',
  '-f',
  '--file',
  '-v',
  '--set',
  '--variable',
  '-o',
  '--output',
  '-L',
  '--log-file',
  '-P',
  '--pset',
  '-F',
  '--field-separator',
  '-R',
  '--record-separator',
  '-T',
  '--table-attr',
];

function connectionHints(options: Map<string, Word[]>, positionals: readonly Word[]): EnvironmentHint[] {
  const hints = hostHint('--host', first(options, '-h', '--host'));
  const db = first(options, '-d', '--dbname', '--maintenance-db') ?? positionals[0];
  if (db && !db.dynamic) hints.push(...databaseHints(db.value));
  return hints;
}

export function psql(inv: Invocation, parser: SqlParser): Effect[] {
  const { options, positionals } = getopt(inv.args, PSQL_WITH_VALUE);
  const hints = connectionHints(options, positionals);
  const tool = inv.name;
  const commands = values(options, '-c', '--command');
  const files = values(options, '-f', '--file');
  const effects: Effect[] = [];
  for (const sql of commands) effects.push(...stamp(sqlEffects(parser, sql, 'postgres'), tool, hints));
  let readsStdin = false;
  for (const file of files) {
    if (file.value === '-' && !file.dynamic) {
      readsStdin = true;
      continue;
    }
    const sql = sqlFile(inv, file);
    if (sql && 'text' in sql)
      effects.push(
        ...stamp(sqlEffects(parser, { value: sql.text, dynamic: false }, 'postgres'), tool, hints),
      );
    else if (sql) effects.push(unknownSql(tool, `SQL from ${sql.unknown}`, `SQL file ${file.value}`, hints));
  }
  if (commands.length === 0 && files.length === 0) {
    if (has(options, '-l', '--list', '-V', '--version', '-?', '--help')) return effects;
    readsStdin = true;
  }
  if (readsStdin) effects.push(...fromStdin(inv, parser, tool, hints, 'postgres'));
  return effects;
}

export function fromStdin(
  inv: Invocation,
  parser: SqlParser,
  tool: string,
  hints: EnvironmentHint[],
  dialect: 'postgres' | 'mysql' | 'sqlite',
): Effect[] {
  const source = stdinSource(inv);
  if (!source) return []; // an interactive session: nothing runs without the user typing it
  if ('unknown' in source)
    return [unknownSql(tool, `SQL read from ${source.unknown}`, `SQL from ${source.unknown}`, hints)];
  return stamp(sqlEffects(parser, { value: source.text, dynamic: source.dynamic }, dialect), tool, hints);
}

function target(inv: Invocation, positionals: readonly Word[], noun: string): string {
  return positionals.length ? positionals.map((w) => `${noun} ${w.value}`).join(', ') : `${noun} <default>`;
}

/** dropdb, dropuser, createdb, createuser, pg_restore. */
export function pgTool(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(inv.args, [
    ...CONNECTION,
    '--maintenance-db',
    '--tablespace',
    '-E',
    '--encoding',
    '-l',
    '--locale',
    '-O',
    '--owner',
    '-T',
    '--template',
    '-c',
    '--connection-limit',
    '-g',
    '--role',
  ]);
  if (has(options, '--help', '-?', '--version', '-V')) return [];
  const hints = hostHint('--host', first(options, '-h', '--host'));
  const dbs = positionals;
  const base = { tool: inv.name, reversible: false, hints };
  switch (inv.name) {
    case 'dropdb':
      return [
        {
          ...base,
          operation: 'delete',
          target: target(inv, dbs.slice(0, 1), 'database'),
          risk: 'critical',
          reason: `dropdb destroys the database ${dbs[0]?.value ?? ''} and all its data`.trim(),
          category: 'database',
          hints: [
            ...hints,
            ...dbs
              .slice(0, 1)
              .filter((w) => !w.dynamic)
              .map((w) => ({ source: 'database name', value: w.value, weak: true as const })),
          ],
        },
      ];
    case 'dropuser':
      return [
        {
          ...base,
          operation: 'delete',
          target: target(inv, dbs.slice(0, 1), 'role'),
          risk: 'medium',
          reason: `dropuser removes the database role ${dbs[0]?.value ?? ''}`.trim(),
          category: 'iam',
        },
      ];
    case 'createdb':
      return [
        {
          ...base,
          operation: 'create',
          target: target(inv, dbs.slice(0, 1), 'database'),
          risk: 'low',
          reason: 'createdb creates a database',
          category: 'database',
          hints: [
            ...hints,
            ...dbs.slice(0, 1).map((w) => ({ source: 'database name', value: w.value, weak: true as const })),
          ],
        },
      ];
    case 'createuser': {
      // -s/--superuser, -r/--createrole, --replication, --bypassrls: CREATE ROLE … SUPERUSER by another name.
      // Short flags may be clustered (`-dsr`), long ones abbreviated (`--su`), as getopt_long allows.
      const given = [...options.keys()];
      const powers = [
        ...['s', 'r']
          .filter((f) => given.some((o) => /^-[a-zA-Z]+$/.test(o) && o.includes(f)))
          .map((f) => `-${f}`),
        ...['--superuser', '--createrole', '--replication', '--bypassrls'].filter((long) =>
          given.some((o) => o.length >= 4 && o.startsWith('--') && long.startsWith(o)),
        ),
      ];
      return [
        {
          ...base,
          operation: powers.length ? 'modify' : 'create',
          target: target(inv, dbs.slice(0, 1), 'role'),
          risk: powers.length ? 'high' : 'low',
          reason: powers.length
            ? `createuser ${powers.join(' ')} creates a role with power over the whole server`
            : 'createuser creates a database role',
          category: 'iam',
        },
      ];
    }
  }
  return [];
}

const PG_RESTORE_WITH_VALUE = [
  ...CONNECTION,
  '-f',
  '--file',
  '-F',
  '--format',
  '-I',
  '--index',
  '-j',
  '--jobs',
  '-L',
  '--use-list',
  '-n',
  '--schema',
  '-N',
  '--exclude-schema',
  '-P',
  '--function',
  '-S',
  '--superuser',
  '-t',
  '--table',
  '-T',
  '--trigger',
  '--role',
  '--section',
  '--filter',
];

export function pgRestore(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(inv.args, PG_RESTORE_WITH_VALUE);
  const db = first(options, '-d', '--dbname');
  if (!db || has(options, '-l', '--list')) return []; // without --dbname it only writes a script
  const hints = [
    ...hostHint('--host', first(options, '-h', '--host')),
    ...(db.dynamic ? [] : databaseHints(db.value)),
  ];
  const name = databaseHints(db.value).find((h) => h.source === 'database name')?.value ?? db.value;
  const archive = positionals[0]?.value ?? 'stdin';
  const clean = has(options, '-c', '--clean');
  const create = has(options, '-C', '--create');
  const base = {
    tool: 'pg_restore',
    target: `database ${name}`,
    reversible: false,
    hints,
    category: 'database',
  };
  if (clean)
    return [
      {
        ...base,
        operation: 'replace',
        risk: create ? 'critical' : 'high',
        reason: create
          ? `pg_restore --clean --create drops the database ${name} and recreates it from ${archive}`
          : `pg_restore --clean drops the objects of database ${name} and recreates them from ${archive}`,
      },
    ];
  return [
    {
      ...base,
      operation: 'create',
      risk: 'low',
      reason: `pg_restore loads ${archive} into database ${name}`,
    },
  ];
}
