import { createToken } from '../server/tokens.js';
import { PostgresStore } from '../store/postgres.js';
import { sampleWaits, type WaitShares } from './pg-waits.js';
import { startReplica, type Replica } from './replicas.js';
import { decisionBody, load, paced, type Load } from './server.js';

// `node dist/bench/run.js replicas` → two `interlock serve` processes on one PostgreSQL database, the load
// spread over them in turn (a round-robin balancer): the most decisions per second, and latency at a
// steady 1,000/s, each with where the database's connections spent the time (src/bench/pg-waits.ts).

const DURATION_S = Number(process.env.INTERLOCK_BENCH_SECONDS ?? 5);
export const BENCH_POSTGRES_URL =
  process.env.INTERLOCK_BENCH_DATABASE_URL ??
  process.env.INTERLOCK_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema, migrated, with an agent token; `drop()` removes it. */
export async function benchSchema(name: string) {
  const database = `${BENCH_POSTGRES_URL}${BENCH_POSTGRES_URL.includes('?') ? '&' : '?'}schema=${name}`;
  const store = new PostgresStore(database);
  await store.migrate();
  const { token } = await createToken(store, {
    kind: 'agent',
    name: 'bench',
    actsFor: 'bench-user',
    createdBy: 'bench',
  });
  return {
    database,
    store,
    token,
    drop: async () => {
      await store.dropSchema().catch(() => undefined);
      await store.close().catch(() => undefined);
    },
  };
}

/** autocannon against every replica at once (its share of the connections each); the sum, the worst tail. */
async function maxOver(replicas: Replica[], body: string, token: string): Promise<Load> {
  const each = await Promise.all(
    replicas.map((r) => load(`${r.url}/v1/decisions`, { connections: 32 / replicas.length, body, token })),
  );
  return {
    requests: each.reduce((a, l) => a + l.requests, 0),
    perSecond: each.reduce((a, l) => a + l.perSecond, 0),
    p50ms: Math.max(...each.map((l) => l.p50ms)),
    p99ms: Math.max(...each.map((l) => l.p99ms)),
    errors: each.reduce((a, l) => a + l.errors, 0),
    non2xx: each.reduce((a, l) => a + l.non2xx, 0),
  };
}

async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; waits: WaitShares }> {
  const sampler = await sampleWaits(BENCH_POSTGRES_URL);
  try {
    return { result: await fn(), waits: await sampler.stop() };
  } catch (error) {
    await sampler.stop().catch(() => undefined);
    throw error;
  }
}

const line = (name: string, l: Load, waits: WaitShares) => {
  console.log(
    `${name.padEnd(52)} ${String(l.perSecond).padStart(7)}/s  p50 ${l.p50ms.toFixed(2)} ms  p99 ${l.p99ms.toFixed(2)} ms${l.errors || l.non2xx ? `  (${l.errors} errors, ${l.non2xx} non-2xx)` : ''}`,
  );
  const shares = Object.entries(waits)
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v}%`)
    .join(', ');
  console.log(`${''.padEnd(4)}database connections: ${shares}`);
};

export async function benchReplicas(): Promise<Record<string, unknown>> {
  const schema = await benchSchema(`bench_replicas_${process.pid}`);
  const replicas: Replica[] = [];
  try {
    replicas.push(await startReplica(schema.database), await startReplica(schema.database));
    const urls = replicas.map((r) => `${r.url}/v1/decisions`).join(',');
    const allow = decisionBody('allow');
    await maxOver(replicas, allow, schema.token); // warm-up (its figures are dropped)
    const max = await measured(() => maxOver(replicas, allow, schema.token));
    line('decisions, 2 PostgreSQL replicas, max (32 connections)', max.result, max.waits);
    const at1000 = await measured(() => paced(urls, 1000, DURATION_S, allow, schema.token));
    line('decisions, 2 replicas, steady 1,000/s (paced)', at1000.result, at1000.waits);
    const distinct = decisionBody('allow', '/src/app-__N__');
    const at1000Distinct = await measured(() => paced(urls, 1000, DURATION_S, distinct, schema.token));
    line('  … each one another action (assessed afresh)', at1000Distinct.result, at1000Distinct.waits);
    return { seconds: DURATION_S, replicas: 2, max, at1000, at1000Distinct };
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await schema.drop();
  }
}
