import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadParsers } from '../app/checker.js';
import { loadRuntime } from '../app/runtime.js';
import { startServer } from '../server/serve.js';
import { createToken } from '../server/tokens.js';
import { openStore } from '../store/open.js';
import type { Identity } from '../store/types.js';
import { assessorProblem, decisionBody, httpProblem } from './fuzz/decision-target.js';
import { faultProblem, faultyChecker, type Fault } from './fuzz/fault-target.js';
import { agentId, hookProblem, hookStdin } from './fuzz/hook-target.js';
import { fixturePlans, mutatedPlanText, planProblem } from './fuzz/plan-target.js';
import { anyText, mangled, placeFacts, shellCommand } from './fuzz/shell-grammar.js';
import { analyzerPrograms, shellProblem } from './fuzz/shell-target.js';
import { watchdog, type Watchdog } from './fuzz/watchdog.js';

// `npm run bench fuzz` (issue 17): a million inputs per target through the same properties as
// test/fuzz/*.test.ts, reporting counts, rate and failures. INTERLOCK_FUZZ_RUNS sets the count,
// INTERLOCK_FUZZ_SEED the seed, INTERLOCK_FUZZ_TARGETS=shell,plans,… the targets. INTERLOCK_FUZZ_LAST=FILE
// keeps each input in FILE before it runs: what crashed the whole process (a V8 abort) is left there.

/** Per call: a hang, not a slow input. */
const DEADLINE_MS = 10_000;
/** No answer at all for this long (an infinite loop): the watchdog reports the input and stops the run. */
const STALL_MS = 60_000;
const EXAMPLES_KEPT = 5;
const LAST_INPUT_FILE = process.env.INTERLOCK_FUZZ_LAST;

interface TargetResult {
  runs: number;
  seconds: number;
  perSecond: number;
  failures: number;
  /** The shortest failing inputs, with what was wrong. */
  examples: { input: string; problem: string }[];
}

type Check<T> = (input: T) => Promise<string | undefined>;

async function runTarget<T>(
  name: string,
  inputs: fc.Arbitrary<T>,
  check: Check<T>,
  options: { runs: number; seed: number; dog: Watchdog },
): Promise<TargetResult> {
  const examples: TargetResult['examples'] = [];
  let failures = 0;
  let done = 0;
  const start = performance.now();
  const property = fc.asyncProperty(inputs, async (input) => {
    const shown = fc.stringify(input);
    options.dog.beat(`${name}: ${shown}`);
    if (LAST_INPUT_FILE) writeFileSync(LAST_INPUT_FILE, `${name}: ${shown}\n`);
    const problem = await check(input);
    if (++done % 50_000 === 0)
      console.log(`  ${name}: ${done.toLocaleString('en')} inputs, ${failures} failures`);
    if (!problem) return;
    failures++;
    examples.push({ input: shown.slice(0, 2_000), problem });
    examples.sort((a, b) => a.input.length - b.input.length).splice(EXAMPLES_KEPT);
  });
  // The property never fails, so fast-check neither stops nor shrinks: every failure is counted.
  await fc.check(property, { numRuns: options.runs, seed: options.seed });
  const seconds = (performance.now() - start) / 1000;
  const result = { runs: done, seconds, perSecond: Math.round(done / seconds), failures, examples };
  console.log(
    `${name}: ${done.toLocaleString('en')} inputs in ${seconds.toFixed(1)} s (${result.perSecond}/s), ${failures} failures`,
  );
  for (const e of examples) console.log(`  ${e.problem}\n    input: ${e.input.slice(0, 300)}`);
  return result;
}

const FAULTS: fc.Arbitrary<Fault> = fc.record({
  where: fc.constantFrom('parser' as const, 'analyzer' as const, 'policy' as const),
  nth: fc.integer({ min: 1, max: 4 }),
});

export async function benchFuzz(): Promise<Record<string, TargetResult>> {
  const runs = Number(process.env.INTERLOCK_FUZZ_RUNS ?? 1_000_000);
  const seed = Number(process.env.INTERLOCK_FUZZ_SEED ?? 17);
  const only = process.env.INTERLOCK_FUZZ_TARGETS?.split(',');
  const dog = watchdog(STALL_MS);
  const options = { runs, seed, dog };
  // The built-in policies only: no configuration of this machine's user or directory.
  const rt = await loadRuntime({ cwd: '/nonexistent-fuzz-dir', env: { HOME: '/nonexistent-fuzz-home' } });
  const commands = mangled(shellCommand(analyzerPrograms()));
  const plans = mutatedPlanText(fixturePlans());
  const deadline = { deadlineMs: DEADLINE_MS };

  const dir = mkdtempSync(join(tmpdir(), 'interlock-fuzz-'));
  const store = await openStore(join(dir, 'server.db'));
  const { token } = await createToken(store, {
    kind: 'agent',
    name: 'fuzz',
    actsFor: 'dev',
    createdBy: 'fuzz',
  });
  // The breaker is off: a million decisions is far above any sane limit, and freezing is not what is fuzzed.
  const server = await startServer({
    store,
    port: 0,
    runtime: rt,
    breaker: { maxDestructive: 0, windowMs: 60_000 },
  });
  const caller: Identity = {
    id: 'fuzz',
    kind: 'agent',
    name: 'fuzz',
    groups: [],
    actsFor: 'dev',
    createdAt: 0,
  };
  const faulty = faultyChecker(await loadParsers(), rt.evaluator);

  const targets: [string, () => Promise<TargetResult>][] = [
    ['shell-text', () => runTarget('shell-text', fc.tuple(anyText, placeFacts), ([c, p]) => shellProblem(rt, c, p, deadline), options)],
    ['shell', () => runTarget('shell', fc.tuple(commands, placeFacts), ([c, p]) => shellProblem(rt, c, p, deadline), options)],
    ['shell-faults', () => runTarget('shell-faults', fc.tuple(commands, placeFacts, FAULTS), ([c, p, f]) => faultProblem(faulty, c, p, f), options)],
    ['plans', () => runTarget('plans', plans, (t) => planProblem(t, rt.evaluator, DEADLINE_MS), options)],
    ['hooks', () => runTarget('hooks', fc.tuple(agentId, hookStdin), ([a, raw]) => hookProblem(a, raw, DEADLINE_MS), options)],
    ['decisions', () => runTarget('decisions', decisionBody(commands, plans), (b) => assessorProblem(caller, b, rt, DEADLINE_MS), options)],
    ['decisions-http', () => runTarget('decisions-http', decisionBody(commands, plans), (b) => httpProblem(server.url, token, b, DEADLINE_MS), options)],
  ]; // prettier-ignore
  const results: Record<string, TargetResult> = {};
  try {
    for (const [name, run] of targets) if (!only || only.includes(name)) results[name] = await run();
  } finally {
    await server.close();
    await store.close();
    await dog.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const failed = Object.values(results).reduce((n, r) => n + r.failures, 0);
  if (failed) process.exitCode = 1;
  return results;
}
