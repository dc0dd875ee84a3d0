import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeCheckpoint, type Signer } from '../audit/checkpoint.js';
import { initKeys, readKeyring, readSigningKey, type Keyring } from '../audit/keys.js';
import { closeLocalAudit, recordLocalDecision, type CheckLike } from '../audit/local.js';
import { auditLogOf, type AuditLog } from '../audit/open.js';
import { verifyAuditLog } from '../audit/verify.js';
import { buildAuditEntry } from '../store/audit.js';
import { parsePostgresUrl, PostgresStore } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import type { AuditInput, Store } from '../store/types.js';
import { measured, readAndHash, type Measured } from './audit-floor.js';
import { percentile } from './stats.js';

/** The faster of a few passes of the same work. */
const best = <T>(runs: Measured<T>[]): Measured<T> => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));

// `npm run bench` (audit): what the tamper-evident log costs.
//  - append throughput with hashing, on each store: one entry per durable commit (what a decision costs),
//    and 100 entries per commit (the ceiling);
//  - a local decision recorded by `recordLocalDecision` (open log, one commit): p50/p99;
//  - `audit verify` over 1,000,000 entries (INTERLOCK_BENCH_AUDIT_ENTRIES to change it), with a signed
//    checkpoint every 1000 entries, as the server keeps them. SQLite is filled through the store itself
//    (1000 appends per transaction); PostgreSQL is bulk-loaded with the store's own entry builder
//    (buildAuditEntry) and multi-row INSERTs, which writes the same rows far faster than a million
//    round trips would.
// PostgreSQL: INTERLOCK_TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test (a schema per run).

const PG_URL = process.env.INTERLOCK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOTAL = Number(process.env.INTERLOCK_BENCH_AUDIT_ENTRIES ?? 1_000_000);
const CHECKPOINT_EVERY = 1000;

function sampleInput(i: number): AuditInput {
  return {
    type: 'decision',
    actor: 'claude',
    at: 1_700_000_000_000 + i * 37,
    data: {
      requester: { kind: 'agent', name: 'claude', actsFor: 'alice' },
      agent: { vendor: 'anthropic', model: 'claude-opus-4', session: 'sess-4f1c2a' },
      tokenId: 'tok_8c1f2a9b',
      digest: (i * 2654435761).toString(16).padStart(64, '0').slice(-64),
      action: {
        kind: 'shell',
        command: `kubectl delete pod web-${i} -n payments-production`,
        cwd: '/src/app',
      },
      local: { outcome: 'require-approval', approvals: 2, group: 'platform' },
      policies: ['baseline.approve-destructive-in-production'],
      environment: 'production',
      outcome: 'pending',
      requestId: `req_${i.toString(36).padStart(12, '0')}`,
    },
  };
}

async function appendRate(store: Store, commits: number, perCommit: number, offset: number): Promise<number> {
  const t = performance.now();
  for (let c = 0; c < commits; c++)
    await store.transact(async (tx) => {
      for (let k = 0; k < perCommit; k++) await tx.appendAudit(sampleInput(offset + c * perCommit + k));
    });
  return Math.round((commits * perCommit) / ((performance.now() - t) / 1000));
}

interface Target {
  kind: 'sqlite' | 'postgres';
  store: Store;
  database: string;
  /** Load entries fast (and sign checkpoints as the server would). */
  load(log: AuditLog, signer: Signer, from: number, count: number): Promise<void>;
  size(): Promise<string>;
  cleanup(): Promise<void>;
}

async function sqliteTarget(dir: string): Promise<Target> {
  const database = join(dir, 'bench.db');
  const store = new SqliteStore(database);
  await store.migrate();
  return {
    kind: 'sqlite',
    store,
    database,
    async load(log, signer, from, count) {
      for (let i = from; i < from + count; i += CHECKPOINT_EVERY) {
        const n = Math.min(CHECKPOINT_EVERY, from + count - i);
        await store.transact(async (tx) => {
          for (let k = 0; k < n; k++) await tx.appendAudit(sampleInput(i + k));
        });
        await writeCheckpoint(log, signer);
      }
    },
    async size() {
      const bytes =
        statSync(database).size + (statSync(`${database}-wal`, { throwIfNoEntry: false })?.size ?? 0);
      return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    },
    cleanup: () => store.close(),
  };
}

