import { spawnSync } from 'node:child_process';
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
  if (r.status !== 0) throw new Error(`${v.name}: exit ${r.status}: ${r.stderr}`);
  return elapsed;
}

export function roundRobin(variants: Variant[], rounds: number): Map<string, number[]> {
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (const v of variants) timeOnce(v); // warm the file system cache
  for (let r = 0; r < rounds; r++) for (const v of variants) times.get(v.name)!.push(timeOnce(v));
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
