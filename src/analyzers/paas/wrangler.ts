import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { first, getopt, has, sqlEffects, stamp, unknownSql } from '../databases/common.js';
import type { SqlParser } from '../sql-parser.js';
import {
  changes,
  destroys,
  everyday,
  placeHints,
  subcommandEffects,
  type Call,
  type Cli,
} from '../subcommands.js';

// Cloudflare's wrangler: Workers, D1 databases (SQLite: `d1 execute` is read as SQL), KV, R2, queues.
// `--env production` places a call; `d1 execute` runs on the local copy unless --remote. `pages dev` may run
// the command after `--`, and stays unlisted.

const VERBS: Cli['verbs'] = {
  delete: destroys('critical', 'app', 'deletes the Worker'),
  'd1 delete': destroys('critical', 'database', 'deletes the D1 database'),
  'd1 migrations apply': changes('medium', 'database', 'applies pending migrations'),
  'd1 time-travel restore': {
    operation: 'replace',
    risk: 'high',
    category: 'database',
    what: 'restores the database to an earlier point',
  },
  'kv key delete': destroys('high', 'storage', 'deletes the key'),
  'kv:key delete': destroys('high', 'storage', 'deletes the key'),
  'kv bulk delete': destroys('high', 'storage', 'deletes the keys listed in the file'),
  'kv:bulk delete': destroys('high', 'storage', 'deletes the keys listed in the file'),
  'kv namespace delete': destroys('critical', 'storage', 'deletes the namespace and every key in it'),
  'kv:namespace delete': destroys('critical', 'storage', 'deletes the namespace and every key in it'),
  'r2 bucket delete': destroys('critical', 'storage', 'deletes the bucket'),
  'r2 object delete': destroys('high', 'storage', 'deletes the object'),
  'queues delete': destroys('high', 'queue', 'deletes the queue'),
  'vectorize delete': destroys('critical', 'database', 'deletes the index'),
  'pages project delete': destroys('critical', 'app', 'deletes the Pages project'),
  'pages deployment delete': destroys('medium', 'app', 'deletes a Pages deployment'),
  'secret delete': destroys('medium', 'secrets', 'deletes a secret of the Worker'),
  'secret put': changes('medium', 'secrets', 'sets a secret (a value it replaces cannot be recovered)'),
  rollback: changes('medium', 'app', 'rolls the Worker back to an earlier version', true),
  deploy: changes('low', 'app', 'deploys the Worker', true),
  'pages deploy': changes('low', 'app', 'deploys the Pages project', true),
  'triggers deploy': changes('low', 'app', "applies the Worker's triggers (routes, cron schedules)", true),
  'versions upload': changes('low', 'app', 'uploads a version of the Worker (it serves once deployed)', true),
  'versions deploy': changes(
    'medium',
    'app',
    'deploys versions of the Worker (an earlier one rolls it back)',
    true,
  ),
  // On this machine: the dev server, generated types, a new project or migration file, a build.
  ...everyday('dev', 'types', 'init', 'docs', 'd1 migrations create', 'pages functions build'),
};

const VALUE_OPTIONS = [
  '-e',
  '--env',
  '-c',
  '--config',
  '--namespace-id',
  '--binding',
  '--command',
  '--file',
  '--name',
  '--message',
  '--persist-to',
  '-j',
  '--jurisdiction',
  '--preview',
];

const hints = (call: Call): EnvironmentHint[] => placeHints(call, 'flag --env', '-e', '--env');

const WRANGLER: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { rm: 'delete', publish: 'deploy' },
  hints,
};

/** `wrangler d1 execute DB --command SQL | --file FILE`: what the SQL does to the database. */
function d1Execute(inv: Invocation, parser: SqlParser): Effect[] {
  const { options, positionals } = getopt(inv.args, VALUE_OPTIONS);
  const env = first(options, '-e', '--env');
  const database = positionals[2]?.value ?? 'a D1 database';
  const hints: EnvironmentHint[] = [
    ...(env?.value ? [{ source: 'flag --env', value: env.value }] : []),
    { source: 'd1 database', value: database, weak: true },
  ];
  const command = first(options, '--command');
  const file = first(options, '--file');
  const effects = command ? stamp(sqlEffects(parser, command, 'sqlite'), 'wrangler', hints) : [];
  if (file) effects.push(unknownSql('wrangler', 'a SQL file', file.value, hints));
  // Without --remote, D1 commands run on the local copy under .wrangler/.
  return has(options, '--remote') ? effects.map((e) => ({ ...e, local: false })) : effects;
}

export function wrangler(inv: Invocation, parser: SqlParser): Effect[] {
  const [first, second] = inv.args;
  if (first?.value === 'd1' && second?.value === 'execute') return d1Execute(inv, parser);
  return subcommandEffects(inv, WRANGLER);
}