async function postgresTarget(): Promise<Target> {
  const schema = `bench_audit_${randomBytes(4).toString('hex')}`;
  const database = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const store = new PostgresStore(database);
  await store.migrate();
  const pool = new pg.Pool({
    connectionString: parsePostgresUrl(database).connectionString,
    max: 1,
    options: `-c search_path=${schema}`,
  });
  return {
    kind: 'postgres',
    store,
    database,
    async load(log, signer, from, count) {
      const [head] = (
        await pool.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')
      ).rows;
      let seq = Number(head!.seq);
      let prev = head!.hash;
      for (let i = from; i < from + count; i += CHECKPOINT_EVERY) {
        const n = Math.min(CHECKPOINT_EVERY, from + count - i);
        const values: unknown[] = [];
        const rows: string[] = [];
        for (let k = 0; k < n; k++) {
          const e = buildAuditEntry(sampleInput(i + k), ++seq, prev);
          prev = e.hash;
          const b = values.length;
          rows.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`);
          values.push(e.seq, e.at, e.type, e.actor, e.body, e.prevHash, e.hash);
        }
        await pool.query('BEGIN');
        await pool.query(
          `INSERT INTO audit (seq, at, type, actor, body, prev_hash, hash) VALUES ${rows.join(', ')}`,
          values,
        );
        await pool.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [seq, prev]);
        await pool.query('COMMIT');
        await writeCheckpoint(log, signer);
      }
    },
    async size() {
      const [r] = (
        await pool.query<{ s: string }>("SELECT pg_size_pretty(pg_total_relation_size('audit')) AS s")
      ).rows;
      return r!.s;
    },
    async cleanup() {
      await store.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

async function benchTarget(
  target: Target,
  signer: Signer,
  keyring: Keyring,
): Promise<Record<string, unknown>> {
  const log = await auditLogOf(target.store, target.database);
  try {
    const single = await appendRate(target.store, target.kind === 'sqlite' ? 1000 : 2000, 1, 0);
    const batched = await appendRate(target.store, 200, 100, 10_000);
    console.log(
      `${target.kind}: append ${single} entries/s (one per durable commit), ${batched} entries/s (100 per commit)`,
    );
    const before = (await log.side.lastEntry())?.seq ?? 0;
    const t = performance.now();
    await target.load(log, signer, before + 1, TOTAL - before);
    const loadS = (performance.now() - t) / 1000;
    // Floor, verify, floor, verify: the machine's load drifts, so each is the better of two passes.
    const floors = [];
    const verifies = [];
    for (let round = 0; round < 2; round++) {
      if (global.gc) global.gc();
      floors.push(await measured(() => readAndHash(target.store)));
      if (global.gc) global.gc();
      verifies.push(await measured(() => verifyAuditLog(log, { keyring })));
    }
    const floor = best(floors);
    const verify = best(verifies);
    const report = verify.value;
    if (!report.ok) throw new Error(`the bench log does not verify: ${report.problem?.message}`);
    const result = {
      appendPerSecondOnePerCommit: single,
      appendPerSecondHundredPerCommit: batched,
      loadSeconds: Number(loadS.toFixed(1)),
      entries: report.checked.entries,
      checkpoints: report.checkpoints.verified,
      verifySeconds: Number(verify.seconds.toFixed(2)),
      verifyCpuSeconds: Number(verify.cpuSeconds.toFixed(2)),
      verifyEntriesPerSecond: Math.round(report.checked.entries / verify.seconds),
      floorSeconds: Number(floor.seconds.toFixed(2)),
      floorCpuSeconds: Number(floor.cpuSeconds.toFixed(2)),
      verifyOverFloor: Number((verify.seconds / floor.seconds).toFixed(2)),
      verifyOverFloorCpu: Number((verify.cpuSeconds / floor.cpuSeconds).toFixed(2)),
      verifyPeakRssMiB: verify.peakRssMiB,
      size: await target.size(),
    };
    console.log(
      `${target.kind}: audit verify of ${report.checked.entries.toLocaleString('en-US')} entries and ${report.checkpoints.verified} signed checkpoints: ${result.verifySeconds} s (${result.verifyCpuSeconds} s CPU, ${result.verifyEntriesPerSecond.toLocaleString('en-US')} entries/s, peak RSS ${result.verifyPeakRssMiB} MiB; table ${result.size})`,
    );
    console.log(
      `${target.kind}: read-and-hash floor ${result.floorSeconds} s (${result.floorCpuSeconds} s CPU): verify is ${result.verifyOverFloor}× the floor (${result.verifyOverFloorCpu}× in CPU; goal ≤ 1.3×)`,
    );
    return result;
  } finally {
    await log.close();
  }
}

async function benchLocal(dir: string): Promise<Record<string, unknown>> {
  const database = join(dir, 'local.db');
  const check: CheckLike = {
    action: { kind: 'shell', command: 'kubectl delete namespace payments-production' },
    assessment: {
      risk: 'critical',
      destructive: true,
      environment: 'production',
      reasons: ['deletes the namespace'],
      effects: [
        {
          operation: 'delete',
          tool: 'kubectl',
          target: 'namespace/payments-production',
          environment: 'production',
          risk: 'critical',
        },
      ],
    },
    decision: {
      outcome: 'require-approval',
      approvals: 2,
      reasons: [],
      policies: [{ id: 'baseline.approve-destructive-in-production' }],
    },
  };
  const principal = { type: 'Agent' as const, id: 'claude-code', vendor: 'anthropic', actsFor: 'alice' };
  const facts = { cwd: '/src/app', home: '/home/alice', env: {} };
  let t = performance.now();
  await recordLocalDecision(check, principal, facts, { database });
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    t = performance.now();
    const r = await recordLocalDecision(check, principal, facts, { database });
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(r.message);
  }
  await closeLocalAudit();
  times.sort((a, b) => a - b);
  const result = {
    firstMs: Number(first.toFixed(2)),
    p50Ms: Number(percentile(times, 50).toFixed(2)),
    p99Ms: Number(percentile(times, 99).toFixed(2)),
  };
  console.log(
    `local decision recorded: first ${result.firstMs} ms (opens the log), then p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
  );
  return result;
}

export async function benchAudit(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-audit-'));
  const keys = {
    privateKey: join(dir, 'keys', 'signing-key.pem'),
    keyring: join(dir, 'keys', 'keyring.json'),
  };
  initKeys(keys);
  const signer: Signer = { key: readSigningKey(keys.privateKey) };
  const keyring = readKeyring(keys.keyring);
  const results: Record<string, unknown> = { entries: TOTAL };
  try {
    results.local = await benchLocal(dir);
    for (const make of [() => sqliteTarget(dir), postgresTarget]) {
      let target: Target | undefined;
      try {
        target = await make();
        results[target.kind] = await benchTarget(target, signer, keyring);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.log(`audit bench: ${target?.kind ?? 'postgres'} skipped: ${message}`);
        results[target?.kind ?? 'postgres'] = { error: message };
      } finally {
        await target?.cleanup().catch(() => undefined);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
