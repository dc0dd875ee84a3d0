import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepShortest, type ChunkResult, type Failure } from './fuzz/run-target.js';
import { TARGETS } from './fuzz/targets.js';

// `npm run bench fuzz` (issue 17): a million inputs per target through the same properties as
// test/fuzz/*.test.ts, in worker processes, reporting counts, rate and failures.
//   INTERLOCK_FUZZ_INPUTS   inputs per target (default 1,000,000; INTERLOCK_FUZZ_RUNS is the old name)
//   INTERLOCK_FUZZ_TARGETS  shell,plans,… (default: all of src/bench/fuzz/targets.ts)
//   INTERLOCK_FUZZ_WORKERS  processes at once (default: the CPUs, at most 4)
//   INTERLOCK_FUZZ_RECYCLE  inputs per process before a fresh one starts (default 10,000): a V8 abort seen
//                           only in long-running processes is contained, and reported with its input
//   INTERLOCK_FUZZ_SEED     the first stretch's seed; stretch n runs seed + n

const CHILD = fileURLToPath(new URL('./fuzz/child.js', import.meta.url));
const STDERR_KEPT = 2_000;

export interface TargetResult {
  runs: number;
  seconds: number;
  perSecond: number;
  failures: number;
  /** Worker processes that died without a result (a V8 abort, an out-of-memory kill, a hang). */
  processDeaths: number;
  examples: Failure[];
}

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** One stretch in a fresh process: its result, or the death of the process with the input it was on. */
function runStretch(name: string, runs: number, seed: number, dir: string): Promise<ChunkResult | Failure> {
  const out = join(dir, `${name}-${seed}.json`);
  const last = join(dir, `${name}-${seed}.last`);
  const child = spawn(process.execPath, [CHILD, name, String(runs), String(seed), out, last], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT)));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (code === 0 && existsSync(out)) return resolve(JSON.parse(readFileSync(out, 'utf8')) as ChunkResult);
      const input = existsSync(last) ? readFileSync(last, 'utf8').slice(0, 2_000) : '(none yet)';
      const why = stderr.split('\n').filter((l) => /fatal|error|HANG|abort/i.test(l)).slice(0, 3).join(' | ');
      resolve({ input, problem: `process died (seed ${seed}, ${signal ?? `exit ${code}`}): ${why || stderr.slice(-300)}` });
    });
  });
} // prettier-ignore

async function fuzzTarget(name: string, dir: string): Promise<TargetResult> {
  const inputs = setting('INTERLOCK_FUZZ_INPUTS', setting('INTERLOCK_FUZZ_RUNS', 1_000_000));
  const recycle = Math.max(1, setting('INTERLOCK_FUZZ_RECYCLE', 10_000));
  const workers = Math.max(1, setting('INTERLOCK_FUZZ_WORKERS', Math.min(4, availableParallelism())));
  const seed = setting('INTERLOCK_FUZZ_SEED', 17);
  const stretches = Array.from({ length: Math.ceil(inputs / recycle) }, (_, i) =>
    Math.min(recycle, inputs - i * recycle),
  );
  const result: TargetResult = {
    runs: 0,
    seconds: 0,
    perSecond: 0,
    failures: 0,
    processDeaths: 0,
    examples: [],
  };
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < stretches.length) {
      const i = next++;
      const got = await runStretch(name, stretches[i]!, seed + i, dir);
      if ('problem' in got) {
        result.processDeaths++;
        result.failures++;
        result.examples = [got, ...result.examples].slice(0, 10);
        console.log(`  ${name}: ${got.problem}\n    input: ${got.input.slice(0, 300)}`);
        continue;
      }
      result.runs += got.runs;
      result.failures += got.failures;
      result.examples = keepShortest([...result.examples, ...got.examples]);
      console.log(`  ${name}: ${result.runs.toLocaleString('en')} inputs, ${result.failures} failures`);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  result.seconds = (performance.now() - start) / 1000;
  result.perSecond = Math.round(result.runs / result.seconds);
  console.log(`${name}: ${result.runs.toLocaleString('en')} inputs in ${result.seconds.toFixed(1)} s (${result.perSecond}/s, ${workers} processes), ${result.failures} failures, ${result.processDeaths} process deaths`); // prettier-ignore
  for (const e of result.examples) console.log(`  ${e.problem}\n    input: ${e.input.slice(0, 300)}`);
  return result;
}

export async function benchFuzz(): Promise<Record<string, TargetResult>> {
  const only = process.env.INTERLOCK_FUZZ_TARGETS?.split(',');
  const unknown = only?.filter((n) => !(n in TARGETS)) ?? [];
  if (unknown.length)
    throw new Error(`unknown fuzz target ${unknown.join(', ')}: one of ${Object.keys(TARGETS).join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'interlock-fuzz-run-'));
  const results: Record<string, TargetResult> = {};
  try {
    for (const name of only ?? Object.keys(TARGETS)) results[name] = await fuzzTarget(name, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (Object.values(results).some((r) => r.failures)) process.exitCode = 1;
  return results;
}
