import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import type { DecisionBody } from '../approvals/api.js';
import { startServer } from '../server/serve.js';
import { createLogger, logDestination, LogLevel } from '../server/telemetry/logger.js';
import { createToken } from '../server/tokens.js';
import { openStore } from '../store/open.js';

// `npm run bench` → the approval server over HTTP: decisions per second and latency with each store, beside
// the same framework's bare hello-world. The load comes from a second process (autocannon), so the server
// has the event loop to itself; on a 2-core machine the two processes share the cores.

export interface Load {
  requests: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
}

const DURATION_S = Number(process.env.INTERLOCK_BENCH_SECONDS ?? 5);
const POSTGRES_URL =
  process.env.INTERLOCK_BENCH_DATABASE_URL ??
  process.env.INTERLOCK_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

function autocannonBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
}

/** Run autocannon in its own process and read its JSON summary. */
export async function load(
  url: string,
  options: { connections: number; body?: string; token?: string; seconds?: number },
): Promise<Load> {
  const args = [
    autocannonBin(),
    '-c',
    String(options.connections),
    '-d',
    String(options.seconds ?? DURATION_S),
    '-j',
    '-n',
  ];
  if (options.body) args.push('-m', 'POST', '-H', 'content-type=application/json', '-b', options.body);
  if (options.token) args.push('-H', `authorization=Bearer ${options.token}`);
  args.push(url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number>((r) => child.once('exit', (c) => r(c ?? -1)));
  if (code !== 0) throw new Error(`autocannon failed (${code}): ${err}`);
  const r = JSON.parse(out.trim().split('\n').pop()!) as {
    requests: { total: number; average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
    duration: number;
  };
  return {
    requests: r.requests.total,
    perSecond: Math.round(r.requests.total / r.duration),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

/**
 * Open-loop load at a steady rate from this module run as a second process (`node server.js --paced …`):
 * requests leave on schedule (checked every millisecond) whether or not earlier ones have returned, so a
 * slow server shows up as latency instead of slowing the load. (autocannon's -R sends each second's
 * requests in a burst at the start of the second: that measures bursts, not a steady rate.) Several URLs
 * (comma-separated: replicas) take the requests in turn, as a round-robin load balancer would.
 */
export async function paced(
  url: string,
  rate: number,
  seconds: number,
  body: string,
  token: string,
): Promise<Load> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), '--paced', url, String(rate), String(seconds), token],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  child.stdin.end(body);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number>((r) => child.once('exit', (c) => r(c ?? -1)));
  if (code !== 0) throw new Error(`paced load failed (${code}): ${err}`);
  return JSON.parse(out) as Load;
}

async function pacedMain(url: string, rate: number, seconds: number, token: string): Promise<void> {
  let body = '';
  for await (const chunk of process.stdin) body += String(chunk);
  const targets = url.split(',').map((u) => new URL(u));
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = rate * seconds;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  // `__N__` in the body becomes the request's number: every request is another action.
  const distinct = body.includes('__N__');
  const send = (n: number) =>
    new Promise<void>((resolve) => {
      const text = distinct ? body.replaceAll('__N__', String(n)) : body;
      const sentAt = process.hrtime.bigint();
      const target = targets[n % targets.length]!;
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if ((res.statusCode ?? 0) >= 300) non2xx++;
            latencies.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(text);
    });
  const start = Number(process.hrtime.bigint()) + 50e6;
  const interval = 1e9 / rate;
  const inflight: Promise<void>[] = [];
  let sent = 0;
  while (sent < total) {
    const now = Number(process.hrtime.bigint());
    while (sent < total && start + sent * interval <= now) {
      inflight.push(send(sent));
      sent++;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inflight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  const result: Load = {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50ms: Math.round(pct(50) * 1000) / 1000,
    p99ms: Math.round(pct(99) * 1000) / 1000,
    errors,
    non2xx,
  };
  process.stdout.write(JSON.stringify(result));
}

async function helloWorld(): Promise<Load> {
  const app = new Hono();
  app.get('/hello', (c) => c.text('hello'));
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await load(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hello`, {
      connections: 32,
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/**
 * An agent's decision as `interlock check` sends it: the command and its facts, which the server assesses
 * itself (a non-production apply its policies allow, or a production delete that needs approval).
 */
export function decisionBody(outcome: 'allow' | 'require-approval', cwd = '/src/app'): string {
  const command =
    outcome === 'allow'
      ? 'kubectl apply -f deploy.yaml --context staging'
      : 'kubectl delete namespace payments --context production';
  const body: DecisionBody = {
    proposal: { kind: 'shell', command },
    facts: { cwd, home: '/home/bench', env: { KUBECONFIG: null } },
    local: {
      outcome,
      approvals: outcome === 'allow' ? 0 : 2,
      reasons: ['policy baseline'],
      policies: [{ id: 'baseline', outcome }],
    },
  };
  return JSON.stringify(body);
}

async function storeLoads(database: string | undefined): Promise<Record<string, unknown>> {
  const store = await openStore(database, process.env, { longRunning: true }); // as `interlock serve`
  const { token } = await createToken(store, {
    kind: 'agent',
    name: 'bench',
    actsFor: 'bench-user',
    createdBy: 'bench',
  });
  // The breaker is off: this load is far above any sane limit, and it is not what is measured.
  // Telemetry as shipped: a JSON line per request at info (written to /dev/null, asynchronously as
  // `interlock serve` writes stderr) and metrics on; INTERLOCK_BENCH_LOG_LEVEL=silent measures without logs.
  const level = LogLevel.parse(process.env.INTERLOCK_BENCH_LOG_LEVEL ?? 'info');
  const logger = createLogger(level, logDestination('/dev/null'));
  const server = await startServer({
    store,
    port: 0,
    breaker: { maxDestructive: 0, windowMs: 60_000 },
    telemetry: { logger },
  });
  const url = `${server.url}/v1/decisions`;
  try {
    await load(url, { connections: 8, body: decisionBody('allow'), token, seconds: 1 }); // warm-up
    const max = await load(url, { connections: 32, body: decisionBody('allow'), token });
    const at1000 = await paced(url, 1000, DURATION_S, decisionBody('allow'), token);
    // Every request another action (another directory): the server assesses each one afresh.
    const at1000Distinct = await paced(url, 1000, DURATION_S, decisionBody('allow', '/src/app-__N__'), token);
    // Agents retrying an action that waits for approval: find the request, answer pending.
    const pending = await load(url, { connections: 32, body: decisionBody('require-approval'), token });
    return { store: store.kind, max, at1000, at1000Distinct, pending };
  } finally {
    await server.close();
  }
}

const line = (name: string, l: Load) =>
  console.log(
    `${name.padEnd(46)} ${String(l.perSecond).padStart(7)}/s  p50 ${l.p50ms.toFixed(2)} ms  p99 ${l.p99ms.toFixed(2)} ms${l.errors || l.non2xx ? `  (${l.errors} errors, ${l.non2xx} non-2xx)` : ''}`,
  );

export async function benchServer(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { seconds: DURATION_S };
  const hello = await helloWorld();
  line('hono hello-world (32 connections)', hello);
  results.helloWorld = hello;

  const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-'));
  try {
    const sqlite = (await storeLoads(join(dir, 'server.db'))) as Record<string, Load>;
    line('decisions, SQLite, max (32 connections)', sqlite.max!);
    line('decisions, SQLite, steady 1,000/s (paced)', sqlite.at1000!);
    line('  … each one another action (assessed afresh)', sqlite.at1000Distinct!);
    line('pending lookups, SQLite (32 connections)', sqlite.pending!);
    results.sqlite = sqlite;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const schema = `bench_${process.pid}`;
  const database = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  try {
    const pg = (await storeLoads(database)) as Record<string, Load>;
    line('decisions, PostgreSQL, max (32 connections)', pg.max!);
    line('decisions, PostgreSQL, steady 1,000/s (paced)', pg.at1000!);
    line('  … each one another action (assessed afresh)', pg.at1000Distinct!);
    line('pending lookups, PostgreSQL (32 connections)', pg.pending!);
    results.postgres = pg;
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
    results.postgres = { skipped: (error as Error).message };
  } finally {
    const { PostgresStore } = await import('../store/postgres.js');
    const dropper = new PostgresStore(database);
    await dropper.dropSchema().catch(() => undefined);
    await dropper.close().catch(() => undefined);
  }
  return results;
}

if (process.argv[2] === '--paced' && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [, , , url, rate, seconds, token] = process.argv;
  await pacedMain(url!, Number(rate), Number(seconds), token!);
}
