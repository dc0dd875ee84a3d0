// Issue 17: the approval server on SQLite, as the server bench's storeLoads runs it, for one build:
// node scripts/sqlite-server-ab.mjs DIST [SECONDS] → max (autocannon, 32 connections) with the server's CPU and
// event-loop busy µs per request, then the paced 1,000/s loads (AB_MAX_ONLY=1 skips them). Run two builds'
// dist/ (absolute paths) alternately to compare them on a loaded machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const dist = process.argv[2];
const seconds = Number(process.argv[3] ?? 5);
const { load, paced, decisionBody } = await import(`${dist}/bench/server.js`);
const { startServer } = await import(`${dist}/server/serve.js`);
const { createLogger, logDestination } = await import(`${dist}/server/telemetry/logger.js`);
const { createToken } = await import(`${dist}/server/tokens.js`);
const { openStore } = await import(`${dist}/store/open.js`);
const { createRequire } = await import('node:module');
const { pino } = createRequire(dist + '/x.js')('pino');
const dir = mkdtempSync(join(tmpdir(), 'ab-'));
const store = await openStore(join(dir, 'server.db'), process.env, { longRunning: true }); // as `interlock serve`
const { token } = await createToken(store, { kind: 'agent', name: 'bench', actsFor: 'u', createdBy: 'b' });
// Each build's own stderr destination (logDestination since it gathers writes), to /dev/null.
const logger = createLogger(
  'info',
  logDestination ? logDestination('/dev/null') : pino.destination({ dest: '/dev/null', sync: false }),
);
const server = await startServer({
  store,
  port: 0,
  breaker: { maxDestructive: 0, windowMs: 60000 },
  telemetry: { logger },
});
const url = `${server.url}/v1/decisions`;
const out = { dist };
await load(url, { connections: 8, body: decisionBody('allow'), token, seconds: 1 });
const { performance } = await import('node:perf_hooks');
let elu = performance.eventLoopUtilization();
let cpu = process.cpuUsage();
const max = await load(url, { connections: 32, body: decisionBody('allow'), token, seconds });
cpu = process.cpuUsage(cpu);
elu = performance.eventLoopUtilization(elu);
out.max = {
  ...max,
  cpuUsPerReq: Math.round((cpu.user + cpu.system) / max.requests),
  loopBusyUsPerReq: Math.round((elu.active * 1000) / max.requests),
  loopUtil: Math.round(elu.utilization * 100) / 100,
};
if (!process.env.AB_MAX_ONLY) {
  out.at1000 = await paced(url, 1000, seconds, decisionBody('allow'), token);
  out.at1000Distinct = await paced(url, 1000, seconds, decisionBody('allow', '/src/app-__N__'), token);
}
await server.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(out));
