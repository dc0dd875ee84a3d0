import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gate } from '../../src/approvals/client.js';
import { ClientError } from '../../src/approvals/http.js';
import type { RunningServer } from '../../src/server/serve.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { body, gateInputOf, wire } from '../approvals/fixtures.js';
import { revokeToken } from '../../src/server/tokens.js';
import { TARGETS } from '../store/stores.js';
import { clientOf, people, serverOn, type People } from './harness.js';

// 100 concurrent approve calls, then 100 concurrent identical retries: exactly one approval transition and
// exactly one consumed grant. On PostgreSQL the calls are spread over two server replicas sharing the state.

const input = () => gateInputOf(body({ group: 'platform' }));

describe.each(TARGETS)('concurrency: $kind', (target) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let servers: RunningServer[];
  let who: People;

  beforeEach(async () => {
    let database: string;
    ({ store, cleanup, database } = await target.create());
    who = await people(store);
    servers = [await serverOn(store)];
    if (target.kind === 'postgres') servers.push(await serverOn(await openStore(database)));
  });
  afterEach(async () => {
    for (const s of servers.slice(1)) await s.close();
    await servers[0]!.close();
    await cleanup();
  });

  it('100 concurrent approvals, then 100 concurrent retries: one approval, one consumed grant', async () => {
    const first = await gate(input(), { server: { url: servers[0]!.url, token: who.agent } });
    const id = first.requestId!;
    // 100 approve calls: 5 platform people 16 times each, and some who may not approve at all.
    const voters = [
      ...who.platform.flatMap((t) => Array.from({ length: 16 }, () => t)),
      ...Array.from({ length: 10 }, () => who.dan), // outside the group
      ...Array.from({ length: 5 }, () => who.alice), // the human the agent acts for
      ...Array.from({ length: 5 }, () => who.agent), // the requester
    ];
    expect(voters).toHaveLength(100);
    const votes = await Promise.allSettled(
      voters.map((t, i) => clientOf(servers[i % servers.length]!, t).approve(id)),
    );
    const counted = votes.filter((v) => v.status === 'fulfilled' && v.value.counted);
    expect(counted).toHaveLength(2);
    const refusals = votes
      .filter((v): v is PromiseRejectedResult => v.status === 'rejected')
      .map((v) => (v.reason as ClientError).code);
    // Refusals are the rules speaking, never an internal error.
    expect(new Set(refusals)).toEqual(
      new Set(['wrong-group', 'own-agent', 'humans-only', 'already-approved']),
    );
    const request = await clientOf(servers[0]!, who.bob).getRequest(id);
    expect(request.state).toBe('approved');
    expect(request.approvals).toHaveLength(2);

    const retries = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        gate(input(), { server: { url: servers[i % servers.length]!.url, token: who.agent } }),
      ),
    );
    const allowed = retries.filter((r) => r.outcome === 'allow');
    expect(allowed).toHaveLength(1);
    expect(allowed[0]!.requestId).toBe(id);
    // Everyone else found (or made) one single new request for the same action.
    const others = new Set(retries.filter((r) => r.outcome !== 'allow').map((r) => r.requestId));
    expect(others.size).toBe(1);
    expect(others.has(id)).toBe(false);

    const audit = await store.auditEntries(1, 10_000);
    expect(verifyAuditChain(audit).ok).toBe(true);
    const count = (type: string) => audit.filter((e) => e.type === type).length;
    expect(count('approval')).toBe(2);
    expect(count('request.approved')).toBe(1);
    expect(count('request.consumed')).toBe(1);
    expect(count('request.created')).toBe(2);
    expect(count('decision')).toBe(101);
  });

  it('a token revoked through one replica is refused on its next decision at the other, amid decisions of other tokens', async () => {
    const last = servers.at(-1)!;
    const post = (token: string, i: number) =>
      fetch(`${last.url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(wire(body({ command: `ls /srv/${i}`, outcome: 'allow', operation: 'read' }))),
      }).then((r) => r.status);
    // Both tokens known to the replica that will decide (a replica may remember identities between requests).
    expect(await Promise.all([post(who.agent, 0), post(who.codex, 1)])).toEqual([200, 200]);
    await revokeToken(store, 'claude', 'test');
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(i % 2 ? who.codex : who.agent, i + 2)),
    );
    expect(statuses).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 200 : 401)));
    const audit = await store.auditEntries(1, 10_000);
    expect(verifyAuditChain(audit).ok).toBe(true);
    const decisionsBy = (actor: string) =>
      audit.filter((e) => e.type === 'decision' && e.actor === actor).length;
    expect([decisionsBy('claude'), decisionsBy('codex')]).toEqual([1, 11]);
  });
});
