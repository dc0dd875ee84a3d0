import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gate, type GateInput } from '../../src/approvals/client.js';
import { evaluate } from '../../src/app/evaluate.js';
import { askServer } from '../../src/app/gate.js';
import type { ActionFacts } from '../../src/core/types.js';
import { ClientError } from '../../src/approvals/http.js';
import { revokeToken } from '../../src/server/tokens.js';
import type { RunningServer } from '../../src/server/serve.js';
import type { Store } from '../../src/store/types.js';
import { AGENT, sharedRuntime, testFacts } from '../support/runtime.js';
import { body, gateInputOf, wire } from '../approvals/fixtures.js';
import { olderDatabase, TARGETS } from '../store/stores.js';
import { clientOf, people, serverOn, type People } from './harness.js';

const PROD = 'kubectl delete namespace payments --context prod-eu';

function gateInput(overrides: Partial<ReturnType<typeof body>> = {}): GateInput {
  return gateInputOf({ ...body(), ...overrides });
}

describe.each(TARGETS)('HTTP API: $kind', (target) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;

  beforeEach(async () => {
    ({ store, cleanup } = await target.create());
    who = await people(store);
    server = await serverOn(store);
  });
  afterEach(async () => {
    await server.close();
    await cleanup();
  });

  it('answers /health without a token, and nothing else', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ ok: true, store: target.kind, api: 1 });
    const audit = (await store.auditEntries()).length;
    const calls: [string, string][] = [
      ['GET', '/v1/whoami'],
      ['GET', '/v1/status'],
      ['GET', '/v1/requests'],
      ['GET', '/v1/requests/req_000000000000'],
      ['POST', '/v1/decisions'],
      ['POST', '/v1/requests/req_000000000000/approve'],
      ['POST', '/v1/requests/req_000000000000/deny'],
      ['POST', '/v1/requests/req_000000000000/cancel'],
      ['POST', '/v1/freeze'],
      ['POST', '/v1/unfreeze'],
    ];
    for (const [method, path] of calls) {
      for (const authorization of [
        undefined,
        'Bearer nonsense',
        `Bearer ilk_h_${'x'.repeat(43)}`,
        'Basic abc',
      ]) {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: authorization ? { authorization, 'content-type': 'application/json' } : {},
          ...(method === 'POST' ? { body: JSON.stringify(body()) } : {}),
        });
        expect(res.status, `${method} ${path} with ${authorization}`).toBe(401);
        expect(((await res.json()) as { error: string }).error).toMatch(/token/);
      }
    }
    expect((await store.auditEntries()).length).toBe(audit);
  });

  it('knows who calls, and a revoked token stops working', async () => {
    expect(await clientOf(server, who.carol).whoami()).toMatchObject({
      kind: 'human',
      name: 'carol',
      groups: ['platform', 'sre'],
    });
    expect(await clientOf(server, who.agent).whoami()).toMatchObject({
      kind: 'agent',
      name: 'claude',
      actsFor: 'alice',
    });
    await revokeToken(store, 'carol', 'test');
    await expect(clientOf(server, who.carol).whoami()).rejects.toMatchObject({ status: 401 });
  });

  it('says what was wrong with a bad body', async () => {
    const post = (payload: string) =>
      fetch(`${server.url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${who.agent}`, 'content-type': 'application/json' },
        body: payload,
      });
    let res = await post('{not json');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not valid JSON/);
    // A verdict, an assessment or a digest is not something the server takes from an agent.
    res = await post(JSON.stringify(body()));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/proposal: .*facts: /);
    res = await post(JSON.stringify({ ...wire(), proposal: { kind: 'shell', command: '' } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/proposal.command/);
    const big = await fetch(`${server.url}/v1/requests/req_000000000000/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.bob}`, 'content-type': 'application/json' },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    const deny = await fetch(`${server.url}/v1/requests/req_000000000000/deny`, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.bob}` },
      body: '{}',
    });
    expect(((await deny.json()) as { error: string }).error).toMatch(/reason/);
    await expect(clientOf(server, who.bob).getRequest('nope')).rejects.toMatchObject({ status: 400 });
    await expect(clientOf(server, who.bob).getRequest('req_000000000000')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('gate: pending → deny that names the request and says to retry; approved → allowed once', async () => {
    const options = { server: { url: server.url, token: who.agent } };
    const first = await gate(gateInput(), options);
    expect(first).toMatchObject({ outcome: 'deny', state: 'pending', consulted: true });
    expect(first.message).toContain(first.requestId!);
    expect(first.message).toMatch(/retry exactly the same command/);
    await expect(clientOf(server, who.alice).approve(first.requestId!)).rejects.toMatchObject({
      status: 403,
      code: 'own-agent',
    });
    await clientOf(server, who.bob).approve(first.requestId!);
    await clientOf(server, who.carol).approve(first.requestId!, 'ok');
    const retry = await gate(gateInput(), options);
    expect(retry).toMatchObject({ outcome: 'allow', requestId: first.requestId, state: 'consumed' });
    const third = await gate(gateInput(), options);
    expect(third.outcome).toBe('deny');
    expect(third.requestId).not.toBe(first.requestId);
    // The audit log says the votes came through the JSON API.
    const votes = (await store.auditEntries()).filter((e) => e.type === 'approval');
    expect(votes.map((e) => (JSON.parse(e.body) as { data: { via: string } }).data.via)).toEqual([
      'api',
      'api',
    ]);
  });

  it('gate --wait: waits for the approvers, then allows once', async () => {
    const pending: string[] = [];
    const waiting = gate(gateInput(), {
      server: { url: server.url, token: who.agent },
      waitMs: 20_000,
      pollMs: 50,
      onPending: (r) => pending.push(r.requestId!),
    });
    while (!pending.length) await new Promise((r) => setTimeout(r, 10));
    await clientOf(server, who.bob).approve(pending[0]!);
    await new Promise((r) => setTimeout(r, 120));
    await clientOf(server, who.carol).approve(pending[0]!);
    expect(await waiting).toMatchObject({ outcome: 'allow', requestId: pending[0], state: 'consumed' });
  });

  it('gate --wait: a denial ends the wait with the reason', async () => {
    const pending: string[] = [];
    const waiting = gate(gateInput(), {
      server: { url: server.url, token: who.agent },
      waitMs: 20_000,
      pollMs: 50,
      onPending: (r) => pending.push(r.requestId!),
    });
    while (!pending.length) await new Promise((r) => setTimeout(r, 10));
    await clientOf(server, who.dan).deny(pending[0]!, 'use the staging cluster');
    const result = await waiting;
    expect(result.outcome).toBe('deny');
    expect(result.message).toMatch(/denied by dan: use the staging cluster/);
  });

  it('gate: a real check, bound to command, directory and placement variables', async () => {
    const rt = await sharedRuntime();
    const facts = testFacts({ env: { AWS_PROFILE: 'prod' } });
    const env = { INTERLOCK_SERVER_URL: server.url, INTERLOCK_TOKEN: who.agent };
    const gated = async (command: string, f: ActionFacts) =>
      askServer(await evaluate({ kind: 'shell', command }, f, AGENT, rt), AGENT, { env });
    expect((await evaluate({ kind: 'shell', command: PROD }, facts, AGENT, rt)).decision.outcome).toBe(
      'require-approval',
    );
    const first = (await gated(PROD, facts))!;
    expect(first.outcome).toBe('deny');
    const view = await clientOf(server, who.bob).getRequest(first.requestId!);
    expect(view.action).toMatchObject({ kind: 'shell', command: PROD, cwd: facts.cwd });
    expect(view.assessment.effects[0]).toMatchObject({ operation: 'delete', environment: 'production' });
    const digestOf = async (f: ActionFacts) =>
      (await evaluate({ kind: 'shell', command: PROD }, f, AGENT, rt)).binding.digest;
    // The server computed the same digest as the agent's side, from what it was sent.
    expect(view.digest).toBe(await digestOf(facts));
    // Same command elsewhere, or with another profile: another action, another request.
    const elsewhere = testFacts({ cwd: '/tmp', env: { AWS_PROFILE: 'prod' } });
    const profile = testFacts({ env: { AWS_PROFILE: 'prod-2' } });
    const noise = testFacts({ env: { AWS_PROFILE: 'prod', TERM: 'xterm', SHLVL: '3' } });
    expect(await digestOf(elsewhere)).not.toBe(view.digest);
    expect(await digestOf(profile)).not.toBe(view.digest);
    expect(await digestOf(noise)).toBe(view.digest);
    expect((await gated(PROD, elsewhere))!.requestId).not.toBe(first.requestId);
    await clientOf(server, who.bob).approve(first.requestId!);
    await clientOf(server, who.carol).approve(first.requestId!);
    expect((await gated(PROD, profile))!.outcome).toBe('deny');
    expect((await gated(PROD, noise))!.outcome).toBe('allow');
    // Read-only work that policy allows never calls the server.
    expect(await gated('kubectl get pods --context prod-eu', facts)).toBeUndefined();
  });

  it('freeze over HTTP: humans only, and agents get a deny that says why', async () => {
    await expect(clientOf(server, who.agent).setFrozen(true)).rejects.toMatchObject({ status: 403 });
    await clientOf(server, who.bob).setFrozen(true, { reason: 'incident' });
    const result = await gate(
      gateInput({ decision: { ...body().decision, outcome: 'allow', approvals: 0 } }),
      {
        server: { url: server.url, token: who.agent },
      },
    );
    expect(result.outcome).toBe('deny');
    expect(result.message).toMatch(/frozen/);
    expect((await clientOf(server, who.bob).status()).frozen).toMatchObject({ by: 'bob' });
    await clientOf(server, who.carol).setFrozen(false);
    expect((await clientOf(server, who.bob).status()).frozen).toBeUndefined();
  });
});

describe.each(TARGETS)('an agent token stored without acts-for: $kind', (target) => {
  it('is refused on the decision path with what the admin must do; production fails closed', async () => {
    // Such rows exist in databases from before --acts-for was required (nothing makes them now).
    const token = `ilk_a_${'L'.repeat(43)}`;
    const hash = createHash('sha256').update(token).digest('hex');
    const older = await olderDatabase(target.kind, 1, [
      `INSERT INTO identities (id, kind, name, groups_json, acts_for, token_hash, created_at) VALUES ('tok_legacy1', 'agent', 'claude', '[]', NULL, '${hash}', 1)`,
    ]);
    const server = await serverOn(await older.open());
    try {
      expect(await clientOf(server, token).whoami()).toEqual({
        id: 'tok_legacy1',
        kind: 'agent',
        name: 'claude',
        groups: [],
      });
      await expect(clientOf(server, token).decide(wire())).rejects.toMatchObject({
        status: 403,
        code: 'no-acts-for',
      });
      const result = await gate(gateInput(), { server: { url: server.url, token } });
      expect(result.outcome).toBe('deny');
      expect(result.message).toMatch(/created without --acts-for/);
      expect(result.message).toContain('interlock token create --agent claude --acts-for HUMAN');
      expect(await server.service.store.listRequests({})).toEqual([]);
    } finally {
      await server.close();
      await older.cleanup();
    }
  });
});

describe('gate without a reachable server', () => {
  it('fails closed in production and keeps the local answer elsewhere', async () => {
    const dead = { server: { url: 'http://127.0.0.1:9', token: 'ilk_a_x' }, timeoutMs: 2000 };
    const prod = await gate(gateInput(), dead);
    expect(prod.outcome).toBe('deny');
    expect(prod.message).toMatch(/failing closed/);
    const askNonProd = await gate(
      gateInput({
        assessment: { ...body({ environment: 'non-production' }).assessment },
        decision: { ...body().decision, outcome: 'ask', approvals: 0 },
      }),
      dead,
    );
    expect(askNonProd.outcome).toBe('ask');
  });

  it('refuses an answer that is not the API', async () => {
    const liar = createServer((_req, res) => res.end('{"outcome":"allow"}'));
    await new Promise<void>((r) => liar.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
      const result = await gate(gateInput(), { server: { url, token: 'ilk_a_x' } });
      expect(result.outcome).toBe('deny');
      expect(result.message).toMatch(/something unexpected/);
    } finally {
      liar.close();
    }
  });
});

describe('webhooks', () => {
  let receiver: Server;
  let bodies: unknown[];
  let failures: number;
  let hang: boolean;
  let held: number;
  let url: string;

  beforeEach(async () => {
    bodies = [];
    failures = 2;
    hang = false;
    held = 0;
    receiver = createServer((req: IncomingMessage, res) => {
      let text = '';
      req.on('data', (d: Buffer) => (text += d.toString()));
      req.on('end', () => {
        if (hang) {
          held++;
          return; // never answers
        }
        if (failures-- > 0) {
          res.statusCode = 503;
          res.end('try later');
          return;
        }
        bodies.push(JSON.parse(text));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterEach(() => {
    receiver.closeAllConnections();
    receiver.close();
  });

  it('posts Slack-compatible bodies on new and decided requests, retrying with backoff', async () => {
    const { store, cleanup } = await TARGETS[0]!.create();
    const who = await people(store);
    const server = await serverOn(store, { webhookUrl: url });
    (server.webhooks as unknown as { options: { baseDelayMs: number } }).options.baseDelayMs = 20;
    try {
      const command = 'kubectl delete namespace payments --context production';
      const first = await gate(gateInput({ action: { kind: 'shell', command, cwd: '/src' } }), {
        server: { url: server.url, token: who.agent },
      });
      await clientOf(server, who.dan).deny(first.requestId!, 'no');
      // Both delivered, after the retries (as long as that takes on this machine).
      await vi.waitFor(() => expect(server.webhooks!.delivered).toBe(2), { timeout: 25_000, interval: 10 });
      expect(bodies).toHaveLength(2);
      type Body = {
        text: string;
        blocks: { type: string; text: { type: string; text: string } }[];
        interlock: { event: string };
      };
      // Retries may reorder deliveries: find each by its event.
      const created = (bodies as Body[]).find((b) => b.interlock.event === 'request.created');
      const denied = (bodies as Body[]).find((b) => b.interlock.event === 'request.denied');
      expect(created!.text).toMatch(
        /Approval needed.*agent claude for alice wants to run `kubectl delete namespace payments --context production` in \*production\*/,
      );
      expect(created!.text).toContain(`interlock approvals show ${first.requestId}`);
      expect(created!.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: created!.text } });
      expect(denied!.text).toMatch(/Denied.*by dan: no/);
      expect(server.webhooks!.delivered).toBe(2);
    } finally {
      await server.close();
      await cleanup();
    }
  });

  it('never slows the decision path, even when the receiver hangs', async () => {
    hang = true;
    const { store, cleanup } = await TARGETS[0]!.create();
    const who = await people(store);
    const server = await serverOn(store, { webhookUrl: url });
    // Deliveries wait on the receiver as long as the test runs (not 5 s): a decision that waited on one
    // would never come, whatever the speed of the machine.
    (server.webhooks as unknown as { options: { timeoutMs: number } }).options.timeoutMs = 600_000;
    try {
      for (let i = 0; i < 20; i++) {
        const r = await gate(gateInput({ digest: String(i % 10).repeat(64) }), {
          server: { url: server.url, token: who.codex },
        });
        expect(r.outcome).toBe('deny');
      }
      // Every decision came back while the deliveries hung, none of them answered or given up.
      await vi.waitFor(() => expect(held).toBeGreaterThan(0), { timeout: 25_000, interval: 10 });
      expect(server.webhooks!.delivered + server.webhooks!.failed).toBe(0);
      expect(server.webhooks!.pending).toBeGreaterThan(0);
    } finally {
      await server.close();
      await cleanup();
    }
  });
});

it('ClientError carries status and code', () => {
  const e = new ClientError('x', 403, 'own-request');
  expect([e.status, e.code]).toEqual([403, 'own-request']);
});
