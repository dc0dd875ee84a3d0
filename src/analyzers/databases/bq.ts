import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { stdinSource, unknownSql } from './common.js';
import { nameHints } from './servers.js';
import { shellSql } from './sql-shells.js';

// BigQuery's bq: `bq query [--project_id=P] [--nouse_legacy_sql] 'SQL'` (the SQL is every word after the
// flags, or stdin) and `bq rm [-r] [-f] [-t|-d] [PROJECT:]DATASET[.TABLE]`. bq was unrecognised: a query
// that drops a table was allowed, and `bq rm` a guess from its verb. The SQL goes through the SQL
// assessment (BigQuery quotes like MySQL: backticks, backslash escapes); `rm -r` of a dataset deletes every
// table in it. Flags are absl's: `--name=value`, `--name value`, `--noname`, and a few one-letter ones.

/** Flags (global and of query/rm) that take a value when written apart from it. */
const VALUE_FLAGS = new Set([
  '--project_id',
  '--dataset_id',
  '--location',
  '--format',
  '--job_id',
  '--api',
  '--api_version',
  '--apilog',
  '--bigqueryrc',
  '--credential_file',
  '--flagfile',
  '--service_account',
  '--service_account_credential_file',
  '--httplib2_debuglevel',
  '--job_timeout_ms',
  '--destination_table',
  '--destination_schema',
  '--destination_kms_key',
  '--parameter',
  '--max_rows',
  '-n',
  '--maximum_bytes_billed',
  '--maximum_billing_tier',
  '--label',
  '--udf_resource',
  '--time_partitioning_field',
  '--time_partitioning_type',
  '--time_partitioning_expiration',
  '--range_partitioning',
  '--clustering_fields',
  '--schema_update_option',
  '--connection_property',
  '--external_table_definition',
  '--start_row',
  '--min_completion_ratio',
  '--request_id',
  '--session_id',
  '--schedule',
  '--display_name',
  '--target_dataset',
  '--reservation_id',
  '--max_statement_results',
]);

interface BqArgs {
  /** Flags by name (without `no` for negated booleans: `--nouse_legacy_sql` is use_legacy_sql=false). */
  flags: Map<string, string>;
  positionals: Word[];
}

function readFlags(words: readonly Word[]): BqArgs {
  const flags = new Map<string, string>();
  const positionals: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.dynamic || !w.value.startsWith('-') || w.value === '-') {
      positionals.push(w);
      continue;
    }
    if (w.value === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    const eq = w.value.indexOf('=');
    const name = eq > 0 ? w.value.slice(0, eq) : w.value;
    if (eq > 0) flags.set(name, w.value.slice(eq + 1));
    else if (VALUE_FLAGS.has(name)) flags.set(name, words[++i]?.value ?? '');
    else if (/^--no[a-z]/.test(name) && !VALUE_FLAGS.has(name)) flags.set(`--${name.slice(4)}`, 'false');
    else flags.set(name, 'true');
  }
  return { flags, positionals };
}

const on = (args: BqArgs, ...names: string[]) =>
  names.some((n) => args.flags.has(n) && !/^(false|0)$/i.test(args.flags.get(n)!));

/** `[PROJECT:]DATASET[.TABLE]`: the project named there says where, like --project_id. */
function identifierHints(id: string): EnvironmentHint[] {
  const colon = id.indexOf(':');
  const project = colon > 0 ? id.slice(0, colon) : undefined;
  return [
    ...(project ? [{ source: 'bq project', value: project }] : []),
    ...nameHints('bq dataset or table', colon > 0 ? id.slice(colon + 1) : id),
  ];
}

function hintsOf(args: BqArgs, inv: Invocation): EnvironmentHint[] {
  const project = args.flags.get('--project_id') ?? inv.env('CLOUDSDK_CORE_PROJECT');
  const source = args.flags.has('--project_id') ? 'flag --project_id' : 'env CLOUDSDK_CORE_PROJECT';
  return [
    ...(project ? [{ source, value: project }] : []),
    ...nameHints('flag --dataset_id', args.flags.get('--dataset_id')),
  ];
}

