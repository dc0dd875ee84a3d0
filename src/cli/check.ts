import { userInfo } from 'node:os';
import { z } from 'zod';
import { localFacts } from '../adapters/local-facts.js';
import { onceFacts } from '../adapters/once-facts.js';
import type { Runtime } from '../app/runtime.js';
import { run, runMany, type Final, type RunOptions } from '../app/pipeline.js';
import type { ShellEvaluation } from '../app/evaluate.js';
import { parseDuration } from '../approvals/duration.js';
import { serverConnection } from '../approvals/settings.js';
import { InputError } from '../core/errors.js';
import type { Principal } from '../core/decide.js';
import type { ActionFacts } from '../core/types.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { finalJson, paletteFor, renderCheck } from './render.js';
import { commandFromArgs } from './quote.js';
import { processIo, type CliIo } from './io.js';
import { lineGroups } from './line-groups.js';
import { errorMessage, exitCodeFor } from './errors.js';

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

/** At most this many lines are decided and recorded together (one audit commit), so output keeps flowing. */
const GROUP = 256;

interface BatchEntry {
  line: number;
  item?: { facts: ActionFacts; principal: Principal; command: string };
  error?: string;
}

/**
 * Reads batch lines into pipeline items. What is the same for every line is worked out once: the
 * environment is copied and frozen (reading the live `process.env` is slow, and a frozen object lets the
 * fact recorder remember which of its variables place an action), and facts are shared per cwd and env.
 */
function batchReader(options: CheckOptions, baseEnv: Readonly<Record<string, string>>) {
  const factsCache = new Map<string, ActionFacts>();
  const factsFor = (cwd: string | undefined, extra: Record<string, string> | undefined) => {
    const key = `${cwd ?? options.cwd ?? ''}\0${extra ? JSON.stringify(extra) : ''}`;
    let facts = factsCache.get(key);
    if (!facts) {
      const lineEnv = extra ? Object.freeze({ ...baseEnv, ...extra }) : baseEnv;
      facts = localFacts({ cwd: cwd ?? options.cwd, env: lineEnv });
      if (factsCache.size > 1000) factsCache.clear();
      factsCache.set(key, facts);
    }
    return facts;
  };
  return (text: string, line: number): BatchEntry => {
    try {
      const parsed = BatchLine.safeParse(JSON.parse(text));
      if (!parsed.success)
        throw new InputError(
          parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
        );
      const { command, cwd, env: extra, agent } = parsed.data;
      const principal = principalFrom({ agent: agent ?? options.agent });
      return { line, item: { facts: factsFor(cwd, extra), principal, command } };
    } catch (error) {
      const message =
        error instanceof SyntaxError
          ? `not valid JSON (${error.message})`
          : error instanceof Error
            ? error.message
            : String(error);
      return { line, error: message };
    }
  };
}

/** Decide a group of lines, record them in one commit, and write their answers. True when a line was bad. */
async function answerGroup(
  entries: BatchEntry[],
  rt: Runtime,
  gate: RunOptions,
  io: CliIo,
): Promise<boolean> {
  let failed = entries.some((e) => e.error !== undefined);
  const items = entries.flatMap((e) => (e.item ? [e.item] : []));
  // The lines of a group are decided as of one moment: each file is looked at once for all of them.
  const groupFacts = new Map<ActionFacts, ActionFacts>();
  const factsOf = (facts: ActionFacts) => {
    let once = groupFacts.get(facts);
    if (!once) groupFacts.set(facts, (once = onceFacts(facts)));
    return once;
  };
  const finals = await runMany(
    items.map(({ command, facts, principal }) => ({
      proposal: { kind: 'shell' as const, command },
      facts: factsOf(facts),
      principal,
    })),
    rt,
    gate,
  );
  let next = 0;
  const out: string[] = [];
  for (const e of entries) {
    let record: object;
    if (e.error !== undefined) record = { line: e.line, error: e.error };
    else {
      const final = finals[next++]!;
      if ('error' in final) {
        if (!(final.error instanceof InputError)) throw final.error;
        failed = true;
        record = { line: e.line, error: final.error.message };
      } else {
        record = { line: e.line, ...finalJson(final) };
      }
    }
    out.push(`${JSON.stringify(record)}\n`);
  }
  const unrecorded = finals.find((f) => !('error' in f) && !f.audit.recorded) as Final | undefined;
  if (unrecorded && !unrecorded.audit.recorded) io.stderr.write(`interlock: ${unrecorded.audit.message}\n`);
  io.stdout.write(out.join(''));
  return failed;
}

/**
 * JSONL in, one result per line out, in order: each line goes through the same pipeline as a single
 * check (the approval server too). Each line is answered as soon as it is read; lines read together are
 * recorded in one commit (line-groups.ts). A bad line gets an error object and the run goes on; the exit
 * code is 2 when any line was bad, else 0 (each line carries its own outcome).
 */
async function runBatch(options: CheckOptions, rt: Runtime, io: CliIo): Promise<number> {
  // The environment is read once: every line, the gate and the audit log see the same frozen copy, and
  // the approval server (from it and the user's config) is looked up once, not once per line.
  const env = Object.freeze({ ...io.env }) as Readonly<Record<string, string>>;
  const server = serverConnection(env, rt.config);
  const gate: RunOptions = {
    ...gateOptions(options.wait, 'check --batch', io),
    env,
    // A misconfigured server is left to the gate, which says so on every line it concerns.
    ...(server === undefined ? { connection: null } : 'error' in server ? {} : { connection: server }),
  };
  const read = batchReader(options, env);
  let lineNo = 0;
  let failed = false;
  for await (const group of lineGroups(io.stdin, GROUP)) {
    const entries: BatchEntry[] = [];
    for (const text of group) {
      lineNo++;
      if (text.trim() !== '') entries.push(read(text, lineNo));
    }
    if (entries.length && (await answerGroup(entries, rt, gate, io))) failed = true;
  }
  return failed ? EXIT_CODES.usage : EXIT_CODES.ok;
}
