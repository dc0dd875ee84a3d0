import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionBody } from '../approvals/api.js';
import { PostgresEventBus } from '../server/console/pg-events.js';
import { startServer, type RunningServer } from '../server/serve.js';
import { createToken } from '../server/tokens.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { percentile } from './stats.js';

// `node dist/bench/run.js console` → how long a new request takes to appear in an open console: from the
// agent's side sending its decision to (a) the page's server-sent event arriving and (b) the pending rows
// the page's script then fetches containing the request. One request at a time, 100 of them, each a
// different action (the server assesses each afresh, as it would a real one). Twice: one server on
// SQLite, and two replicas on one PostgreSQL schema (the agent asks replica A, the console is open on
// replica B: the event crosses through LISTEN/NOTIFY). PostgreSQL: INTERLOCK_BENCH_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test (a schema of the run's own, dropped after).

const N = 100;

async function signIn(url: string, token: string): Promise<string> {
  const first = await fetch(`${url}/console/sign-in`);
  const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await first.text())![1]!;
  const res = await fetch(`${url}/console/sign-in`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ csrf, token }).toString(),
    redirect: 'manual',
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * An open EventSource, as the page has one, read as events arrive: `arrival(id)` resolves with the
 * moment (hrtime) the change event for that request came in, even if it came before it was asked for.
 */
async function openEvents(url: string, cookie: string) {
  const res = await fetch(`${url}/console/events`, { headers: { cookie, accept: 'text/event-stream' } });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const arrived = new Map<string, bigint>();
  const waiting = new Map<string, (at: bigint) => void>();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const at = process.hrtime.bigint();
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const id = /"requestId":"(req_[0-9a-z]+)"/.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        if (!id || arrived.has(id)) continue;
        arrived.set(id, at);
        waiting.get(id)?.(at);
      }
    }
  })();
  const arrival = (id: string) =>
    new Promise<bigint>((resolve) => {
      const at = arrived.get(id);
      if (at !== undefined) resolve(at);
      else waiting.set(id, resolve);
    });
  return { arrival, close: () => reader.cancel() };
}

const ms = (from: bigint, to: bigint = process.hrtime.bigint()) => Number(to - from) / 1e6;
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50ms: +percentile(sorted, 50).toFixed(2), p99ms: +percentile(sorted, 99).toFixed(2) };
};

const BREAKER_OFF = { maxDestructive: 0, windowMs: 60_000 };

async function tokens(store: Store) {
  const make = async (kind: 'agent' | 'human', name: string, actsFor?: string) =>
    (await createToken(store, { kind, name, ...(actsFor ? { actsFor } : {}), createdBy: 'bench' })).token;
  return { agent: await make('agent', 'claude', 'alice'), bob: await make('human', 'bob') };
}

/** N requests asked of `asked`, each timed until it shows in the console open on `watched`. */
async function measure(asked: RunningServer, watched: RunningServer, agent: string, bob: string) {
  const cookie = await signIn(watched.url, bob);
  const events = await openEvents(watched.url, cookie);
  const toEvent: number[] = [];
  const toRow: number[] = [];
  try {
    for (let i = 0; i < N + 5; i++) {
      const body: DecisionBody = {
        proposal: { kind: 'shell', command: `kubectl delete namespace payments-${i} --context prod-eu` },
        facts: { cwd: '/srv', home: '/home/dev', env: {} },
      };
      const start = process.hrtime.bigint();
      const reply = await fetch(`${asked.url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ requestId?: string }>);
      // The id is known from the reply; the event's arrival was noted when it came (often before the reply).
      const { requestId } = reply;
      if (!requestId) throw new Error('the decision did not create a request');
      const event = ms(start, await events.arrival(requestId));
      const rows = await (
        await fetch(`${watched.url}/console/fragments/pending`, { headers: { cookie } })
      ).text();
      if (!rows.includes(requestId)) throw new Error(`request ${requestId} is not in the pending rows`);
      const row = ms(start);
      if (i >= 5) {
        toEvent.push(event);
        toRow.push(row);
      }
    }
  } finally {
    await events.close();
  }
  return { requests: N, toEvent: stats(toEvent), toRow: stats(toRow) };
}

function say(result: Awaited<ReturnType<typeof measure>>, where: string): void {
  console.log(
    `new request → console event: p50 ${result.toEvent.p50ms} ms, p99 ${result.toEvent.p99ms} ms; → row in the pending list: p50 ${result.toRow.p50ms} ms, p99 ${result.toRow.p99ms} ms (${N} requests, ${where})`,
  );
}

async function onSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-console-'));
  const store = await openStore(join(dir, 'server.db'), process.env, { longRunning: true }); // as `interlock serve`
  const { agent, bob } = await tokens(store);
  const server = await startServer({ store, port: 0, breaker: BREAKER_OFF });
  try {
    const result = await measure(server, server, agent, bob);
    say(result, 'SQLite, one server');
    return result;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgresReplicas() {
  const base = process.env.INTERLOCK_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_console_${process.pid}`;
  const database = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
  const channel = `bench_console_${process.pid}`;
  const stores = [await openStore(database), await openStore(database)];
  const { agent, bob } = await tokens(stores[0]!);
  const replicas: RunningServer[] = [];
  const buses: PostgresEventBus[] = [];
  try {
    for (const store of stores) {
      const events = await PostgresEventBus.connect(database, { channel });
      buses.push(events);
      replicas.push(await startServer({ store, port: 0, breaker: BREAKER_OFF, events, database }));
    }
    const result = await measure(replicas[0]!, replicas[1]!, agent, bob);
    say(result, 'PostgreSQL, asked on replica A, console open on replica B');
    return result;
  } finally {
    for (const r of replicas) await r.close();
    for (const b of buses) await b.close();
    const { PostgresStore } = await import('../store/postgres.js');
    const dropper = new PostgresStore(database);
    await dropper.dropSchema().catch(() => undefined);
    await dropper.close();
  }
}

export async function benchConsole(): Promise<Record<string, unknown>> {
  return { sqlite: await onSqlite(), postgresTwoReplicas: await onPostgresReplicas() };
}
