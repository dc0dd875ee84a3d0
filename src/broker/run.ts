import { basename } from 'node:path';
import { localFacts } from '../adapters/local-facts.js';
import { run, type RunOptions } from '../app/pipeline.js';
import type { PipelineRuntime } from '../app/evaluate.js';
import type { Principal } from '../core/decide.js';
import type { ServerConnection } from '../approvals/settings.js';
import { InputError } from '../core/errors.js';
import { awsKind } from './aws.js';
import { DEFAULT_BROKER_CONFIG, loadBrokerConfig, type BrokerConfig } from './config.js';
import { execute, type Execution } from './execute.js';
import { LaunchRefused, type BrokerKind, type Launch, type ShellFinal } from './kind.js';
import { kubectlKind } from './kubectl.js';
import { postgresKind } from './postgres.js';
import { recordBrokered, type ExecutionContext } from './record.js';

// `interlock run -- <command>`: the command goes through the one pipeline (assess → place → decide → the
// approval server → the audit log) and runs only on a final allow, with credentials from the broker's own
// file that the agent never sees. Everything that is not plainly right fails closed, before the decision:
// no readable private config, no entry for the target, an unsupported program. A credential source that
// fails after the decision (STS down) turns the allow into a deny. Nothing runs then.

/** The brokered programs, one file each. */
const KINDS: readonly BrokerKind[] = [postgresKind, awsKind, kubectlKind];

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

export type BrokerResult =
  | { ran: false; final: ShellFinal; refused?: string }
  | { ran: true; final: ShellFinal; execution: Execution; credentials: string; problems: string[] };

export interface BrokerIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

function kindOf(argv: readonly string[]): BrokerKind {
  const program = argv.length ? basename(argv[0]!) : '';
  const kind = KINDS.find((k) => k.program === program);
  if (!kind)
    throw new InputError(
      `the broker runs ${KINDS.map((k) => k.program).join(', ')} only (not ${program || 'nothing'}); nothing ran`,
    );
  return kind;
}

/** Decide, and run with the broker's credentials on a final allow. Throws InputError when nothing may run. */
export async function brokerRun(
  request: BrokerRequest,
  rt: PipelineRuntime,
  options: RunOptions,
  io: BrokerIo,
): Promise<BrokerResult> {
  const kind = kindOf(request.argv);
  const configPath = request.configPath ?? DEFAULT_BROKER_CONFIG;
  const config = loadBrokerConfig(configPath);
  const prepared = kind.prepare(request.argv, config, configPath, request.env);
  const facts = localFacts({ cwd: request.cwd, env: prepared.assessEnv });
  const connection = serverOf(config, request.env, configPath);
  const final = await run({ kind: 'shell', command: request.command }, facts, request.principal, rt, {
    ...options,
    env: request.env,
    connection,
  });
  if (final.outcome !== 'allow') return { ran: false, final };
  const context: ExecutionContext = {
    final,
    command: request.command,
    facts,
    principal: request.principal,
    credentials: prepared.credentials,
    connection,
    env: request.env,
    ...(rt.config ? { config: rt.config } : {}),
  };
  let launch: Launch;
  try {
    launch = await prepared.launch(final);
  } catch (error) {
    if (!(error instanceof LaunchRefused)) throw error;
    // Fail closed: the allow stands for nothing without the narrowed credentials. Recorded as not run.
    await recordBrokered(context, { durationMs: 0, error: error.message });
    return { ran: false, final: { ...final, outcome: 'deny' }, refused: error.message };
  }
  for (const note of launch.notes ?? []) io.stderr.write(`interlock run: ${note}\n`);
  const execution = await execute(launch.program, launch.args, {
    // Only the streams of io: it may carry the agent's environment, which must not reach the child.
    stdout: io.stdout,
    stderr: io.stderr,
    env: launch.env,
    ...(request.cwd ? { cwd: request.cwd } : {}),
  });
  const problems = await recordBrokered(context, execution);
  return { ran: true, final, execution, credentials: prepared.credentials, problems };
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
