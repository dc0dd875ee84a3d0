import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closeLocalAudit,
  harmlessRecord,
  recordExecution,
  recordLocalDecision,
  recordLocalDecisions,
} from '../../src/audit/local.js';
import { openAuditLog } from '../../src/audit/open.js';
import { viewEntry } from '../../src/audit/entry-view.js';
import { verifyAuditLog } from '../../src/audit/verify.js';
import { readKeyring } from '../../src/audit/keys.js';
import { actionDigest } from '../../src/approvals/digest.js';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import type { Principal } from '../../src/core/decide.js';
import { check, sharedRuntime, testFacts } from '../support/runtime.js';
import { tempTree } from '../support/tmp.js';
import { newKeys } from './support.js';

// Local decisions (`interlock check`, the hooks) land in a local SQLite log with their actor chain; policy
// changes are recorded before the decision they affected; a log that cannot be written is reported, and
// refuses only what is production-scoped.

const AGENT: Principal = {
  type: 'Agent',
  id: 'claude-code',
  vendor: 'anthropic',
  model: 'claude-opus-4',
  session: 'sess-42',
  actsFor: 'alice',
};

describe('recordLocalDecision', () => {
  let dir: string;
  let database: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await sharedRuntime();
  });
  afterEach(async () => {
    await closeLocalAudit();
  });
  afterAll(async () => {
    await closeLocalAudit();
  });

  function fresh(files: Record<string, string> = {}) {
    dir = tempTree(files);
    database = join(dir, 'state', 'audit.db');
    env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), INTERLOCK_DATABASE: database };
  }

  async function entries() {
    const log = await openAuditLog(database, env);
    try {
      return (await log.store.auditEntries(1, 1000)).map(viewEntry);
    } finally {
      await log.close();
    }
  }

  it('records the decision with the whole actor chain, its policies and the action digest', async () => {
    fresh();
    const rt = await sharedRuntime();
    const facts = testFacts({ env: { KUBECONFIG: '/dev/null' } });
    const check = rt.checker.checkShell('kubectl delete namespace payments-production', facts, AGENT);
    const result = await recordLocalDecision(check, AGENT, facts, { env, via: 'hook:claude-code' });
    expect(result).toMatchObject({ ok: true, seq: 1 });
    const [v] = await entries();
    expect(v).toMatchObject({
      type: 'decision',
      actor: 'claude-code',
      source: 'local',
      human: 'alice',
      agent: { name: 'claude-code', vendor: 'anthropic', model: 'claude-opus-4', session: 'sess-42' },
      command: 'kubectl delete namespace payments-production',
      environment: 'production',
      outcome: 'require-approval',
      approvalsRequired: 2,
      digest: actionDigest({ v: 1, kind: 'shell', command: check.action.command, cwd: facts.cwd }),
    });
    expect(v!.policies).toContain('baseline.approve-destructive-in-production');
    expect(v!.data.via).toBe('hook:claude-code');
  });

  it("records the final outcome and the policies' own; people read an escape in the command as text", async () => {
    fresh();
    const rt = await sharedRuntime();
    const facts = testFacts();
    const command = 'kubectl delete namespace payments-production\x1b[2K';
    const check = rt.checker.checkShell(command, facts, AGENT);
    const server = { outcome: 'allow', requestId: 'req_abcdef123' };
    expect(
      await recordLocalDecisions([{ check, principal: AGENT, facts, server, outcome: 'allow' }], { env }),
    ).toMatchObject({ ok: true });
    const decision = (await entries()).find((e) => e.type === 'decision')!;
    expect(decision).toMatchObject({ outcome: 'allow', policyOutcome: 'require-approval', command });
    expect(decision.summary).toContain('\\x1b[2K');
    expect(decision.summary).not.toContain('\x1b');
  });

  it('records a changed policy set before the decision it affected, once per change', async () => {
    fresh({
      'project/.interlock/policies/team.cedar': '@id("team.a")\npermit (principal, action, resource);\n',
    });
    const project = join(dir, 'project');
    const rt = await sharedRuntime();
    const facts = testFacts({ cwd: project });
    const check = rt.checker.checkShell('ls', facts, AGENT);
    const config = () => loadConfig(project, env);
    await recordLocalDecision(check, AGENT, facts, { env, config: config() });
    await recordLocalDecision(check, AGENT, facts, { env, config: config() });
    writeFileSync(
      join(project, '.interlock/policies/team.cedar'),
      '@id("team.b")\npermit (principal, action, resource);\n',
    );
    mkdirSync(join(project, '.interlock/policies'), { recursive: true });
    writeFileSync(join(project, '.interlock/policies/more.cedar'), '');
    await recordLocalDecision(check, AGENT, facts, { env, config: config() });
    const types = (await entries()).map((e) => e.type);
    expect(types).toEqual(['policy.changed', 'decision', 'decision', 'policy.changed', 'decision']);
    const change = (await entries())[3]!;
    expect(change.data.changed).toEqual([join(project, '.interlock/policies/team.cedar')]);
    expect(change.data.added).toEqual([join(project, '.interlock/policies/more.cedar')]);
    expect(change.summary).toMatch(/added .*more\.cedar; changed .*team\.cedar/);
  });

  it('records execution outcomes linked to the decision by digest, and batches in one commit', async () => {
    fresh();
    const rt = await sharedRuntime();
    const facts = testFacts();
    const checks = ['rm -rf build', 'git status'].map((c) => ({
      check: rt.checker.checkShell(c, facts, AGENT),
      principal: AGENT,
      facts,
    }));
    expect(await recordLocalDecisions(checks, { env })).toMatchObject({ ok: true, seq: 2 });
    expect(
      await recordExecution(
        { principal: AGENT, command: 'rm -rf build', facts, exitCode: 1, durationMs: 5 },
        { env },
      ),
    ).toMatchObject({ ok: true, seq: 3 });
    const all = await entries();
    expect(all[2]).toMatchObject({
      type: 'execution',
      exitCode: 1,
      digest: all[0]!.digest,
      summary: 'rm -rf build exited 1',
    });
  });

  it('reports a log it cannot write; refuses only production-scoped changes', async () => {
    fresh({ 'not-a-dir': 'x' });
    const rt = await sharedRuntime();
    const facts = testFacts();
    const broken = { env, database: join(dir, 'not-a-dir', 'audit.db') };
    const local = await recordLocalDecision(
      rt.checker.checkShell('rm -rf build', facts, AGENT),
      AGENT,
      facts,
      broken,
    );
    expect(local).toMatchObject({ ok: false, fatal: false });
    expect(local.ok ? '' : local.message).toMatch(/could not record .*not-a-dir.*the decision stands/);
    const prod = await recordLocalDecision(
      rt.checker.checkShell('kubectl delete namespace payments-production', facts, AGENT),
      AGENT,
      facts,
      broken,
    );
    expect(prod).toMatchObject({ ok: false, fatal: true });
    expect(prod.ok ? '' : prod.message).toMatch(/refused until it can be recorded/);
  });

  it('takes the log path from audit.database of the user config only, never from a project', async () => {
    fresh();
    const rt = await sharedRuntime();
    const facts = testFacts();
    const check = rt.checker.checkShell('git status', facts, AGENT);
    const mine = join(dir, 'mine.db');
    const layer = (scope: 'user' | 'project', database: string) => ({
      scope,
      dir: join(dir, scope),
      config: { audit: { database } },
      policyFiles: [],
    });
    const config = (...layers: ReturnType<typeof layer>[]) =>
      ({ layers, sources: [] }) as unknown as LoadedConfig;
    const noEnv = { HOME: dir, XDG_STATE_HOME: join(dir, 'state') };
    await recordLocalDecision(check, AGENT, facts, {
      env: noEnv,
      config: config(layer('user', mine), layer('project', join(dir, 'evil.db'))),
    });
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(join(dir, 'evil.db'))).toBe(false);
    const bad = await recordLocalDecision(check, AGENT, facts, {
      env: noEnv,
      config: {
        layers: [
          {
            scope: 'user',
            dir,
            configFile: 'cfg.yaml',
            config: { audit: { databse: 'x' } },
            policyFiles: [],
          },
        ],
        sources: [],
      } as unknown as LoadedConfig,
    });
    expect(bad.ok ? '' : bad.message).toMatch(/cfg\.yaml: audit: .*databse/);
  });

  it('signs a checkpoint of the local log every 100 entries when the user has a key', async () => {
    fresh();
    const keys = newKeys();
    env.INTERLOCK_AUDIT_KEY = keys.privateKey;
    const rt = await sharedRuntime();
    const facts = testFacts();
    const check = rt.checker.checkShell('git status', facts, AGENT);
    for (let i = 0; i < 150; i++) await recordLocalDecision(check, AGENT, facts, { env });
    await closeLocalAudit();
    const log = await openAuditLog(database, env);
    try {
      expect((await log.side.checkpoints()).map((c) => c.seq)).toEqual([1, 101]);
      const r = await verifyAuditLog(log, { keyring: readKeyring(keys.keyring) });
      expect(r).toMatchObject({
        ok: true,
        checked: { entries: 150 },
        checkpoints: { verified: 2 },
        unsigned: 49,
      });
    } finally {
      await log.close();
    }
  });
});

describe('harmlessRecord: which entries may be answered before they are on disk', () => {
  const record = async (command: string, extra: { server?: { outcome: string }; outcome?: string } = {}) => ({
    check: await check(command),
    principal: AGENT,
    facts: testFacts(),
    ...extra,
  });

  it('an allow of a command known only to read, with no effects', async () => {
    for (const command of ['ls -la', 'git status', 'cat README.md'])
      expect(harmlessRecord(await record(command)), command).toBe(true);
  });

  it('not anything with an effect, anything not allowed, or anything the approval server had a say in', async () => {
    for (const command of [
      'echo hi > notes.txt',
      'rm -rf /',
      'terraform destroy -auto-approve',
      'curl https://example.com',
    ])
      expect(harmlessRecord(await record(command)), command).toBe(false);
    expect(harmlessRecord(await record('ls -la', { outcome: 'deny' }))).toBe(false);
    expect(harmlessRecord(await record('ls -la', { server: { outcome: 'allow' } }))).toBe(false);
  });
});
