import { entryHash } from '../audit/entry-check.js';
import { VERIFY_PAGE_SIZE } from '../audit/verify.js';
import type { Store } from '../store/types.js';

// What `audit verify` is held against: a plain read of the same rows, hashing each entry's link and body
// and nothing else, with verify's own pages, prefetch and hash function: the ratio is the cost of the checks.

/** The rows read and hashed; the last hash, so the work cannot be skipped. */
export async function readAndHash(
  store: Store,
  pageSize = VERIFY_PAGE_SIZE,
): Promise<{ rows: number; last: string }> {
  let rows = 0;
  let last = '';
  let page = await store.auditTuples(1, pageSize);
  while (page.length) {
    const upcoming =
      page.length === pageSize ? store.auditTuples(page[page.length - 1]![0] + 1, pageSize) : undefined;
    for (const t of page) last = entryHash(t[5], t[4]);
    rows += page.length;
    page = upcoming ? await upcoming : [];
  }
  return { rows, last };
}

export interface Measured<T> {
  value: T;
  seconds: number;
  /** User + system CPU of this process. */
  cpuSeconds: number;
  /** The highest resident set seen while it ran (sampled every 20 ms). */
  peakRssMiB: number;
}

/** Wall time, CPU time and peak RSS of one pass. */
export async function measured<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const cpu = process.cpuUsage();
  const t = performance.now();
  try {
    const value = await fn();
    const used = process.cpuUsage(cpu);
    return {
      value,
      seconds: (performance.now() - t) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      peakRssMiB: Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
  }
}
