import type { Access, Effect, EnvironmentHint } from '../../core/types.js';
import { withFields } from '../../core/with-fields.js';
import { sqlEffects } from '../databases/common.js';
import type { Dialect } from '../databases/sql-text.js';
import type { SqlParser } from '../sql-parser.js';
import type { CloudArgs } from './common.js';

// SQL sent through a cloud API: `aws athena start-query-execution --query-string`, `aws redshift-data
// execute-statement --sql`, `aws rds-data execute-statement --sql`, `gcloud spanner databases execute-sql
// --sql`. These were a generic medium ("statements Interlock does not inspect"): a SELECT was asked about
// and a DROP TABLE no more than that. The SQL is read by the same assessment as psql's: a read has no
// effect, DROP/TRUNCATE/DELETE are what they are there, and SQL libpg-query cannot parse (a dialect) stays
// an unknown change (medium).

/** Which option carries the SQL, and how the service quotes it, per `service operation`. */
const SQL_OPTIONS: Record<string, { options: string[]; dialect: Dialect }> = {
  'athena start-query-execution': { options: ['--query-string'], dialect: 'mysql' },
  'redshift-data execute-statement': { options: ['--sql'], dialect: 'postgres' },
  'redshift-data batch-execute-statement': { options: ['--sqls'], dialect: 'postgres' },
  'rds-data execute-statement': { options: ['--sql'], dialect: 'mysql' },
  'rds-data batch-execute-statement': { options: ['--sql'], dialect: 'mysql' },
  'spanner databases execute-sql': { options: ['--sql'], dialect: 'postgres' },
};

/** Options naming the database, work group or catalog the SQL runs in: weak names. */
const NAME_OPTIONS = [
  '--database',
  '--work-group',
  '--workgroup-name',
  '--query-execution-context',
  '--db-user',
];

/**
 * The effects of the SQL a call carries, or undefined when it carries none the command line shows (a
 * `--cli-input-json file://…`): the caller keeps its generic answer then.
 */
export function cloudSqlEffects(
  parser: SqlParser,
  tool: string,
  call: string,
  args: CloudArgs,
  hints: EnvironmentHint[],
  access?: Access,
): Effect[] | undefined {
  const spec = SQL_OPTIONS[call];
  if (!spec) return undefined;
  const words = spec.options.flatMap((o) => args.options.get(o) ?? []);
  // `--sql file://q.sql`: the CLI reads the file, which is not shown here.
  if (!words.length || words.some((w) => (!w.value && !w.dynamic) || /^fileb?:\/\//.test(w.value)))
    return undefined;
  const names = NAME_OPTIONS.flatMap((o) =>
    (args.options.get(o) ?? [])
      .filter((w) => w.value)
      .map((w) => ({ source: `flag ${o}`, value: w.value, weak: true as const })),
  );
  return words.flatMap((w) =>
    sqlEffects(parser, w, spec.dialect).map((e) =>
      withFields(e, {
        tool,
        reason: `${tool} ${call}: ${e.reason}`,
        hints: [...hints, ...names, ...(e.hints ?? [])],
        ...(access ? { access } : {}),
      }),
    ),
  );
}
