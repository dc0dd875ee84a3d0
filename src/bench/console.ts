import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionBody } from '../approvals/api.js';
import { startServer } from '../server/serve.js';
import { createToken } from '../server/tokens.js';
import { openStore } from '../store/open.js';
import { percentile } from './stats.js';

// `node dist/bench/run.js console` → how long a new request takes to appear in an open console (SQLite):
// from the agent's side sending its decision to (a) the page's server-sent event arriving and (b) the
// pending rows the page's script then fetches containing the request. One request at a time, 100 of them,
// each a different action (the server assesses each afresh, as it would a real one).

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

export async function benchConsole(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-console-'));
  const store = await openStore(join(dir, 'server.db'));
  const make = async (kind: 'agent' | 'human', name: string, actsFor?: string) =>
    (await createToken(store, { kind, name, ...(actsFor ? { actsFor } : {}), createdBy: 'bench' })).token;
  const agent = await make('agent', 'claude', 'alice');
  const bob = await make('human', 'bob');
  const server = await startServer({ store, port: 0, breaker: { maxDestructive: 0, windowMs: 60_000 } });
  try {
    const cookie = await signIn(server.url, bob);
    const events = await openEvents(server.url, cookie);
    const toEvent: number[] = [];
    const toRow: number[] = [];
    for (let i = 0; i < N + 5; i++) {
      const body: DecisionBody = {
        proposal: { kind: 'shell', command: `kubectl delete namespace payments-${i} --context prod-eu` },
        facts: { cwd: '/srv', home: '/home/dev', env: {} },
      };
      const start = process.hrtime.bigint();
      const reply = fetch(`${server.url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ requestId?: string }>);
      // The id is known from the reply; the event's arrival was noted when it came (often before the reply).
      const { requestId } = await reply;
      if (!requestId) throw new Error('the decision did not create a request');
      const event = ms(start, await events.arrival(requestId));
      const rows = await (
        await fetch(`${server.url}/console/fragments/pending`, { headers: { cookie } })
      ).text();
      if (!rows.includes(requestId)) throw new Error(`request ${requestId} is not in the pending rows`);
      const row = ms(start);
      if (i >= 5) {
        toEvent.push(event);
        toRow.push(row);
      }
    }
    await events.close();
    const result = { requests: N, store: 'sqlite', toEvent: stats(toEvent), toRow: stats(toRow) };
    console.log(
      `new request → console event: p50 ${result.toEvent.p50ms} ms, p99 ${result.toEvent.p99ms} ms; → row in the pending list: p50 ${result.toRow.p50ms} ms, p99 ${result.toRow.p99ms} ms (${N} requests, SQLite)`,
    );
    return result;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
