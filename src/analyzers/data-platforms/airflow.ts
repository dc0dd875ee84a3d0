import type { Effect, EnvironmentHint } from '../../core/types.js';
import { hasOption, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { serverHints } from '../databases/servers.js';
import { inPlaceEditEffect } from '../in-place-edit.js';
import { changes, destroys, everyday, subcommandEffects, type Call, type Cli } from '../subcommands.js';

// Apache Airflow's CLI acts on its metadata database: `airflow db reset -y` drops and recreates it (every
// DAG run, task instance, connection and variable), `airflow dags delete DAG` erases a DAG's history,
// `airflow db clean` deletes old rows. All three were unrecognised (`db reset` allowed, `dags delete` a
// guess from its verb). The database is the one AIRFLOW__DATABASE__SQL_ALCHEMY_CONN names.

const unlessDryRun =
  (verb: ReturnType<typeof changes>) =>
  (call: Call): ReturnType<typeof changes> | undefined =>
    hasOption(call.options, '--dry-run') ? undefined : verb;

const RESET = destroys(
  'critical',
  'database',
  "drops and recreates Airflow's metadata database: every DAG run, task instance, connection and variable is lost",
);

const VERBS: Cli['verbs'] = {
  'db reset': RESET,
  resetdb: RESET,
  'db clean': unlessDryRun(
    changes('medium', 'database', 'deletes old rows (runs, task instances, logs) from the metadata database'),
  ),
  'db downgrade': unlessDryRun(
    changes('medium', 'database', 'downgrades the metadata database, dropping what newer versions added'),
  ),
  'dags delete': destroys(
    'high',
    'database',
    'deletes every record of the DAG (its runs and task history) from the metadata database',
  ),
  delete_dag: destroys(
    'high',
    'database',
    'deletes every record of the DAG (its runs and task history) from the metadata database',
  ),
  'tasks clear': changes('medium', 'job', 'clears task instances, so they run again'),
  'dags backfill': changes('low', 'job', 'runs the DAG for past dates', true),
  'dags trigger': changes('low', 'job', 'starts a DAG run', true),
  'dags pause': changes('low', 'job', 'pauses the DAG', true),
  'dags unpause': changes('low', 'job', 'unpauses the DAG', true),
  'connections delete': destroys('medium', 'secrets', 'deletes the connection'),
  'variables delete': destroys('medium', 'config', 'deletes the variable'),
  'pools delete': destroys('medium', 'config', 'deletes the pool'),
  'users delete': destroys('medium', 'iam', 'deletes the user'),
  'roles delete': destroys('medium', 'iam', 'deletes the role'),
  // Routine settings, set again as easily.
  'variables set': changes('low', 'config', 'sets a variable', true),
  'pools set': changes('low', 'config', 'sets the slots of a pool', true),
  'connections add': { operation: 'create', risk: 'low', category: 'secrets', what: 'adds a connection' },
  // DAGs serialized again, templates rendered, dependencies explained, providers and plugins listed. (`dags
  // test`, `tasks test` and `tasks run` run the tasks themselves: not listed.)
  ...everyday(
    'dags reserialize',
    'tasks render',
    'tasks failed-deps',
    'db check-migrations',
    'providers',
    'plugins',
    'cheat-sheet',
  ),
};

const VALUE_OPTIONS = [
  '-S',
  '--subdir',
  '-t',
  '--task-regex',
  '-s',
  '--start-date',
  '-e',
  '--end-date',
  '-o',
  '--output',
  '-c',
  '--conf',
  '-r',
  '--run-id',
  '--exec-date',
  '--logical-date',
  '--clean-before-timestamp',
  '--tables',
  '-n',
  '--to-revision',
  '--to-version',
  '--from-revision',
  '--from-version',
  '-u',
  '--username',
  '--email',
];

function hints(call: Call): EnvironmentHint[] {
  for (const name of ['AIRFLOW__DATABASE__SQL_ALCHEMY_CONN', 'AIRFLOW__CORE__SQL_ALCHEMY_CONN']) {
    const value = call.inv.env(name);
    if (value) return serverHints(`env ${name}`, value);
  }
  return [];
}

const AIRFLOW: Cli = { options: { withValue: VALUE_OPTIONS }, verbs: VERBS, hints };

/**
 * `dags show --save FILE` (argparse takes `--sa`, `--sav` too) writes the DAG's picture over FILE:
 * judged by the file, as an edit of it is (`--sav /etc/passwd`).
 */
function savedPicture(inv: Invocation): Effect[] {
  const at = inv.args.findIndex((w) => /^--sa(ve?)?(=|$)/.test(w.value));
  if (at < 0) return [];
  const joined = /^--sa(?:ve?)?=(.*)$/.exec(inv.args[at]!.value);
  const file = joined ? { value: joined[1]!, dynamic: inv.args[at]!.dynamic } : inv.args[at + 1];
  if (!file) return [];
  if (file.dynamic)
    return [{ ...inPlaceEditEffect(inv, file.value, (p) => `writes a picture over ${p}`), risk: 'high' }];
  return [inPlaceEditEffect(inv, file.value, (path) => `writes the DAG's picture over ${path}`)];
}

/**
 * The table's effects. `-S DIR` loads (runs) the DAG files of a directory not read here, whatever the
 * subcommand: where the call lands in production, it is unverifiable as an unrecognised program is.
 */
export function airflow(inv: Invocation): Effect[] {
  const effects = [...subcommandEffects(inv, AIRFLOW), ...savedPicture(inv)];
  const options = parseOptions(inv.args, AIRFLOW.options);
  if (!hasOption(options, '-S', '--subdir') || effects.some((e) => e.unrecognised)) return effects;
  const named = hints({ verb: '', rest: [], options, inv });
  return [
    ...effects,
    {
      operation: 'execute-unverifiable',
      tool: inv.name,
      target: inv.text,
      reversible: false,
      risk: 'high',
      reason: 'airflow -S loads the DAG files of a directory not read here',
      unrecognised: true,
      ...(named.length ? { hints: named } : {}),
    },
  ];
}
