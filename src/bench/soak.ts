import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DecisionBody } from '../approvals/api.js';
import { ApprovalClient } from '../approvals/http.js';
import { createToken } from '../server/tokens.js';
import { verifyAuditChain } from '../store/audit.js';
import type { AuditEntry, Store } from '../store/types.js';
import { startReplica, type Replica } from './replicas.js';
import { benchSchema } from './server-replicas.js';
import { percentile } from './stats.js';

// `node dist/bench/run.js soak` → two `interlock serve` replicas on one PostgreSQL database for
// INTERLOCK_SOAK_MINUTES (default 10): decisions at INTERLOCK_SOAK_RATE a second (default 1,000, each
// another action), approval rounds among them (ask, two approvals, use the grant), and kill -9 of one
// replica every INTERLOCK_SOAK_KILL_SECONDS (default 60), restarted at once. The balancer sends each call to
// the next replica that is up. At the end: every acknowledged decision, request and approval is in the
// database and the audit log exactly once, no grant was used twice, and `interlock audit verify` passes.

const MINUTES = Number(process.env.INTERLOCK_SOAK_MINUTES ?? 10);
const RATE = Number(process.env.INTERLOCK_SOAK_RATE ?? 1000);
const KILL_S = Number(process.env.INTERLOCK_SOAK_KILL_SECONDS ?? 60);
/** One decision in this many starts an approval round. */
const ROUND_EVERY = 50;
/** Calls in flight beyond this are not sent (counted as shed): a stalled machine must not pile up sockets. */
const MAX_INFLIGHT = 3000;
const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));

const allowBody = (n: number): DecisionBody => ({
  proposal: { kind: 'shell', command: `kubectl apply -f deploy-${n}.yaml --context staging` },
  facts: { cwd: '/src/app', home: '/home/soak', env: { KUBECONFIG: null } },
  local: { outcome: 'allow', approvals: 0, reasons: ['policy baseline'], policies: [] },
});
const askBody = (n: number): DecisionBody => ({
  proposal: { kind: 'shell', command: `kubectl delete namespace payments-${n} --context production` },
  facts: { cwd: '/src/app', home: '/home/soak', env: { KUBECONFIG: null } },
  local: { outcome: 'require-approval', approvals: 2, reasons: ['policy baseline'], policies: [] },
});

interface Tally {
  decisions: Set<number>; // acknowledged allow decisions (by action number)
  latencies: number[];
  failed: number;
  created: Map<string, number>; // request id → action number
  approvals: Set<string>; // `${id}:${approver}`
  allowed: Map<string, number>; // request id → allow answers
  rounds: number;
}

/** Replicas behind a round-robin balancer that skips the ones that are down. */
class Balancer {
  private turn = 0;
  constructor(
    readonly replicas: (Replica | undefined)[],
    private readonly tokens: { agent: string; bob: string; carol: string },
  ) {}
  client(who: 'agent' | 'bob' | 'carol'): ApprovalClient {
    const up = this.replicas.filter((r): r is Replica => r !== undefined);
    if (!up.length) throw new Error('no replica is up');
    return new ApprovalClient(up[this.turn++ % up.length]!.url, this.tokens[who], { timeoutMs: 30_000 });
  }
}

async function approvalRound(lb: Balancer, n: number, t: Tally): Promise<void> {
  const created = await lb.client('agent').decide(askBody(n));
  if (created.outcome !== 'pending' || !created.requestId)
    throw new Error(`expected a pending request, got ${created.outcome}: ${created.message}`);
  t.created.set(created.requestId, n);
  for (const who of ['bob', 'carol'] as const) {
    await lb.client(who).approve(created.requestId);
    t.approvals.add(`${created.requestId}:${who}`);
  }
  const used = await lb.client('agent').decide(askBody(n));
  if (used.outcome === 'allow' && used.requestId)
    t.allowed.set(used.requestId, (t.allowed.get(used.requestId) ?? 0) + 1);
  t.rounds++;
}

async function decision(lb: Balancer, n: number, t: Tally): Promise<void> {
  const sent = process.hrtime.bigint();
  const reply = await lb.client('agent').decide(allowBody(n));
  t.latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
  if (reply.outcome !== 'allow') throw new Error(`expected allow, got ${reply.outcome}: ${reply.message}`);
  t.decisions.add(n);
}

async function allEntries(store: Store): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (;;) {
    const page = await store.auditEntries(out.length + 1, 20_000);
    out.push(...page);
    if (page.length < 20_000) return out;
  }
}

