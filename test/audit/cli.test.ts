import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApprovalService } from '../../src/server/service.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ALICE, BOB, CAROL, CLAUDE, body } from '../approvals/fixtures.js';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { EXIT_CODES } from '../../src/core/exit-codes.js';

// The audit commands as an operator runs them (the built CLI), on a server log written by the real
// approval service: an approved and used request, a denied one, a freeze, a read.

const T0 = Date.parse('2025-03-01T14:00:00Z');

describe('interlock audit / report / keys', () => {
  let dir: string;
  let server: string;
  let env: Record<string, string>;
  let req1: string;
  let req2: string;
  const cli = (...args: string[]) => runCli(args, { env, cwd: dir });

  beforeAll(async () => {
    dir = tempTree();
    server = join(dir, 'server.db');
    env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_STATE_HOME: join(dir, 'state') };
    const store = new SqliteStore(server);
    await store.migrate();
    let clock = T0;
    const service = new ApprovalService({ store, now: () => (clock += 60_000) });
    req1 = (await service.decide(CLAUDE, body({ digest: 'a'.repeat(64) }))).requestId!;
    await service.approve(BOB, req1, 'checked the backup');
    await service.approve(CAROL, req1);
    expect((await service.decide(CLAUDE, body({ digest: 'a'.repeat(64) }))).outcome).toBe('allow');
    req2 = (
      await service.decide(
        CLAUDE,
        body({ digest: 'b'.repeat(64), command: 'terraform destroy -auto-approve' }),
      )
    ).requestId!;
    await service.deny(BOB, req2, 'not during the freeze window');
    await service.setFrozen(ALICE, true, { reason: 'incident 42' });
    await service.setFrozen(ALICE, false);
    await service.decide(
      CLAUDE,
      body({
        outcome: 'allow',
        operation: 'read',
        command: 'kubectl get pods',
        environment: 'non-production',
      }),
    );
    await store.close();
  });

  it('keys init creates a private key only its owner can read, and refuses to overwrite it', async () => {
    const init = await cli('keys', 'init');
    expect(init.status, init.stderr).toBe(0);
    // The key is recorded in this machine's log, so a key only in the keyring file is foreign.
    expect(init.stdout).toMatch(/recorded in +.*state\/interlock\/audit\.db/);
    const key = join(dir, 'config/interlock/audit/signing-key.pem');
    expect(readFileSync(key, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    expect(existsSync(key) && (statSync(key).mode & 0o777).toString(8)).toBe('600');
    expect(await cli('keys', 'init')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/already exists.*keys rotate/),
    });
    const show = await cli('keys', 'show');
    expect(show.stdout).toMatch(/Signing key ed25519:[0-9a-f]{16} .*mode 0600/);
    expect(JSON.parse((await cli('keys', 'show', '--print-keyring')).stdout)).toMatchObject({
      version: 1,
      keys: [{ algorithm: 'ed25519' }],
    });
  });

  it('audit checkpoint signs, and audit verify re-walks the chain and the checkpoint', async () => {
    const cp = await cli('audit', 'checkpoint', '--database', server);
    expect(cp.status, cp.stderr).toBe(0);
    expect(cp.stdout).toMatch(/Signed a checkpoint at entry \d+/);
    const v = await cli('audit', 'verify', '--database', server);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/✔ \d+ entries verified/);
    expect(v.stdout).toMatch(/1 checkpoint\(s\), signatures checked/);
    const json = JSON.parse((await cli('audit', 'verify', '--database', server, '--json')).stdout);
    expect(json).toMatchObject({ ok: true, signatures: 'verified', unsigned: 0 });
  });

  it('says plainly when there is no log to read, and rejects bad options', async () => {
    // (keys init above started the local log; a machine that never recorded anything has none)
    expect(
      await runCli(['audit', 'verify'], { env: { ...env, XDG_STATE_HOME: join(dir, 'fresh') }, cwd: dir }),
    ).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/no audit log at .*fresh\/interlock\/audit\.db yet/),
    });
    expect(await cli('audit', 'verify', '--database', server, '--from', 'x')).toMatchObject({ status: 2 });
    expect(await cli('audit', 'log', '--database', server, '--since', 'yesterday')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/--since "yesterday" is not a time/),
    });
    expect(await cli('audit', 'log', '--database', server, '--env', 'prod')).toMatchObject({ status: 2 });
  });

  it('audit log prints a table, and exports JSON lines with filters', async () => {
    const table = await cli('audit', 'log', '--database', server);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/SEQ +TIME \(UTC\) +TYPE +WHO/);
    expect(table.stdout).toMatch(/approval +bob/);
    expect(table.stdout).toMatch(/claude→alice/);
    const lines = (await cli('audit', 'log', '--database', server, '--json')).stdout.trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(10);
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    expect(records[0]).toHaveProperty('hash');
    const pending = (
      await cli('audit', 'log', '--database', server, '--json', '--agent', 'claude', '--outcome', 'pending')
    ).stdout
      .trim()
      .split('\n');
    expect(pending.map((l) => JSON.parse(l).requestId)).toEqual([req1, req2]);
    const since = await cli(
      'audit',
      'log',
      '--database',
      server,
      '--json',
      '--since',
      '2025-03-01T14:06:30Z',
      '--until',
      '2025-03-01T14:07:30Z',
    );
    expect(
      since.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).type),
    ).toEqual(['freeze']);
  });

  it('audit show prints the actor chain of a request: agent, human, policy, approvers, use', async () => {
    const show = await cli('audit', 'show', req1, '--database', server);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/Proposed by +agent claude/);
    expect(show.stdout).toMatch(/On behalf of +alice \(server token\)/);
    expect(show.stdout).toMatch(
      /Policy +require-approval \(2 approvals\) — baseline\.approve-destructive-in-production/,
    );
    expect(show.stdout).toMatch(
      /Approvals +bob \[platform\] at 2025-03-01 14:02:00Z \("checked the backup"\)\n +carol \[platform, sre\] at 2025-03-01 14:03:00Z/,
    );
    expect(show.stdout).toMatch(/Used +by claude at 2025-03-01 14:04:00Z/);
    const denied = await cli('audit', 'show', req2, '--database', server);
    expect(denied.stdout).toMatch(/Denied +by bob .*not during the freeze window/);
    expect(await cli('audit', 'show', '99999', '--database', server)).toMatchObject({
      status: EXIT_CODES.usage,
      stderr: expect.stringMatching(/no entry 99999/),
    });
  });

  it('report incident writes Markdown and self-contained HTML with timeline, approvers and verification', async () => {
    const out = join(dir, 'incident.md');
    const r = await cli(
      'report',
      'incident',
      '--database',
      server,
      '--since',
      '2025-03-01T13:00:00Z',
      '--until',
      '2025-03-01T15:00:00Z',
      '--out',
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Agent activity: incident report/);
    expect(md).toMatch(/✅ \*\*Entries 1–\d+ verify\*\*/);
    expect(md).toMatch(
      /\| 2025-03-01 14:01:00Z \| \d+ \| agent claude for alice \| `kubectl delete namespace payments` \| production \| require-approval by `baseline.approve-destructive-in-production` \| bob 14:02:00, carol 14:03:00 \(2\/2\) \| approved, ran \|/,
    );
    expect(md).toMatch(/denied by approver/);
    expect(md).toMatch(/Denied by bob at 2025-03-01 14:06:00Z: not during the freeze window/);
    expect(md).toMatch(/\| freeze \| alice \|/);
    const html = readFileSync(join(dir, 'incident.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<td>bob 14:02:00, carol 14:03:00 (2/2)</td>');
    expect(html).not.toMatch(/<script|https?:\/\/|<link/);
    const prod = await cli(
      'report',
      'incident',
      '--database',
      server,
      '--since',
      '2025-03-01T13:00:00Z',
      '--until',
      '2025-03-01T15:00:00Z',
      '--env',
      'production',
    );
    expect(prod.stdout).not.toMatch(/kubectl get pods/);
    expect(prod.stdout).toMatch(/terraform destroy/);
  });

  it('audit verify and the report name the entry that was tampered with', async () => {
    const db = new Database(server);
    const row = db.prepare('SELECT body FROM audit WHERE seq = 3').get() as { body: string };
    db.prepare('UPDATE audit SET body = ? WHERE seq = 3').run(row.body.replace('bob', 'bib'));
    db.close();
    const v = await cli('audit', 'verify', '--database', server);
    expect(v.status).toBe(EXIT_CODES.failed);
    expect(v.stdout).toMatch(/✘ BROKEN at entry 3 \(altered-body\): entry 3: its contents were changed/);
    const r = await cli(
      'report',
      'incident',
      '--database',
      server,
      '--since',
      '2025-03-01T13:00:00Z',
      '--until',
      '2025-03-01T15:00:00Z',
    );
    expect(r.status).toBe(EXIT_CODES.failed);
    expect(r.stdout).toMatch(/❌ \*\*The log segment does NOT verify: entry 3\. \*\*/);
  });
});
