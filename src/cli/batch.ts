import { availableParallelism, loadavg } from 'node:os';
import type { Runtime, RuntimeOptions } from '../app/runtime.js';
import { settleMany, type Evaluated, type Final, type RunOptions } from '../app/pipeline.js';
import { serverConnection } from '../approvals/settings.js';
import { InputError } from '../core/errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { groupEvaluator, type LineResult, type LineWork } from './batch-eval.js';
import { batchFacts } from './batch-facts.js';
import { parseBatchLine } from './batch-line.js';
import { batchPool } from './batch-pool.js';
import { gateOptions, principalFrom, type CheckOptions } from './check.js';
import type { CliIo } from './io.js';
import { lineGroups } from './line-groups.js';
import { finalJson } from './render.js';

/** At most this many lines are decided and recorded together (one audit commit), so output keeps flowing. */
const GROUP = 256;
/** Worker threads start for a group of at least this many lines (a file piped in, not a co-process). */
const PARALLEL_FROM = 64;
/** Groups under way at once (read, evaluated, not yet answered). */
const AHEAD = 4;

/** How a batch may use worker threads: the runtime they load (the same as the main thread's). */
export interface BatchThreads {
  runtime: Omit<RuntimeOptions, 'env' | 'sources'>;
}

type Entry = { line: number; error: string } | { line: number; work: LineWork };

/** A line read: its work, or what is wrong with it. */
function entryOf(text: string, line: number, options: CheckOptions): Entry {
  const parsed = parseBatchLine(text);
  if ('error' in parsed) return { line, error: parsed.error };
  const principal = principalFrom({ agent: parsed.line.agent ?? options.agent });
  return { line, work: { line: parsed.line, principal } };
}

/** The answer to one line: its final result, or its error (an internal error is thrown, as in `check`). */
function answerOf(entry: Entry, final: Final | { error: unknown } | undefined): object {
  if ('error' in entry) return { line: entry.line, error: entry.error };
  if (!final) throw new Error('a batch line has no result (internal error)');
  if ('error' in final) {
    if (!(final.error instanceof InputError)) throw final.error;
    return { line: entry.line, error: final.error.message };
  }
  return { line: entry.line, ...finalJson(final) };
}

/** Record a group's evaluated lines in one commit and write their answers. True when a line was bad. */
async function answerGroup(
  entries: readonly Entry[],
  finals: readonly (Final | { error: unknown })[],
  io: CliIo,
): Promise<boolean> {
  let failed = false;
  let next = 0;
  const out: string[] = [];
  for (const e of entries) {
    const final = 'work' in e ? finals[next++] : undefined;
    if (!final || 'error' in final) failed = true;
    out.push(`${JSON.stringify(answerOf(e, final))}\n`);
  }
  const unrecorded = finals.find((f) => !('error' in f) && !f.audit.recorded) as Final | undefined;
  if (unrecorded && !unrecorded.audit.recorded) io.stderr.write(`interlock: ${unrecorded.audit.message}\n`);
  io.stdout.write(out.join(''));
  return failed;
}

/**
 * Worker threads for a batch: INTERLOCK_BATCH_THREADS when set, else one per core idle now beyond two
 * (the main thread's, and one for V8's compiling and collecting, which a thread adds to), at most 3. On
 * 2 shared cores (load 8-10) a thread made a batch slower, so a busy or small machine starts none. Nor
 * does one pay on 2 idle cores: alone, a batch already keeps ≈1.3 cores busy (V8 compiles and collects
 * beside it), and a worker adds ≈1.1 s of CPU per 10,000 lines (its start, its own warm-up, the results
 * copied back), so both cores fill up: 2.49-2.61 s of wall against 2.60-2.79 s, for a third more CPU.
 */
