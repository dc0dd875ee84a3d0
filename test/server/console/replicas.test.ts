import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/types.js';
import { body, wire } from '../../approvals/fixtures.js';
import { TARGETS } from '../../store/stores.js';
import { clientOf, people, spawnServer, type People } from '../harness.js';

// Two `interlock serve` processes on one PostgreSQL schema, as two replicas behind a load balancer: a
// console open on replica B hears, live, the request an agent made on replica A (LISTEN/NOTIFY, wired by
// `interlock serve` itself whenever its store is PostgreSQL), and B's audit timeline shows A's entries.

const POSTGRES = TARGETS.find((t) => t.kind === 'postgres')!;

describe('web console across two PostgreSQL replicas', () => {
  let store: Store;
  let database: string;
  let cleanup: () => Promise<void>;
  let who: People;
  const replicas: Awaited<ReturnType<typeof spawnServer>>[] = [];

  beforeAll(async () => {
    ({ store, database, cleanup } = await POSTGRES.create());
    who = await people(store);
    replicas.push(await spawnServer(database), await spawnServer(database));
  }, 120_000);
  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await cleanup();
  });

  async function signInOn(url: string, token: string): Promise<string> {
    const first = await fetch(`${url}/console/sign-in`);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await first.text())![1]!;
    const res = await fetch(`${url}/console/sign-in`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams({ csrf, token }).toString(),
      redirect: 'manual',
    });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }

  it('a request made on replica A appears live in the console on replica B', async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const cookie = await signInOn(b.url, who.bob);
    const stream = await fetch(`${b.url}/console/events`, { headers: { cookie } });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    // Subscribed once the stream says `ready`; then the agent asks on A.
    let text = '';
    while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';
    const heard = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += value;
        if (/"requestId":"req_/.test(text)) return text;
      }
    })();
    const pending = await clientOf({ url: a.url }, who.agent).decide(
      wire(body({ command: 'kubectl delete namespace payments', digest: 'a'.repeat(64) })),
    );
    expect(pending.requestId).toBeDefined();
    expect(await heard).toContain(pending.requestId);
    await reader.cancel();
    const timeline = await (
      await fetch(`${b.url}/console/audit?agent=claude`, { headers: { cookie } })
    ).text();
    expect(timeline).toContain(pending.requestId);
  }, 60_000);
});
