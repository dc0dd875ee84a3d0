import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApprovalClient } from '../../src/approvals/http.js';
import { openAuditLog } from '../../src/audit/open.js';
import { viewEntry } from '../../src/audit/entry-view.js';
import { createToken } from '../../src/server/tokens.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { body, serverDigest, wire } from '../approvals/fixtures.js';

const PROD = body({ command: 'kubectl delete namespace payments --context production' });
import { runNode, baseEnv, FIXTURES, MAIN, tempHome } from '../hooks/support.js';
import { spawnServer } from '../server/harness.js';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { newKeys } from './support.js';

// The audit log wired in: `interlock check`, the agent hooks and `interlock serve` all write to it.

async function entries(database: string) {
  const log = await openAuditLog(database);
  try {
    return (await log.store.auditEntries(1, 10_000)).map(viewEntry);
  } finally {
    await log.close();
  }
}

describe('audit log integration', () => {
  it('interlock check records each decision with its actor chain; refuses production work it cannot record', async () => {
    const dir = tempTree({ 'not-a-dir': 'x' });
    const env = {
      XDG_STATE_HOME: join(dir, 'state'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      HOME: dir,
    };
    const held = await runCli(
      ['check', '--agent', 'claude', '--', 'kubectl delete namespace payments-production'],
      { env },
    );
    expect(held.status).toBe(4);
    const [v] = await entries(join(dir, 'state/interlock/audit.db')).then((e) =>
      e.filter((x) => x.type === 'decision'),
    );
    expect(v).toMatchObject({
      agent: { name: 'claude' },
      environment: 'production',
      outcome: 'require-approval',
      data: { via: 'check' },
    });
    const broken = {
      ...env,
      INTERLOCK_DATABASE: join(dir, 'not-a-dir/audit.db'),
    };
    const refused = await runCli(
      ['check', '--agent', 'claude', '--', 'kubectl delete namespace payments-production'],
      { env: broken },
    );
    expect(refused.status).toBe(5);
    expect(refused.stderr).toMatch(/could not record .* refused until it can be recorded/);
    const local = await runCli(['check', '--', 'rm -rf build'], { env: broken });
    expect(local.status).toBe(0);
    expect(local.stderr).toMatch(/the decision stands/);
  });

  it('the hook records the agent, its session, and what it decided', async () => {
    const home = tempHome();
    const payload = readFileSync(join(FIXTURES, 'claude-code/bash-production.json'), 'utf8');
    const run = await runNode(
      [MAIN, 'hook', 'claude-code'],
      payload,
      baseEnv(home, { INTERLOCK_NO_DAEMON: '1' }),
    );
    expect(run.code, run.stderr).toBe(0);
    const decisions = (await entries(join(home, '.local/state/interlock/audit.db'))).filter(
      (e) => e.type === 'decision',
    );
    expect(decisions.at(-1)).toMatchObject({
      agent: {
        name: 'claude-code',
        vendor: expect.any(String),
        session: 'abc123',
      },
      human: expect.any(String),
      data: { via: 'hook:claude-code' },
    });
  });

  it('interlock serve signs checkpoints, records agents, policies and executions, and verifies', async () => {
    const dir = tempTree();
    const database = join(dir, 'server.db');
    const store = new SqliteStore(database);
    await store.migrate();
    const agent = (
      await createToken(store, {
        kind: 'agent',
        name: 'claude',
        actsFor: 'alice',
        createdBy: 'test',
      })
    ).token;
    await store.close();
    const keys = newKeys();
    const server = await spawnServer(database, {
      env: { INTERLOCK_AUDIT_KEY: keys.privateKey },
    });
    const client = new ApprovalClient(server.url, agent);
    const reply = await client.decide({
      ...wire(PROD),
      agent: { vendor: 'anthropic', model: 'claude-opus-4', session: 's-1' },
    });
    await client.reportExecution({
      digest: serverDigest(PROD),
      exitCode: 0,
      requestId: reply.requestId,
    });
    await server.stop();
    const all = await entries(database);
    expect(all.find((e) => e.type === 'decision')).toMatchObject({
      agent: {
        name: 'claude',
        vendor: 'anthropic',
        model: 'claude-opus-4',
        session: 's-1',
      },
      human: 'alice',
      environment: 'production',
      policies: ['baseline.approve-destructive-in-production'],
    });
    expect(all.at(-1)).toMatchObject({ type: 'execution', exitCode: 0 });
    const verify = await runCli([
      'audit',
      'verify',
      '--database',
      database,
      '--key',
      keys.privateKey,
      '--json',
    ]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      ok: true,
      signatures: 'verified',
      unsigned: 0,
    });
  });
});
