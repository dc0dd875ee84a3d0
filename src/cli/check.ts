import { userInfo } from 'node:os';
import { localFacts } from '../adapters/local-facts.js';
import type { Runtime } from '../app/runtime.js';
import { run, type Final, type RunOptions } from '../app/pipeline.js';
import type { ShellEvaluation } from '../app/evaluate.js';
import { parseDuration } from '../approvals/duration.js';
import { InputError } from '../core/errors.js';
import type { Principal } from '../core/decide.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { finalJson, paletteFor, renderCheck } from './render.js';
import { commandFromArgs } from './quote.js';
import { processIo, type CliIo } from './io.js';
import { errorMessage, exitCodeFor } from './errors.js';
import type { BatchThreads } from './batch.js';

export interface CheckOptions {
  json?: boolean;
  cwd?: string;
  batch?: boolean;
  agent?: string;
  /** With an approval server: how long to wait for approval (e.g. "5m"). */
  wait?: string;
  /** Who `agent` acts for, when not this process's OS user (a caller of the daemon, cli-served.ts). */
  actsFor?: string;
}

/** Configuration problems go to stderr; the decisions themselves already fail closed. */
export function reportProblems<R extends { problems: string[] }>(rt: R, io: Pick<CliIo, 'stderr'>): R {
  for (const p of rt.problems)
    io.stderr.write(`interlock: ${p} (production-scoped actions are denied until this is fixed)\n`);
  return rt;
}

let osUser: string | undefined;

export function principalFrom(options: { agent?: string; actsFor?: string }): Principal {
  if (osUser === undefined) {
    try {
      osUser = userInfo().username;
    } catch {
      osUser = 'unknown'; // no passwd entry (containers)
    }
  }
  const user = osUser;
  return options.agent
    ? { type: 'Agent', id: options.agent, actsFor: options.actsFor ?? user }
    : { type: 'Human', id: user };
}

/** `--wait 5m` and the message a person sees while waiting; shared by check and plan check. */
export function gateOptions(wait: string | undefined, via: string, io: CliIo): RunOptions {
  let waitMs = 0;
  if (wait !== undefined) {
    const parsed = parseDuration(wait);
    if (parsed === undefined)
      throw new InputError(`--wait ${wait} is not a duration; use e.g. 90s, 5m or 1h`);
    waitMs = parsed;
  }
  return {
    via,
    env: io.env,
    waitMs,
    onPending: (id, message) =>
      waitMs > 0 && io.stderr.write(`interlock: waiting up to ${wait} for approval of ${id} (${message})\n`),
  };
}

/** What a person or a program reads of one final result. */
function printFinal(final: Final<ShellEvaluation>, options: CheckOptions, io: CliIo): number {
  if (!final.audit.recorded) io.stderr.write(`interlock: ${final.audit.message}\n`);
  io.stdout.write(
    options.json
      ? `${JSON.stringify(finalJson(final))}\n`
      : renderCheck(final, paletteFor(io.stdout, io.env)),
  );
  return EXIT_CODES[final.outcome];
}

export async function runCheck(
  args: string[],
  options: CheckOptions,
  runtime: () => Promise<Runtime>,
  io: CliIo = processIo(options.batch ? 'streams' : 'answer'),
  threads?: BatchThreads,
): Promise<number> {
  try {
    return await checkOrBatch(args, options, runtime, io, threads);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`interlock check: ${errorMessage(error)}\n`);
    return exitCodeFor(error);
  }
}

async function checkOrBatch(
  args: string[],
  options: CheckOptions,
  runtime: () => Promise<Runtime>,
  io: CliIo,
  threads: BatchThreads | undefined,
): Promise<number> {
  if (options.batch) {
    if (args.length) throw new InputError('--batch reads commands from stdin; give no command after it');
    const { runBatch } = await import('./batch.js');
    return runBatch(options, reportProblems(await runtime(), io), io, threads);
  }
  const command = commandFromArgs(args);
  if (command.trim() === '')
    throw new InputError('no command given. Usage: interlock check [--json] [--cwd DIR] -- <command>');
  const gate = gateOptions(options.wait, 'check', io);
  const rt = reportProblems(await runtime(), io);
  const facts = localFacts({ cwd: options.cwd, env: io.env as Record<string, string> });
  const final = await run({ kind: 'shell', command }, facts, principalFrom(options), rt, gate);
  return printFinal(final, options, io);
}
