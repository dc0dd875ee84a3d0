import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLogOf } from '../../src/audit/open.js';
import { verifyAuditLog } from '../../src/audit/verify.js';
import { openStore } from '../../src/store/open.js';
import { TARGETS } from '../store/stores.js';
import { tempTree } from '../support/tmp.js';

// `kill -9` while two processes append as fast as they can: every entry a writer was told is committed is
// there after the kill, and the chain still verifies. Runs the built code (npm run build) in child processes.

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const STORE_WRITER = `
import { openStore } from '${DIST}store/open.js';
const store = await openStore(process.argv[2]);
for (let i = 0; ; i++) {
  const e = await store.transact((tx) => tx.appendAudit({ type: 'decision', actor: 'w' + process.pid, at: Date.now(), data: { i } }));
  process.stdout.write(e.seq + ' ' + e.hash + '\\n');
}
`;

const LOCAL_WRITER = `
import { recordLocalDecision } from '${DIST}audit/local.js';
const check = {
  action: { kind: 'shell', command: 'kubectl delete namespace payments-production' },
  assessment: { risk: 'critical', destructive: true, environment: 'production', reasons: [],
    effects: [{ operation: 'delete', tool: 'kubectl', target: 'namespace/payments-production', environment: 'production', risk: 'critical' }] },
  decision: { outcome: 'require-approval', approvals: 2, reasons: [], policies: [{ id: 'baseline.approve-destructive-in-production' }] },
};
const principal = { type: 'Agent', id: 'claude-code', actsFor: 'alice' };
let failed = 0;
for (;;) {
  const r = await recordLocalDecision(check, principal, { cwd: '/src', home: '/root', env: {} }, { database: process.argv[2] });
  // Not recorded (another writer held the log past the busy timeout, on a loaded machine): not acknowledged.
  // What it said goes to stderr: the test reports it if the writers stop making progress.
  if (!r.ok) { if (!failed++) process.stderr.write(r.message + '\\n'); continue; }
  process.stdout.write(r.seq + ' ' + r.hash + '\\n');
}
`;

async function killedWhileWriting(
  script: string,
  database: string,
  writers = 2,
): Promise<Map<number, string>> {
  const file = join(tempTree(), 'writer.mjs');
  writeFileSync(file, script);
  const acked = new Map<number, string>();
  const children = Array.from({ length: writers }, () =>
    spawn(process.execPath, [file, database], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  // Made at the start: a writer that has already exited fires no second 'exit' for the kill to wait on.
  const exits = children.map((c) => new Promise((r) => c.once('exit', r)));
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    // Generous: starting two processes on a loaded machine can take many seconds.
    const timer = setTimeout(() => {
      for (const child of children) child.kill('SIGKILL'); // never left writing
      reject(new Error(`writers made no progress: ${stderr}`));
    }, 60_000);
    for (const child of children) {
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      // A writer that stops on its own (an append it could not make) fails the test, with what it said.
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        for (const other of children) other.kill('SIGKILL');
        reject(new Error(`a writer exited before the kill (${code ?? signal}): ${stderr}`));
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const [seq, hash] = line.split(' ');
        acked.set(Number(seq), hash!);
        if (acked.size >= 150) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
  await new Promise((r) => setTimeout(r, Math.random() * 50));
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(exits);
  return acked;
}

describe.each(TARGETS)('kill -9 while appending: $kind', (target) => {
  let database: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const created = await target.create();
    database = created.database;
    cleanup = created.cleanup;
    await created.store.close();
  });
  afterEach(async () => {
    await cleanup();
  });

  it('keeps every acknowledged entry, and the chain verifies after each kill', async () => {
    for (let round = 0; round < 3; round++) {
      const acked = await killedWhileWriting(STORE_WRITER, database);
      const store = await openStore(database);
      const log = await auditLogOf(store, database, true);
      try {
        const entries = await store.auditEntries(1, 1_000_000);
        const bySeq = new Map(entries.map((e) => [e.seq, e.hash]));
        for (const [seq, hash] of acked) expect(bySeq.get(seq), `entry ${seq}`).toBe(hash);
        const report = await verifyAuditLog(log);
        expect(report.problem).toBeUndefined();
        expect(report.checked.entries).toBe(entries.length);
      } finally {
        await log.close();
      }
    }
  }, 240_000);
});

describe('kill -9 while recording local decisions', () => {
  it('keeps every recorded decision', async () => {
    const database = join(tempTree(), 'audit.db');
    const acked = await killedWhileWriting(LOCAL_WRITER, database);
    const log = await auditLogOf(await openStore(database), database, true);
    try {
      const entries = await log.store.auditEntries(1, 1_000_000);
      const bySeq = new Map(entries.map((e) => [e.seq, e.hash]));
      for (const [seq, hash] of acked) expect(bySeq.get(seq), `entry ${seq}`).toBe(hash);
      expect((await verifyAuditLog(log)).ok).toBe(true);
    } finally {
      await log.close();
    }
  }, 120_000);
});
