import { describe, expect, it } from 'vitest';
import type { DecisionBody } from '../../src/approvals/api.js';
import { evaluate } from '../../src/app/evaluate.js';
import { askServer } from '../../src/app/gate.js';
import type { ActionFacts } from '../../src/core/types.js';
import { AGENT, sharedRuntime, testFacts } from '../support/runtime.js';
import { clientOf, serverEachTest } from './harness.js';

// The server judges what it is sent, never what the agent says about it: each attack a hostile agent
// holding its own token could try, as a test.

const DELETE = 'kubectl delete namespace production-payments';

describe('the server decides, never the client', () => {
  const t = serverEachTest();

  const ask = async (command: string, facts: ActionFacts = testFacts()) => {
    const rt = await sharedRuntime();
    const env = { INTERLOCK_SERVER_URL: t.server.url, INTERLOCK_TOKEN: t.who.agent };
    return askServer(await evaluate({ kind: 'shell', command }, facts, AGENT, rt), AGENT, { env });
  };
  const post = (body: DecisionBody) => clientOf(t.server, t.who.agent).decide(body);

  it('a forged request that describes another action cannot carry its approval', async () => {
    const honest = (await ask(DELETE))!;
    expect(honest).toMatchObject({ outcome: 'deny', state: 'pending' });
    const real = await clientOf(t.server, t.who.bob).getRequest(honest.requestId!);
    // The agent cancels its honest request and posts the harmless command, asking for a single approval.
    await clientOf(t.server, t.who.agent).cancel(honest.requestId!);
    const forged = await post({
      proposal: { kind: 'shell', command: 'kubectl --context dev-1 get pods' },
      facts: { cwd: '/home/dev/project', home: '/home/dev', env: {} },
      local: { outcome: 'require-approval', approvals: 1, reasons: ['please'], policies: [] },
    });
    expect(forged.outcome).toBe('pending');
    const shown = await clientOf(t.server, t.who.bob).getRequest(forged.requestId!);
    // The digest is the server's own, from what it was sent: not the delete's.
    expect(shown.digest).not.toBe(real.digest);
    expect(shown.action.command).toBe('kubectl --context dev-1 get pods');
    await clientOf(t.server, t.who.bob).approve(forged.requestId!);
    // The real delete is still waiting for its own approvals.
    expect((await ask(DELETE))!).toMatchObject({ outcome: 'deny', state: 'pending' });
  });

  it('an agent that says "allow, non-production" for a production delete gets the server’s verdict', async () => {
    const reply = await post({
      proposal: { kind: 'shell', command: DELETE },
      facts: { cwd: '/home/dev/project', home: '/home/dev', env: {} },
      local: { outcome: 'allow', approvals: 0, reasons: [], policies: [] },
    });
    expect(reply.outcome).toBe('pending');
    const request = await clientOf(t.server, t.who.bob).getRequest(reply.requestId!);
    expect(request.assessment.environment).toBe('production');
    expect(request.assessment.effects[0]).toMatchObject({ operation: 'delete', tool: 'kubectl' });
    expect(request.decision.policies.map((p) => p.id)).toContain(
      'baseline.approve-destructive-in-production',
    );
    expect(request.approvalsRequired).toBeGreaterThanOrEqual(2);
  });

  it('assesses the scripts it was sent, not its own disk', async () => {
    const reply = await post({
      proposal: { kind: 'shell', command: 'bash ./wipe.sh' },
      facts: {
        cwd: '/nonexistent/project',
        home: '/home/dev',
        env: {},
        reads: ['paths', 'files', 'scripts', 'plans'],
        scripts: {
          '/nonexistent/project/wipe.sh': { kind: 'text', text: 'kubectl delete namespace production\n' },
        },
      },
    });
    expect(reply.outcome).toBe('pending');
    const request = await clientOf(t.server, t.who.bob).getRequest(reply.requestId!);
    expect(request.assessment.effects.map((e) => e.target)).toContain('namespace/production');
  });

  it('assesses the archive members it was sent, not its own disk', async () => {
    const members = async (names: string[]) => {
      const reply = await post({
        proposal: { kind: 'shell', command: 'tar xzf release.tgz' },
        facts: {
          cwd: '/nonexistent/project',
          home: '/home/dev',
          env: {},
          reads: ['paths', 'files', 'scripts', 'plans', 'archives'],
          archives: { '/nonexistent/project/release.tgz': { kind: 'members', names } },
        },
        // Held whatever the server finds, so the request shows the server's own assessment.
        local: { outcome: 'require-approval', approvals: 1, reasons: ['hold'], policies: [] },
      });
      const request = await clientOf(t.server, t.who.bob).getRequest(reply.requestId!);
      return request.assessment.effects.filter((e) => e.tool === 'tar');
    };
    // Each member it was sent is written: a guarded one is judged, an ordinary one reported at no risk.
    expect(await members(['.interlock/policies/x.cedar', 'README.md'])).toEqual([
      expect.objectContaining({ risk: 'high', target: '/nonexistent/project/.interlock/policies/x.cedar' }),
      expect.objectContaining({ risk: 'none', target: '/nonexistent/project/README.md' }),
    ]);
    expect(await members(['release/bin/app'])).toEqual([
      expect.objectContaining({ risk: 'none', target: '/nonexistent/project/release/bin/app' }),
    ]);
  });

  it('sends the members the agent side listed, bound by the digest', async () => {
    const rt = await sharedRuntime();
    const run = (names: string[]) =>
      evaluate(
        { kind: 'shell', command: 'tar xzf release.tgz' },
        testFacts({
          listArchive: () => ({ kind: 'members', names }),
        }),
        AGENT,
        rt,
      );
    const ordinary = await run(['release/bin/app']);
    expect(ordinary.wire.facts.reads).toContain('archives');
    expect(ordinary.wire.facts.archives).toEqual({
      '/home/dev/project/release.tgz': { kind: 'members', names: ['release/bin/app'] },
    });
    const swapped = await run(['release/bin/app', '.claude/settings.json']);
    expect(swapped.binding.digest).not.toBe(ordinary.binding.digest);
    expect(swapped.decision.outcome).toBe('ask');
  });

  it('a secret variable is bound by its hash and never sent', async () => {
    const rt = await sharedRuntime();
    const facts = testFacts({
      env: {
        AWS_PROFILE: 'prod',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
        DATABASE_URL: 'postgres://app:hunter2@db.prod/app',
      },
    });
    const evaluation = await evaluate(
      { kind: 'shell', command: 'aws s3 rb s3://billing --force' },
      facts,
      AGENT,
      rt,
    );
    const sent = JSON.stringify(evaluation.wire);
    expect(sent).not.toContain('wJalrXUtnFEMI');
    expect(sent).not.toContain('hunter2');
    expect(evaluation.wire.facts.env).toMatchObject({
      AWS_PROFILE: 'prod',
      DATABASE_URL: 'postgres://app:***@db.prod/app',
    });
    expect(Object.keys(evaluation.wire.facts.secretEnv ?? {})).toEqual([
      'AWS_SECRET_ACCESS_KEY',
      'DATABASE_URL',
    ]);
    const rotated = testFacts({ env: { ...facts.env, AWS_SECRET_ACCESS_KEY: 'another' } });
    const again = await evaluate(
      { kind: 'shell', command: 'aws s3 rb s3://billing --force' },
      rotated,
      AGENT,
      rt,
    );
    expect(again.binding.digest).not.toBe(evaluation.binding.digest);
  });

  it('under a freeze, anything not known to be read-only is denied, recognised or not', async () => {
    await clientOf(t.server, t.who.bob).setFrozen(true, { reason: 'incident' });
    const unknown = testFacts({ exists: () => false });
    for (const command of [
      'python3 job.py',
      'bash ./ops.sh',
      'make destroy-prod',
      'curl -X DELETE https://api.prod.example.com/v1/things/1',
      './some-binary --flag',
      'npm test',
    ]) {
      const answer = await ask(command, unknown);
      expect(answer, command).toMatchObject({ outcome: 'deny', consulted: true });
      expect(answer!.message, command).toMatch(/frozen/);
    }
    for (const command of ['ls -la', 'kubectl get pods -n payments', 'git status', 'cat README.md'])
      expect(await ask(command, unknown), command).toBeUndefined();
    await clientOf(t.server, t.who.bob).setFrozen(false);
    expect((await ask('npm test', unknown))!.outcome).toBe('allow');
  });
});
