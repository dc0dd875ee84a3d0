import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { localFacts } from '../adapters/local-facts.js';
import type { Runtime } from '../app/runtime.js';
import { run, runMany, type Final, type RunOptions } from '../app/pipeline.js';
import type { ShellEvaluation } from '../app/evaluate.js';
import { parseDuration } from '../approvals/duration.js';
import { InputError } from '../core/errors.js';
import type { Principal } from '../core/decide.js';
import type { ActionFacts } from '../core/types.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { finalJson, paletteFor, renderCheck } from './render.js';
import { commandFromArgs } from './quote.js';
import { processIo, type CliIo } from './io.js';
import { errorMessage, exitCodeFor } from './errors.js';

export interface CheckOptions {
  json?: boolean;
  cwd?: string;
  batch?: boolean;
  agent?: string;
  /** With an approval server: how long to wait for approval (e.g. "5m"). */
  wait?: string;
}

/** Configuration problems go to stderr; the decisions themselves already fail closed. */
export function reportProblems<R extends { problems: string[] }>(rt: R, io: Pick<CliIo, 'stderr'>): R {
  for (const p of rt.problems)
    io.stderr.write(`interlock: ${p} (production-scoped actions are denied until this is fixed)\n`);
  return rt;
}

let osUser: string | undefined;

export function principalFrom(options: { agent?: string }): Principal {
  if (osUser === undefined) {
    try {
      osUser = userInfo().username;
    } catch {
      osUser = 'unknown'; // no passwd entry (containers)
    }
  }
  const user = osUser;
  return options.agent ? { type: 'Agent', id: options.agent, actsFor: user } : { type: 'Human', id: user };
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
  io: CliIo = processIo(),
): Promise<number> {
  try {
    return await checkOrBatch(args, options, runtime, io);
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
): Promise<number> {
  if (options.batch) {
    if (args.length) throw new InputError('--batch reads commands from stdin; give no command after it');
    return runBatch(options, reportProblems(await runtime(), io), io);
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

const BatchLine = z.object({
  command: z.string({ error: '"command" must be a string' }),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  agent: z.string().optional(),
});

/** Lines decided and recorded together: one audit commit per chunk, and output streams as chunks finish. */
const CHUNK = 256;

/**
 * JSONL in, one result per line out, in order: each line goes through the same pipeline as a single
 * check (the approval server too). A bad line gets an error object and the run goes on; the exit code
 * is 2 when any line was bad, else 0 (each line carries its own outcome).
 */
async function runBatch(options: CheckOptions, rt: Runtime, io: CliIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  const gate = gateOptions(options.wait, 'check --batch', io);
  const baseEnv = io.env as Record<string, string>;
  const factsCache = new Map<string, ActionFacts>();
  let lineNo = 0;
  let failed = false;
  let chunk: {
    line: number;
    item?: { facts: ActionFacts; principal: Principal; command: string };
    error?: string;
  }[] = [];

  const flush = async () => {
    const items = chunk.filter((c) => c.item);
    const finals = await runMany(
      items.map((c) => ({ proposal: { kind: 'shell' as const, command: c.item!.command }, ...c.item! })),
      rt,
      gate,
    );
    let next = 0;
    const out: string[] = [];
    for (const c of chunk) {
      let record: object;
      if (c.error !== undefined) record = { line: c.line, error: c.error };
      else {
        const final = finals[next++]!;
        if ('error' in final) {
          if (!(final.error instanceof InputError)) throw final.error;
          failed = true;
          record = { line: c.line, error: final.error.message };
        } else {
          record = { line: c.line, ...finalJson(final) };
        }
      }
      out.push(`${JSON.stringify(record)}\n`);
    }
    const unrecorded = finals.find((f) => !('error' in f) && !f.audit.recorded) as Final | undefined;
    if (unrecorded && !unrecorded.audit.recorded) io.stderr.write(`interlock: ${unrecorded.audit.message}\n`);
    io.stdout.write(out.join(''));
    chunk = [];
  };

  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      const parsed = BatchLine.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new InputError(
          parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
        );
      const { command, cwd, env, agent } = parsed.data;
      const key = `${cwd ?? options.cwd ?? ''}\0${env ? JSON.stringify(env) : ''}`;
      let facts = factsCache.get(key);
      if (!facts) {
        facts = localFacts({ cwd: cwd ?? options.cwd, env: env ? { ...baseEnv, ...env } : baseEnv });
        if (factsCache.size > 1000) factsCache.clear();
        factsCache.set(key, facts);
      }
      chunk.push({
        line: lineNo,
        item: { facts, principal: principalFrom({ agent: agent ?? options.agent }), command },
      });
    } catch (error) {
      failed = true;
      const message =
        error instanceof SyntaxError
          ? `not valid JSON (${error.message})`
          : error instanceof Error
            ? error.message
            : String(error);
      chunk.push({ line: lineNo, error: message });
    }
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk.length) await flush();
  return failed ? EXIT_CODES.usage : EXIT_CODES.ok;
}
