import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApprovalClient } from '../../src/approvals/http.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { wire, body } from '../approvals/fixtures.js';
import { TARGETS } from '../store/stores.js';
import { people, spawnServer, type People } from './harness.js';

// `kill -9` at random moments while agents ask and people approve: after each restart, nothing that was
// acknowledged is lost, nothing is counted twice, and every grant is used at most once. On PostgreSQL also
// with two replicas on one database: every call goes to one or the other in turn, each round one of them
// is killed mid-load (the other keeps its state and connections) and restarted, so both append to the
// one audit chain concurrently across every kill.

const ROUNDS = 3;
const WORKERS = 6;

// The load is far above any sane breaker limit; the breaker has its own tests.
const NO_BREAKER = 'server:\n  circuitBreaker:\n    maxDestructive: 0\n';

const digest = (n: number) => n.toString(16).padStart(64, '0');

interface Acked {
  created: Set<string>;
  approvals: Set<string>; // `${id}:${approver}`
  allowed: Map<string, number>; // id → allow answers seen
}

const CASES = [
  ...TARGETS.map((target) => ({ target, replicas: 1 })),
  { target: TARGETS.find((t) => t.kind === 'postgres')!, replicas: 2 },
];

type Spawned = Awaited<ReturnType<typeof spawnServer>>;
const exited = (s: Spawned) =>
  new Promise((r) =>
    s.child.exitCode !== null || s.child.signalCode !== null ? r(null) : s.child.once('exit', r),
  );

describe.each(CASES)(
  'durability under kill -9: $target.kind, $replicas replica(s)',
  ({ target, replicas }) => {
    let store: Store;
    let database: string;
    let cleanup: () => Promise<void>;
    let who: People;

    beforeEach(async () => {
      ({ store, database, cleanup } = await target.create());
      who = await people(store);
      await store.close();
    });
    afterEach(async () => {
      await cleanup();
    });

    it('loses no acknowledged request or approval, and double-counts nothing', async () => {
      const acked: Acked = { created: new Set(), approvals: new Set(), allowed: new Map() };
      const idOf = new Map<number, string>();
      let next = 1;
      const failures: unknown[] = [];

      const running: (Spawned | undefined)[] = Array.from({ length: replicas }, () => undefined);
      let call = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < replicas; i++) running[i] ??= await spawnServer(database, { config: NO_BREAKER });
        const servers = running as Spawned[];
        // No client timeout that a slow machine could reach: the kill ends every call at once.
        const clients = servers.map((s) => ({
          agent: new ApprovalClient(s.url, who.agent, { timeoutMs: 120_000 }),
          bob: new ApprovalClient(s.url, who.bob, { timeoutMs: 120_000 }),
          carol: new ApprovalClient(s.url, who.carol, { timeoutMs: 120_000 }),
        }));
        // Each call goes to the next replica in turn, as a round-robin balancer sends them.
        const next_ = () => clients[call++ % clients.length]!;
        let alive = true;
        // The kill comes after a random number of acknowledged requests (4 to 12 a round), not after a time:
        // as many as the test needs however slow the machine, with calls of every kind in flight around it.
        const killAfter = acked.created.size + 4 + Math.floor(Math.random() * 9);
        let killNow!: () => void;
        const enough = new Promise<void>((resolve) => (killNow = resolve));
        const worker = async () => {
          while (alive) {
            const n = next++;
            try {
              const created = await next_().agent.decide(wire(body({ digest: digest(n) })));
              if (created.outcome !== 'pending') throw new Error(`expected pending, got ${created.outcome}`);
              idOf.set(n, created.requestId!);
              acked.created.add(created.requestId!);
              if (acked.created.size >= killAfter) killNow();
              for (const name of ['bob', 'carol'] as const) {
                await next_()[name].approve(created.requestId!);
                acked.approvals.add(`${created.requestId}:${name}`);
              }
              const used = await next_().agent.decide(wire(body({ digest: digest(n) })));
              if (used.outcome === 'allow')
                acked.allowed.set(used.requestId!, (acked.allowed.get(used.requestId!) ?? 0) + 1);
            } catch (error) {
              if (alive) {
                failures.push(error);
                killNow();
              }
              return; // after the kill, failures are expected
            }
          }
        };
        const workers = Array.from({ length: WORKERS }, worker);
        await enough;
        alive = false;
        // One replica dies each round (in turn); the others run on into the next round.
        const victim = round % replicas;
        servers[victim]!.child.kill('SIGKILL');
        await Promise.all(workers);
        await exited(servers[victim]!);
        running[victim] = undefined;
      }
      for (const s of running) await s?.stop();
      expect(failures).toEqual([]);
      expect(acked.created.size, 'the load ran').toBeGreaterThan(10);

      // After the last kill, a server comes back and every open request is completed idempotently.
      const server = await spawnServer(database, { config: NO_BREAKER });
      try {
        const agent = new ApprovalClient(server.url, who.agent);
        const bob = new ApprovalClient(server.url, who.bob);
        const carol = new ApprovalClient(server.url, who.carol);
        for (const [n, id] of idOf) {
          const before = await bob.getRequest(id);
          if (before.state === 'consumed') continue; // used, though the answer may have been lost in the kill
          expect(before.state).toMatch(/pending|approved/);
          for (const client of [bob, carol])
            await client.approve(id).catch((e: { code?: string }) => expect(e.code).toBe('already-approved'));
          const used = await agent.decide(wire(body({ digest: digest(n) })));
          expect(used).toMatchObject({ outcome: 'allow', requestId: id });
          acked.allowed.set(id, (acked.allowed.get(id) ?? 0) + 1);
        }
      } finally {
        await server.stop();
      }

      const check = await openStore(database);
      try {
        for (const id of acked.created)
          expect(await check.getRequest(id), `request ${id} was acknowledged`).toBeDefined();
        for (const key of acked.approvals) {
          const [id, approver] = key.split(':') as [string, string];
          expect((await check.listApprovals(id)).map((a) => a.approver)).toContain(approver);
        }
        const audit = await check.auditEntries(1, 1_000_000);
        expect(verifyAuditChain(audit).ok).toBe(true);
        const perRequest = (type: string) => {
          const m = new Map<string, number>();
          for (const e of audit.filter((x) => x.type === type)) {
            const id = (JSON.parse(e.body) as { data: { requestId: string } }).data.requestId;
            m.set(id, (m.get(id) ?? 0) + 1);
          }
          return m;
        };
        const approvalsAudited = perRequest('approval');
        const consumedAudited = perRequest('request.consumed');
        for (const id of idOf.values()) {
          const r = (await check.getRequest(id))!;
          const approvals = await check.listApprovals(id);
          expect(r.state, id).toBe('consumed');
          expect(approvals.map((a) => a.approver).sort(), id).toEqual(['bob', 'carol']);
          expect(approvalsAudited.get(id), `approvals of ${id} in the audit log`).toBe(2);
          expect(consumedAudited.get(id), `consumption of ${id} in the audit log`).toBe(1);
          expect(acked.allowed.get(id) ?? 0, `allow answers for ${id}`).toBeLessThanOrEqual(1);
        }
      } finally {
        await check.close();
      }
    }, 120_000);
  },
);
