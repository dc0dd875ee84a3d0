import type { Runtime } from '../app/runtime.js';
import { brokerRun, type BrokerRequest } from '../broker/run.js';
import type { RunOptions } from '../app/pipeline.js';
import { InputError } from '../core/errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { gateOptions, principalFrom, reportProblems } from './check.js';
import { errorMessage, exitCodeFor } from './errors.js';
import { processIo, type CliIo } from './io.js';
import { commandFromArgs } from './quote.js';
import { runInSystemDaemon, systemDaemonFor } from './run-remote.js';
import { paletteFor, renderCheck } from './render.js';

// `interlock run -- <command>`: the broker. The decision goes to stderr (stdout is the command's own); the
// exit code is the decision's when nothing ran, else the command's own exit status.

export interface RunCommandOptions {
  cwd?: string;
  agent?: string;
  wait?: string;
  /** Another broker configuration (tests); it must be as private as the default one. */
  brokerConfig?: string;
}

export async function runBrokered(
  args: string[],
  options: RunCommandOptions,
  runtime: () => Promise<Runtime>,
  io: CliIo = processIo(),
): Promise<number> {
  try {
    if (!args.length)
      throw new InputError('no command given. Usage: interlock run [--wait 5m] -- psql|aws|kubectl …');
    const gate = gateOptions(options.wait, 'run', io);
    // Under Interlock's own user the broker's file is not the agent's to read: the system daemon runs it.
    const daemon = options.brokerConfig ? undefined : systemDaemonFor(io.env);
    if (daemon) return await runInSystemDaemon(daemon, args, options, gate.waitMs ?? 0, io);
    const rt = reportProblems(await runtime(), io);
    const request: BrokerRequest = {
      argv: args,
      command: commandFromArgs(args),
      principal: principalFrom(options),
      env: io.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.brokerConfig ? { configPath: options.brokerConfig } : {}),
    };
    return await decideAndRun(request, rt, gate, io);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`interlock run: ${errorMessage(error)}\n`);
    return exitCodeFor(error);
  }
}

/** The broker's decision and run, reported on `io`; the exit code. Also what the system daemon runs. */
export async function decideAndRun(
  request: BrokerRequest,
  rt: Runtime,
  gate: RunOptions,
  io: Pick<CliIo, 'stdout' | 'stderr' | 'env'>,
): Promise<number> {
  const result = await brokerRun(request, rt, gate, io);
  if (!result.final.audit.recorded) io.stderr.write(`interlock: ${result.final.audit.message}\n`);
  if (!result.ran && result.refused) {
    io.stderr.write(`interlock run: ${result.refused}\n`);
    return EXIT_CODES.deny;
  }
  if (!result.ran) {
    io.stderr.write(`${renderCheck(result.final, paletteFor(io.stdout, io.env))}interlock run: not run\n`);
    return EXIT_CODES[result.final.outcome];
  }
  for (const p of result.problems) io.stderr.write(`interlock run: ${p}\n`);
  const { execution } = result;
  if (execution.error) {
    io.stderr.write(`interlock run: the command could not be started (${execution.error})\n`);
    return EXIT_CODES.internal;
  }
  io.stderr.write(
    `interlock run: ran with ${result.credentials} in ${execution.durationMs} ms, exit ${execution.exitCode ?? execution.signal}\n`,
  );
  return execution.exitCode ?? EXIT_CODES.internal;
}
