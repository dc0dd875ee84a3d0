import { verifyAuditChain } from '../store/audit.js';
import { noPostgresStats, PostgresStore, type PostgresStats } from '../store/postgres.js';
import { BENCH_POSTGRES_URL } from './server-replicas.js';
import { sampleWaits, type WaitShares } from './pg-waits.js';

// `node dist/bench/run.js pg-chain` → two PostgresStore replicas (two pools, one schema) in this process,
// each with concurrent decision-shaped transactions (read the freezes, append one entry). Counted, not
// timed: round trips and round trips under the head lock per batch, the lock hold per batch as the
// replica sees it (for the lock taken at the end, until the reply, which waits for the flush too), and the
// flushes per batch (the lock taken at the end commits before the disk's flush, which rides in the same
// message: postgres-chain.ts), for the lock taken at the end (today's decisions)
// and in the first round trip (how every transaction took it before: `lockAtStart`, which commits durably
// under the lock). Wall-clock figures beside them mean something only on a quiet machine.

const PER_REPLICA = Number(process.env.INTERLOCK_BENCH_TRANSACTIONS ?? 2000);
const CONCURRENCY = 32;

type Mode = 'lock at end' | 'lock at start';

async function run(mode: Mode): Promise<Record<string, unknown>> {
  const database = `${BENCH_POSTGRES_URL}${BENCH_POSTGRES_URL.includes('?') ? '&' : '?'}schema=bench_chain_${process.pid}`;
  const options = { lockAtStart: mode === 'lock at start' };
  const replicas = [new PostgresStore(database, options), new PostgresStore(database, options)];
  try {
    await replicas[0]!.dropSchema();
    await Promise.all(replicas.map((r) => r.migrate()));
    const sampler = await sampleWaits(BENCH_POSTGRES_URL);
    const started = performance.now();
    await Promise.all(
      replicas.flatMap((replica, r) =>
        Array.from({ length: CONCURRENCY }, async (_, c) => {
          for (let i = c; i < PER_REPLICA; i += CONCURRENCY)
            await replica.transact(async (tx) => {
              const frozen = await tx.getFreeze('global');
              await tx.appendAudit({ type: 'decision', actor: `r${r}`, at: i, data: { frozen: !!frozen } });
            });
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const waits = await sampler.stop();
    const entries = await replicas[0]!.auditEntries(1, 1_000_000);
    const verified = verifyAuditChain(entries).ok && entries.length === 2 * PER_REPLICA;
    const totals = sum(replicas.map((r) => r.stats));
    return report(mode, totals, seconds, waits, verified);
  } finally {
    await replicas[0]!.dropSchema().catch(() => undefined);
    await Promise.all(replicas.map((r) => r.close()));
  }
}

function sum(all: PostgresStats[]): PostgresStats {
  const total = noPostgresStats();
  for (const s of all) for (const k of Object.keys(total) as (keyof PostgresStats)[]) total[k] += s[k];
  return total;
}

function report(mode: Mode, s: PostgresStats, seconds: number, waits: WaitShares, verified: boolean) {
  const per = (n: number) => Math.round((100 * n) / s.batches) / 100;
  const figures = {
    transactions: s.transactions,
    batches: s.batches,
    transactionsPerBatch: per(s.transactions),
    roundTripsPerBatch: per(s.roundTrips),
    lockedRoundTripsPerBatch: per(s.lockedRoundTrips),
    lockHeldMsPerBatch: per(s.lockHeldMs),
    flushesPerBatch: per(s.flushes),
    perSecond: Math.round(s.transactions / seconds),
    chainVerified: verified,
    waits,
  };
  console.log(
    `${mode.padEnd(14)} ${figures.transactions} transactions in ${figures.batches} batches (${figures.transactionsPerBatch}/batch): ` +
      `${figures.roundTripsPerBatch} round trips/batch, ${figures.lockedRoundTripsPerBatch} under the head lock, ` +
      `lock held ${figures.lockHeldMsPerBatch} ms/batch, ${figures.flushesPerBatch} flushes/batch; ${figures.perSecond}/s; chain ${verified ? 'verifies' : 'BROKEN'}`,
  );
  const shares = Object.entries(waits)
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v}%`)
    .join(', ');
  console.log(`${''.padEnd(4)}database connections: ${shares}`);
  return figures;
}

export async function benchPgChain(): Promise<Record<string, unknown>> {
  console.log(`2 replicas × ${CONCURRENCY} concurrent transactions, ${PER_REPLICA} per replica`);
  return { atEnd: await run('lock at end'), atStart: await run('lock at start') };
}