function threadCount(threads: BatchThreads | undefined, env: NodeJS.ProcessEnv): number {
  if (!threads) return 0;
  const asked = Number.parseInt(env.INTERLOCK_BATCH_THREADS ?? '', 10);
  if (Number.isInteger(asked) && asked >= 0) return Math.min(asked, 16);
  const idle = Math.round(availableParallelism() - loadavg()[0]!);
  return Math.max(0, Math.min(3, idle - 2));
}

/** The gate's settings: the approval server (from the environment and the user's config) is looked up once. */
function batchGate(options: CheckOptions, env: Readonly<Record<string, string>>, rt: Runtime, io: CliIo) {
  const server = serverConnection(env, rt.config);
  return {
    ...gateOptions(options.wait, 'check --batch', io),
    env,
    // A misconfigured server is left to the gate, which says so on every line it concerns.
    ...(server === undefined ? { connection: null } : 'error' in server ? {} : { connection: server }),
  } satisfies RunOptions;
}

/** The stages after evaluation (the server, the audit log) for a group's evaluated lines, in order. */
function settler(rt: Runtime, gate: RunOptions, facts: ReturnType<typeof batchFacts>) {
  return (results: readonly LineResult[], work: readonly LineWork[]) =>
    settleMany(
      results.map((r, i): Evaluated | { error: unknown } => {
        if ('error' in r) return { error: r.input ? new InputError(r.error) : new Error(r.error) };
        const { line, principal } = work[i]!;
        return { evaluation: r.evaluation, principal, facts: { ...r.where, env: facts.envOf(line) } };
      }),
      rt,
      gate,
    );
}

/**
 * JSONL in, one result per line out, in order: each line goes through the same pipeline as a single
 * check (the approval server too). Each line is answered as soon as it is read; lines read together are
 * recorded in one commit (line-groups.ts). A bad line gets an error object and the run goes on; the exit
 * code is 2 when any line was bad, else 0 (each line carries its own outcome).
 */
export async function runBatch(
  options: CheckOptions,
  rt: Runtime,
  io: CliIo,
  threads?: BatchThreads,
): Promise<number> {
  // The environment is read once: every line, the gate and the audit log see the same frozen copy.
  const env = Object.freeze({ ...io.env }) as Readonly<Record<string, string>>;
  const settle = settler(rt, batchGate(options, env, rt, io), batchFacts(options.cwd, env));
  const pool = batchPool(groupEvaluator(options.cwd, env, rt), {
    threads: threadCount(threads, env),
    minLines: PARALLEL_FROM,
    data: { env: { ...env }, ...(options.cwd ? { cwd: options.cwd } : {}), runtime: threads?.runtime ?? {} },
  });
  let lineNo = 0;
  let groupNo = 0;
  let failed = false;
  // Groups are answered in order, one after another; the next group's lines are evaluated meanwhile.
  const answering: Promise<void>[] = [];
  const answer = async (entries: Entry[], evaluated: Promise<LineResult[]>, before: Promise<void>) => {
    const work = entries.flatMap((e) => ('work' in e ? [e.work] : []));
    const results = await evaluated;
    await before;
    if (await answerGroup(entries, await settle(results, work), io)) failed = true;
  };
  try {
    for await (const group of lineGroups(io.stdin, GROUP)) {
      const entries = group.flatMap((text): Entry[] => {
        lineNo++;
        return text.trim() === '' ? [] : [entryOf(text, lineNo, options)];
      });
      if (!entries.length) continue;
      const work = entries.flatMap((e) => ('work' in e ? [e.work] : []));
      const answered = answer(entries, pool.evaluate(groupNo++, work), answering.at(-1) ?? Promise.resolve());
      // An internal error is thrown once, by the first group it stops; the groups after it only wait on it.
      answered.catch(() => undefined);
      answering.push(answered);
      // A few groups under way at most: reading runs no further ahead of the answers than that.
      if (answering.length >= AHEAD) await answering.shift();
    }
    await Promise.all(answering);
  } finally {
    await pool.close();
  }
  return failed ? EXIT_CODES.usage : EXIT_CODES.ok;
}
