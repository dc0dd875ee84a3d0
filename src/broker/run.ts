import { localFacts } from '../adapters/local-facts.js';
import { run, type Final, type RunOptions } from '../app/pipeline.js';
import type { PipelineRuntime, ShellEvaluation } from '../app/evaluate.js';
import type { Principal } from '../core/decide.js';
import type { ServerConnection } from '../approvals/settings.js';
import { InputError } from '../core/errors.js';
import { brokeredEnv, withoutDatabaseVariables } from './child-env.js';
import { DEFAULT_BROKER_CONFIG, loadBrokerConfig, passwordOf, type BrokerConfig } from './config.js';
import { execute, type Execution } from './execute.js';
import { describeTarget, matchPostgres } from './match.js';
import { brokeredPsqlArgs, isPsql, psqlTarget } from './psql.js';
import { recordBrokered } from './record.js';

// `interlock run -- <command>`: the command goes through the one pipeline (assess → place → decide → the
// approval server → the audit log) and runs only on a final allow, with credentials from the broker's own
// file that the agent never sees. Everything that is not plainly right fails closed, before the decision:
// no readable private config, no entry for the target, an unsupported program. Nothing runs then.

export interface BrokerRequest {
  /** The command as the agent gave it, word by word (it runs without a shell). */
  argv: readonly string[];
  /** The same command as one line: what is assessed, approved and recorded. */
  command: string;
  principal: Principal;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** The broker's configuration file (default /etc/interlock/broker.yaml). */
  configPath?: string;
}

type ShellFinal = Final<ShellEvaluation>;

export type BrokerResult =
  | { ran: false; final: ShellFinal }
  | { ran: true; final: ShellFinal; execution: Execution; credentials: string; problems: string[] };

export interface BrokerIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Decide, and run with the broker's credentials on a final allow. Throws InputError when nothing may run. */
export async function brokerRun(
  request: BrokerRequest,
  rt: PipelineRuntime,
  options: RunOptions,
  io: BrokerIo,
): Promise<BrokerResult> {
  const { argv } = request;
  if (!isPsql(argv))
    throw new InputError(`the broker runs psql only (not ${argv[0] ?? 'nothing'}); nothing ran`);
  const configPath = request.configPath ?? DEFAULT_BROKER_CONFIG;
  const config = loadBrokerConfig(configPath);
  const target = psqlTarget(argv);
  const entry = matchPostgres(config, target);
  if (!entry)
    throw new InputError(
      `no broker entry in ${configPath} matches ${describeTarget(target)}; nothing ran (the broker never uses the agent's own credentials)`,
    );
  const password = passwordOf(entry);
  // Assessed as it will run: the agent's PG* variables are gone from the child, so they are gone here too.
  const env = withoutDatabaseVariables(request.env);
  const facts = localFacts({ cwd: request.cwd, env });
  const connection = serverOf(config, request.env, configPath);
  const final = await run({ kind: 'shell', command: request.command }, facts, request.principal, rt, {
    ...options,
    env: request.env,
    connection,
  });
  if (final.outcome !== 'allow') return { ran: false, final };
  const credentials = `broker:${entry.name}`;
  const execution = await execute(config.psql, brokeredPsqlArgs(argv, entry.role), {
    // Only the streams of io: it may carry the agent's environment, which must not reach the child.
    stdout: io.stdout,
    stderr: io.stderr,
    env: brokeredEnv(request.env, password),
    ...(request.cwd ? { cwd: request.cwd } : {}),
  });
  const problems = await recordBrokered(
    {
      final,
      command: request.command,
      facts,
      principal: request.principal,
      credentials,
      connection,
      env: request.env,
      ...(rt.config ? { config: rt.config } : {}),
    },
    execution,
  );
  return { ran: true, final, execution, credentials, problems };
}

/** The approval server the broker's file names, asked with the agent's own token; null when it names none. */
function serverOf(config: BrokerConfig, env: NodeJS.ProcessEnv, path: string): ServerConnection | null {
  if (!config.server) return null;
  const token = env.INTERLOCK_TOKEN?.trim();
  if (!token)
    throw new InputError(
      `${path} names the approval server ${config.server.url}, and INTERLOCK_TOKEN (the agent's token) is not set; nothing ran`,
    );
  return { url: config.server.url, token };
}
