import { createToken } from '../server/tokens.js';
import { PostgresStore } from '../store/postgres.js';
import { sampleWaits, type WaitShares } from './pg-waits.js';
import { roundTripProxy, type RoundTripProxy } from './pg-round-trips.js';
import { watchPauses, type Pauses } from './replica-pauses.js';
import { replicaCpuMs, startReplica, type Replica } from './replicas.js';
import { decisionBody, load, paced, type Load } from './server.js';

// `node dist/bench/run.js replicas` → two `interlock serve` processes on one PostgreSQL database, the load
// spread over them in turn (a round-robin balancer): the most decisions per second, and latency at a
// steady 1,000/s, each with where the database's connections spent the time (src/bench/pg-waits.ts).
// INTERLOCK_BENCH_COUNT_ROUND_TRIPS=1 puts a counting proxy between the replicas and the database
// (src/bench/pg-round-trips.ts) and prints the round trips per decision (the proxy's hop adds latency).

const DURATION_S = Number(process.env.INTERLOCK_BENCH_SECONDS ?? 5);
// INTERLOCK_BENCH_RATE: the steady rate (default 1,000/s); a low one counts round trips of small batches.
const RATE = Number(process.env.INTERLOCK_BENCH_RATE ?? 1000);
const COUNT_ROUND_TRIPS = process.env.INTERLOCK_BENCH_COUNT_ROUND_TRIPS === '1';
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

interface Measured<T> {
  result: T;
  waits: WaitShares;
  /** CPU time of both replicas per decision: what bounds the maximum when they share the machine's cores. */
  replicaCpuMsPerDecision: number;
  roundTripsPerDecision?: number;
  /** The replicas' event-loop delay and GC pauses over the load (src/bench/replica-pauses.ts). */
  pauses: Pauses;
}

async function measured<T extends Load>(
  fn: () => Promise<T>,
  replicas: Replica[],
  token: string,
  proxy?: RoundTripProxy,
): Promise<Measured<T>> {
  const pauses = await watchPauses(
    replicas.map((r) => r.url),
    token,
  );
  const sampler = await sampleWaits(BENCH_POSTGRES_URL);
  const cpu = () => replicas.reduce((sum, r) => sum + replicaCpuMs(r), 0);
  try {
    const before = { trips: proxy?.count() ?? 0, cpu: cpu() };
    const result = await fn();
    const replicaCpuMsPerDecision = (cpu() - before.cpu) / result.requests;
    const roundTrips = proxy
      ? { roundTripsPerDecision: (proxy.count() - before.trips) / result.requests }
      : {};
    const waits = await sampler.stop();
    return { result, waits, replicaCpuMsPerDecision, ...roundTrips, pauses: await pauses.stop() };
  } catch (error) {
    await sampler.stop().catch(() => undefined);
    throw error;
  }
}

const line = (name: string, m: Measured<Load>) => {
  const { result: l, waits, roundTripsPerDecision } = m;
  const trips =
    `  replicas' CPU ${m.replicaCpuMsPerDecision.toFixed(2)} ms/decision` +
    (roundTripsPerDecision === undefined ? '' : `, ${roundTripsPerDecision.toFixed(2)} round trips/decision`);
  console.log(
    `${name.padEnd(52)} ${String(l.perSecond).padStart(7)}/s  p50 ${l.p50ms.toFixed(2)} ms  p99 ${l.p99ms.toFixed(2)} ms${trips}${l.errors || l.non2xx ? `  (${l.errors} errors, ${l.non2xx} non-2xx)` : ''}`,
  );
  const shares = Object.entries(waits)
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v}%`)
    .join(', ');
  console.log(`${''.padEnd(4)}database connections: ${shares}`);
  const p = m.pauses;
  console.log(
    `${''.padEnd(4)}replicas: event-loop delay p99 ${p.loopP99Ms.toFixed(1)} ms, max ${p.loopMaxMs.toFixed(1)} ms; ` +
      `GC ${p.gcCount} pauses, ${p.gcMs.toFixed(0)} ms in all, ${p.gcOver10Ms} over 10 ms`,
  );
};

export async function benchReplicas(): Promise<Record<string, unknown>> {
  const schema = await benchSchema(`bench_replicas_${process.pid}`);
  const replicas: Replica[] = [];
  const proxy = COUNT_ROUND_TRIPS ? await roundTripProxy(BENCH_POSTGRES_URL) : undefined;
  const database = proxy ? schema.database.replace(BENCH_POSTGRES_URL, proxy.url) : schema.database;
  try {
    replicas.push(await startReplica(database), await startReplica(database));
    const urls = replicas.map((r) => `${r.url}/v1/decisions`).join(',');
    const allow = decisionBody('allow');
    await maxOver(replicas, allow, schema.token); // warm-up (its figures are dropped)
    const max = await measured(() => maxOver(replicas, allow, schema.token), replicas, schema.token, proxy);
    line('decisions, 2 PostgreSQL replicas, max (32 connections)', max);
    const at1000 = await measured(
      () => paced(urls, RATE, DURATION_S, allow, schema.token),
      replicas,
      schema.token,
      proxy,
    );
    line(`decisions, 2 replicas, steady ${RATE.toLocaleString('en')}/s (paced)`, at1000);
    const distinct = decisionBody('allow', '/src/app-__N__');
    const at1000Distinct = await measured(
      () => paced(urls, RATE, DURATION_S, distinct, schema.token),
      replicas,
      schema.token,
      proxy,
    );
    line('  … each one another action (assessed afresh)', at1000Distinct);
    return { seconds: DURATION_S, replicas: 2, max, at1000, at1000Distinct };
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await proxy?.close();
    await schema.drop();
  }
}
