// Issue 17: the SQLite store alone, one build against another (run them alternately on a loaded machine):
// node scripts/sqlite-store-ab.mjs DIST → transactions/s, the event loop's busy µs per transaction, p50/p99.
// DIST is the absolute path of a built dist/ directory (this worktree's or another's); CALLERS (default 32) callers append audit
// entries for 4 s, each asking again as soon as it is answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
const dist = process.argv[2];
const { SqliteStore } = await import(`${dist}/store/sqlite.js`);
const dir = mkdtempSync(join(tmpdir(), 'sab-'));
const store = new SqliteStore(join(dir, 'server.db'), { background: true }); // as `interlock serve` opens it
await store.migrate();
const lat = [];
let n = 0;
const until = performance.now() + 4000;
let elu = performance.eventLoopUtilization();
const t0 = performance.now();
const caller = async () => {
  while (performance.now() < until) {
    const s = performance.now();
    const m = ++n;
    await store.transact((tx) =>
      tx.appendAudit({
        type: 'decision',
        actor: 'a',
        at: m,
        data: { n: m, command: 'kubectl apply -f deploy.yaml' },
      }),
    );
    lat.push(performance.now() - s);
  }
};
await Promise.all(Array.from({ length: Number(process.env.CALLERS ?? 32) }, caller));
const secs = (performance.now() - t0) / 1000;
elu = performance.eventLoopUtilization(elu);
lat.sort((a, b) => a - b);
const pct = (p) =>
  Math.round(lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] * 100) / 100;
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    dist,
    callers: process.env.CALLERS ?? 32,
    txPerSec: Math.round(lat.length / secs),
    loopBusyUsPerTx: Math.round((elu.active * 1000) / lat.length),
    p50: pct(50),
    p99: pct(99),
  }),
);
