import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { POSTGRES_BIN } from '../support/postgres-bin.js';

// kill -9 of PostgreSQL itself (every process of the cluster) while two replicas append: a batch's
// COMMIT is asynchronous (it lets the head lock go before the disk's flush), so what holds this is the
// flush each batch waits for before it is acknowledged (src/store/postgres-chain.ts). After the restart
// every acknowledged entry is there and the chain verifies (without the flush each run lost acknowledged
// entries). The replicas' connections break mid-batch without crashing the process. It needs a cluster of
// its own, which it makes with the installed PostgreSQL's programs (test/support/postgres-bin.ts; as root the
// cluster runs as the user postgres).

const BIN = POSTGRES_BIN;
const PORT = 40_000 + (process.pid % 20_000);
// Output captured (a failed start's message is in the error thrown), not printed: restart() retries.
const quiet = { stdio: ['ignore', 'pipe', 'pipe'] as ('ignore' | 'pipe')[] };
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0
    ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], quiet)
    : execFileSync(cmd, args, quiet);

describe.skipIf(!BIN)('kill -9 of PostgreSQL while two replicas append', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-pg-crash-'));
  const data = join(dir, 'data');
  const url = `postgres://postgres@127.0.0.1:${PORT}/postgres?schema=crash`;
  const start = () =>
    asPostgres(join(BIN!, 'pg_ctl'), [
      ...['-D', data, '-l', join(dir, 'log'), '-w', 'start'],
      ...['-o', `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1`],
    ]);

  beforeAll(() => {
    if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), 0);
    asPostgres(join(BIN!, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres']);
    start();
  }, 60_000);
  afterAll(() => {
    try {
      asPostgres(join(BIN!, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already down
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** Stop the postmaster (no more forks), then kill -9 it and every process it started. */
  function crash() {
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGSTOP');
    const children = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
          return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === String(postmaster);
        } catch {
          return false;
        }
      });
    for (const pid of children) process.kill(Number(pid), 'SIGKILL');
    process.kill(postmaster, 'SIGKILL');
  }

  async function restart() {
    for (let attempt = 0; ; attempt++)
      try {
        start();
        return;
      } catch (error) {
        // The killed postmaster may not be reaped yet (its pid file still names a live process).
        if (attempt > 40) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
  }

  it.each([1, 2, 3])(
    'loses no acknowledged entry and keeps one chain (run %i)',
    async () => {
      const setup = new PostgresStore(url);
      await setup.dropSchema();
      await setup.migrate();
      await setup.close();
      const replicas = [new PostgresStore(url), new PostgresStore(url)];
      const acked = new Set<string>();
      let n = 0;
      let crashed = false;
      let killAt!: () => void;
      const enough = new Promise<void>((r) => (killAt = r));
      const target = 500 + Math.floor(Math.random() * 1500);
      const appenders = replicas.flatMap((replica, r) =>
        Array.from({ length: 32 }, async () => {
          while (!crashed) {
            const id = `${r}-${n++}`;
            try {
              await replica.transact(async (tx) => {
                await tx.getFreeze('global');
                await tx.appendAudit({ type: 'decision', actor: 'claude', at: 1, data: { id } });
              });
            } catch {
              return; // after the crash, failures are expected
            }
            acked.add(id);
            if (acked.size >= target) killAt();
          }
        }),
      );
      await enough;
      crash();
      crashed = true;
      await Promise.all(appenders);
      await Promise.allSettled(replicas.map((r) => r.close()));
      await restart();

      const check = new PostgresStore(url);
      try {
        const entries = await check.auditEntries(1, 10_000_000);
        const stored = new Set(entries.map((e) => (JSON.parse(e.body) as { data: { id: string } }).data.id));
        expect([...acked].filter((id) => !stored.has(id))).toEqual([]);
        expect(verifyAuditChain(entries).ok).toBe(true);
        expect(stored.size).toBe(entries.length);
      } finally {
        await check.close();
      }
    },
    120_000,
  );
});