const effect = (
  operation: Effect['operation'],
  risk: Effect['risk'],
  target: string,
  reason: string,
  hints: EnvironmentHint[],
): Effect => ({
  operation,
  tool: 'bq',
  target,
  reversible: false,
  risk,
  reason,
  category: 'database',
  hints,
});

/** A read worth recognising: bq is known here only for query and rm, so an empty answer would not say so. */
export const onlyReads = (tool: string, what: string, hints: EnvironmentHint[]): Effect => ({
  operation: 'read',
  tool,
  target: what,
  reversible: true,
  risk: 'none',
  reason: `${tool} runs SQL that only reads`,
  category: 'database',
  hints,
});

function query(args: BqArgs, inv: Invocation, parser: SqlParser, hints: EnvironmentHint[]): Effect[] {
  if (on(args, '--dry_run')) return [];
  let text: { value: string; dynamic: boolean } | undefined;
  if (args.positionals.length)
    text = {
      value: args.positionals.map((w) => w.value).join(' '),
      dynamic: args.positionals.some((w) => w.dynamic),
    };
  else {
    const source = stdinSource(inv);
    if (source && 'unknown' in source)
      return [unknownSql('bq', `SQL read from ${source.unknown}`, `SQL from ${source.unknown}`, hints)];
    if (source) text = { value: source.text, dynamic: source.dynamic };
  }
  if (!text) return []; // `bq query` alone waits for a query on a terminal
  const effects = shellSql(parser, 'bq', text, 'mysql', hints);
  const destination = args.flags.get('--destination_table');
  if (destination) {
    const into = [...hints, ...identifierHints(destination)];
    effects.push(
      on(args, '--replace')
        ? effect(
            'replace',
            'high',
            `table ${destination}`,
            `bq query --replace overwrites the table ${destination} with the result`,
            into,
          )
        : effect(
            'create',
            'low',
            `table ${destination}`,
            `bq query writes its result into ${destination}`,
            into,
          ),
    );
  }
  return effects.length ? effects : [onlyReads('bq', `SQL: ${text.value.slice(0, 80)}`, hints)];
}

/** `bq rm`: a dataset with -r takes every table in it; a table or an empty dataset is one object. */
function rm(args: BqArgs, hints: EnvironmentHint[]): Effect[] {
  const id = args.positionals[0];
  if (!id) return [];
  const where = [...hints, ...(id.dynamic ? [] : identifierHints(id.value))];
  const other = [
    '-m',
    '--model',
    '--routine',
    '--connection',
    '--reservation',
    '--capacity_commitment',
    '--reservation_assignment',
    '--transfer_config',
    '-j',
    '--job',
  ].find((f) => on(args, f));
  if (other)
    return [
      effect(
        'delete',
        'medium',
        `${other.replace(/^-+/, '')} ${id.value}`,
        `bq rm deletes ${id.value}`,
        where,
      ),
    ];
  const afterProject = id.value.slice(id.value.indexOf(':') + 1);
  const table = on(args, '-t', '--table') || (!on(args, '-d', '--dataset') && afterProject.includes('.'));
  if (table)
    return [
      effect(
        'delete',
        'medium',
        `table ${id.value}`,
        `bq rm deletes the table ${id.value} (time travel keeps it for a few days)`,
        where,
      ),
    ];
  if (on(args, '-r', '--recursive'))
    return [
      effect(
        'delete',
        'high',
        `dataset ${id.value}`,
        `bq rm -r deletes the dataset ${id.value} and every table, view and model in it`,
        where,
      ),
    ];
  return [
    effect(
      'delete',
      'medium',
      `dataset ${id.value}`,
      `bq rm deletes the dataset ${id.value} (only when it is empty)`,
      where,
    ),
  ];
}

/** `bq [global flags] COMMAND [flags] ARGS`: query and rm; other commands are left to the generic checks. */
export function bq(inv: Invocation, parser: SqlParser): Effect[] {
  const args = readFlags(inv.args);
  const [command, ...rest] = args.positionals;
  if (!command || command.dynamic) return [];
  const call: BqArgs = { flags: args.flags, positionals: rest };
  const hints = hintsOf(call, inv);
  if (on(call, '--help', '-h')) return [];
  if (command.value === 'query') return query(call, inv, parser, hints);
  if (command.value === 'rm') return rm(call, hints);
  return [];
}