/** What the database holds against what was acknowledged; each line a problem. */
async function check(store: Store, t: Tally): Promise<{ problems: string[]; entries: number }> {
  const problems: string[] = [];
  const audit = await allEntries(store);
  const chain = verifyAuditChain(audit);
  if (!chain.ok) problems.push(`audit chain: entry ${chain.problem?.seq}: ${chain.problem?.message}`);
  const decided = new Map<number, number>();
  const consumed = new Map<string, number>();
  const approvals = new Map<string, number>();
  for (const e of audit) {
    const data = (JSON.parse(e.body) as { data: Record<string, unknown> }).data;
    const m = /deploy-(\d+)\.yaml/.exec(String((data.action as { command?: string })?.command ?? ''));
    if (e.type === 'decision' && m) decided.set(Number(m[1]), (decided.get(Number(m[1])) ?? 0) + 1);
    const id = String(data.requestId);
    if (e.type === 'request.consumed') consumed.set(id, (consumed.get(id) ?? 0) + 1);
    if (e.type === 'approval') approvals.set(id, (approvals.get(id) ?? 0) + 1);
  }
  for (const n of t.decisions)
    if (decided.get(n) !== 1)
      problems.push(`decision ${n} acknowledged, in the log ${decided.get(n) ?? 0} times`);
  for (const [n, times] of decided) if (times > 1) problems.push(`decision ${n} in the log ${times} times`);
  for (const [id, times] of consumed) if (times > 1) problems.push(`grant ${id} used ${times} times`);
  for (const [id, times] of t.allowed) if (times > 1) problems.push(`grant ${id} allowed ${times} times`);
  for (const [id] of t.allowed)
    if (consumed.get(id) !== 1) problems.push(`grant ${id} allowed, consumed ${consumed.get(id) ?? 0} times`);
  for (const id of t.created.keys())
    if (!(await store.getRequest(id))) problems.push(`request ${id} acknowledged, not in the database`);
  for (const key of t.approvals) {
    const [id, approver] = key.split(':') as [string, string];
    const given = (await store.listApprovals(id)).map((a) => a.approver);
    if (!given.includes(approver)) problems.push(`approval ${key} acknowledged, not in the database`);
    if ((approvals.get(id) ?? 0) > 2)
      problems.push(`request ${id} has ${approvals.get(id)} approvals logged`);
  }
  return { problems, entries: audit.length };
}

export async function benchSoak(): Promise<Record<string, unknown>> {
  const schema = await benchSchema(`soak_${process.pid}`);
  const human = async (name: string) =>
    (await createToken(schema.store, { kind: 'human', name, groups: ['platform'], createdBy: 'soak' })).token;
  const tokens = { agent: schema.token, bob: await human('bob'), carol: await human('carol') };
  const replicas: (Replica | undefined)[] = [
    await startReplica(schema.database),
    await startReplica(schema.database),
  ];
  const lb = new Balancer(replicas, tokens);
  const t: Tally = {
    decisions: new Set(),
    latencies: [],
    failed: 0,
    created: new Map(),
    approvals: new Set(),
    allowed: new Map(),
    rounds: 0,
  };
  const failures: string[] = [];
  const note = (error: unknown) => {
    t.failed++;
    if (failures.length < 5) failures.push((error as Error).message);
  };
  const kills: number[] = [];
  const started = Date.now();
  const end = started + MINUTES * 60_000;
  // kill -9 one replica (in turn) every KILL_S seconds; it is restarted at once and rejoins once it listens.
  const killer = (async () => {
    for (let k = 0; ; k++) {
      const at = started + (k + 1) * KILL_S * 1000;
      if (at >= end) return;
      await new Promise((r) => setTimeout(r, at - Date.now()));
      const victim = k % replicas.length;
      const replica = replicas[victim]!;
      replicas[victim] = undefined;
      await replica.kill();
      kills.push(Date.now() - started);
      replicas[victim] = await startReplica(schema.database);
    }
  })();
  const inflight = new Set<Promise<void>>();
  const interval = 1000 / RATE;
  let n = 0;
  let shed = 0;
  while (Date.now() < end) {
    while (started + n * interval <= Date.now()) {
      if (inflight.size >= MAX_INFLIGHT) {
        shed++;
        n++;
        continue;
      }
      const p = (n % ROUND_EVERY === 0 ? approvalRound(lb, n, t) : decision(lb, n, t)).catch(note);
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
      n++;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inflight);
  await killer;
  await Promise.all(replicas.map((r) => r?.stop()));

  const verdict = await check(schema.store, t);
  const verify = spawnSync(
    process.execPath,
    [CLI, 'audit', 'verify', '--database', schema.database, '--allow-no-witness'],
    {
      encoding: 'utf8',
    },
  );
  await schema.drop();
  t.latencies.sort((a, b) => a - b);
  const result = {
    minutes: MINUTES,
    rate: RATE,
    scheduled: n,
    shed,
    decisionsAcknowledged: t.decisions.size,
    approvalRounds: t.rounds,
    failedCalls: t.failed,
    firstFailures: failures,
    kills: kills.length,
    p50ms: Math.round(percentile(t.latencies, 50) * 100) / 100,
    p99ms: Math.round(percentile(t.latencies, 99) * 100) / 100,
    auditEntries: verdict.entries,
    problems: verdict.problems.slice(0, 20),
    auditVerify: { exit: verify.status, output: (verify.stdout + verify.stderr).trim().slice(0, 500) },
  };
  console.log(JSON.stringify(result, null, 2));
  if (verdict.problems.length || verify.status !== 0) process.exitCode = 1;
  return result;
}
