import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { percentile } from './stats.js';

// Wall time of whole processes (spawn to exit), interleaved round-robin so that load from other processes
// hits every variant alike. Shared by the hook benchmarks.

export interface Variant {
  name: string;
  args: string[];
  input: string;
  env: NodeJS.ProcessEnv;
  bin?: string;
  /** Runs before each timed call, outside the time (to empty the caches of a cold variant). */
  before?: () => void;
  /** Exit codes that mean it worked (default 0 only): `check` of a denied command exits 5. */
  exitCodes?: readonly number[];
}

export const ms = (ns: bigint) => Number(ns) / 1e6;
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: readonly number[]) => percentile(sorted(xs), 50);
export const p90 = (xs: readonly number[]) => percentile(sorted(xs), 90);

function timeOnce(v: Variant): number {
  v.before?.();
  const t = process.hrtime.bigint();
  const r = spawnSync(v.bin ?? process.execPath, v.args, { input: v.input, env: v.env, encoding: 'utf8' });
  const elapsed = ms(process.hrtime.bigint() - t);
  if (!(v.exitCodes ?? [0]).includes(r.status ?? -1))
    throw new Error(`${v.name}: exit ${r.status}: ${r.stderr}`);
  return elapsed;
}

/** CPU time (user + system, ms) of this process's waited-for children so far; Linux only, else 0. */
function childrenCpuMs(): number {
  try {
    // After the command name in parentheses: field 16 is cutime, 17 cstime (clock ticks, 100 a second).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

/** Wall times per variant; `cpu`, when given, gets each call's CPU time too (10 ms ticks: read the mean). */
export function roundRobin(
  variants: Variant[],
  rounds: number,
  cpu?: Map<string, number[]>,
): Map<string, number[]> {
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (const v of variants) timeOnce(v); // warm the file system cache
  for (let r = 0; r < rounds; r++)
    for (const v of variants) {
      const before = childrenCpuMs();
      times.get(v.name)!.push(timeOnce(v));
      if (cpu) cpu.set(v.name, [...(cpu.get(v.name) ?? []), childrenCpuMs() - before]);
    }
  return times;
}

export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
