import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { gate } from '../../src/approvals/client.js';
import type { RunningServer } from '../../src/server/serve.js';
import { slackSignature } from '../../src/server/slack/signature.js';
import { createToken, revokeToken } from '../../src/server/tokens.js';
import type { AuditEntry, Store } from '../../src/store/types.js';
import { body, gateInputOf } from '../approvals/fixtures.js';
import { SQLITE } from '../store/stores.js';
import { clientOf, people, serverOn, spawnServer, type People } from './harness.js';

// Slack's Approve/Deny buttons against a real server: clicks signed with the test's signing secret, a real
// local HTTP server standing in for Slack's response_url (allowed by the server's own option).

/** The `data` of an audit entry, from the canonical body that is hashed. */
const dataOf = (e: AuditEntry) => (JSON.parse(e.body) as { data: Record<string, unknown> }).data;

const SECRET = 'test-signing-secret-8f14e45fceea167a5a36dedd4bea2543';

interface Received {
  path: string;
  body: Record<string, unknown>;
}

let receiver: Server;
let origin: string;
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(text) as Record<string, unknown> });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe('Slack buttons', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;

  beforeEach(async () => {
    received.length = 0;
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    for (const [name, slackUser] of [
      ['alice', 'UALICE1'],
      ['bob', 'UBOB1'],
      ['carol', 'UCAROL1'],
    ] as const)
      await createToken(store, { kind: 'human', name, groups: ['platform'], slackUser, createdBy: 'test' });
    server = await serverOn(store, { slack: { signingSecret: SECRET, responseOrigins: [origin] } });
  });
  afterEach(async () => {
    await server.close();
    await cleanup();
  });

  /** The agent (claude, acting for alice) asks; the request waits for two platform approvals. */
  async function pendingRequest(input = body()): Promise<{ id: string; digest: string }> {
    const r = await gate(gateInputOf(input), { server: { url: server.url, token: who.agent } });
    expect(r).toMatchObject({ outcome: 'deny', state: 'pending' });
    const request = await store.getRequest(r.requestId!);
    return { id: request!.id, digest: request!.digest };
  }

  function clickBody(
    user: string,
    vote: 'approve' | 'deny',
    request: { id: string; digest: string },
    responseUrl = `${origin}/actions/T1/B1`,
  ): string {
    const payload = {
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase() },
      response_url: responseUrl,
      actions: [
        {
          action_id: `interlock.${vote}`,
          value: `${request.id}:${request.digest.slice(0, 16)}`,
          type: 'button',
        },
      ],
    };
    return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }

  async function post(
    form: string,
    options: { timestamp?: number; signedBody?: string; secret?: string } = {},
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const res = await fetch(`${server.url}/slack/actions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': slackSignature(options.secret ?? SECRET, timestamp, options.signedBody ?? form),
      },
      body: form,
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  const replies = async (n: number) => {
    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(n), { timeout: 10_000 });
    return received.map((r) => r.body);
  };

  it('approves through the same rules: two mapped humans approve, the agent may retry once', async () => {
    const request = await pendingRequest();
    expect(await post(clickBody('UBOB1', 'approve', request))).toMatchObject({
      status: 200,
      json: { ok: true, code: 'approved' },
    });
    const [first] = await replies(1);
    expect(first).toMatchObject({ replace_original: true });
    expect(first!.text).toMatch(/Approval counted.*from bob: approved by bob, 1 more needed/);
    // Still pending: the updated message keeps the buttons for the next approver.
    expect(JSON.stringify(first!.blocks)).toContain(`${request.id}:${request.digest.slice(0, 16)}`);

    // The same person clicking again counts once.
    expect((await post(clickBody('UBOB1', 'approve', request))).json).toMatchObject({
      ok: false,
      code: 'slack-not-counted',
    });
    expect(await post(clickBody('UCAROL1', 'approve', request))).toMatchObject({
      status: 200,
      json: { ok: true },
    });
    const all = await replies(3);
    const approved = all.find((b) => /Approved/.test(String(b.text)));
    expect(approved).toMatchObject({ replace_original: true });
    expect(approved!.text).toMatch(/Approved\* \(req_\w+\) by bob, carol/);
    expect(JSON.stringify(approved!.blocks)).not.toContain('interlock.approve');

    const options = { server: { url: server.url, token: who.agent } };
    expect(await gate(gateInputOf(body()), options)).toMatchObject({ outcome: 'allow', state: 'consumed' });
    expect((await gate(gateInputOf(body()), options)).outcome).toBe('deny');
    // The audit log names the mapped humans and their own tokens.
    const approvals = (await store.auditEntries()).filter((e) => e.type === 'approval');
    expect(approvals.map((e) => e.actor)).toEqual(['bob', 'carol']);
    // ...and that the votes came from Slack, by which Slack user.
    expect(approvals.map((e) => [dataOf(e).via, dataOf(e).slackUser])).toEqual([
      ['slack', 'UBOB1'],
      ['slack', 'UCAROL1'],
    ]);
    const decided = (await store.auditEntries()).find((e) => e.type === 'request.approved');
    expect(dataOf(decided!)).toMatchObject({ via: 'slack', slackUser: 'UCAROL1' });
  });

  it('denies through the same service, and says who denied', async () => {
    const request = await pendingRequest();
    expect((await post(clickBody('UCAROL1', 'deny', request))).json).toMatchObject({
      ok: true,
      code: 'denied',
    });
    const [reply] = await replies(1);
    expect(reply).toMatchObject({ replace_original: true });
    expect(reply!.text).toMatch(/Denied\* \(req_\w+\) by carol/);
    expect((await store.getRequest(request.id))?.state).toBe('denied');
    const denied = (await store.auditEntries()).find((e) => e.type === 'request.denied');
    expect(denied?.actor).toBe('carol');
    expect(dataOf(denied!)).toMatchObject({ via: 'slack', slackUser: 'UCAROL1' });
  });

  it('refuses a tampered body, a wrong secret, a missing signature, and stale or future timestamps', async () => {
    const request = await pendingRequest();
    const honest = clickBody('UBOB1', 'approve', request);
    const tampered = clickBody('UCAROL1', 'approve', request);
    expect(await post(tampered, { signedBody: honest })).toMatchObject({
      status: 401,
      json: { code: 'slack-bad-signature' },
    });
    expect(await post(honest, { secret: 'another-apps-secret' })).toMatchObject({
      status: 401,
      json: { code: 'slack-bad-signature' },
    });
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 10 * 60, now + 10 * 60])
      expect(await post(honest, { timestamp })).toMatchObject({ status: 401, json: { code: 'slack-stale' } });
    const unsigned = await fetch(`${server.url}/slack/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: honest,
    });
    expect(unsigned.status).toBe(401);
    expect(await store.listApprovals(request.id)).toEqual([]);
    expect(received).toEqual([]);
  });

  it('tells an unmapped Slack user why the click did not count and how to fix it', async () => {
    const request = await pendingRequest();
    expect((await post(clickBody('UNOBODY9', 'approve', request))).json).toMatchObject({
      ok: false,
      code: 'slack-unmapped',
    });
    const [reply] = await replies(1);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply!.text).toContain('interlock token create --human YOUR_NAME --slack-user UNOBODY9');
    expect(await store.listApprovals(request.id)).toEqual([]);
  });

  it('refuses self-approval: the human the agent acts for cannot approve in Slack either', async () => {
    const request = await pendingRequest();
    expect((await post(clickBody('UALICE1', 'approve', request))).json).toMatchObject({
      ok: false,
      code: 'own-agent',
    });
    const [reply] = await replies(1);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply!.text).toMatch(/someone other than you must approve it/);
    expect(await store.listApprovals(request.id)).toEqual([]);
  });

  it('stops the mapping once the human’s token is revoked', async () => {
    const request = await pendingRequest();
    await revokeToken(store, 'bob', 'test');
    expect((await post(clickBody('UBOB1', 'approve', request))).json).toMatchObject({
      code: 'slack-unmapped',
    });
    expect(await store.listApprovals(request.id)).toEqual([]);
  });

  it('refuses a button replayed against another request, and a response_url off Slack', async () => {
    const request = await pendingRequest();
    const forged = { id: request.id, digest: 'f'.repeat(64) };
    expect((await post(clickBody('UBOB1', 'approve', forged))).json).toMatchObject({
      code: 'slack-unknown-request',
    });
    expect(await post(clickBody('UBOB1', 'approve', request, 'https://evil.example/hook'))).toMatchObject({
      status: 400,
      json: { code: 'slack-bad-response-url' },
    });
    expect(await store.listApprovals(request.id)).toEqual([]);
  });

  it('replaces the clicked message on later events: a deny elsewhere, the action running', async () => {
    const request = await pendingRequest(body({ command: 'kubectl delete namespace billing' }));
    await post(clickBody('UBOB1', 'approve', request, `${origin}/actions/T1/first`));
    await replies(1);
    // Denied in the console or the CLI: the Slack message loses its buttons and says so.
    await clientOf(server, who.carol).deny(request.id, 'not during the sale');
    const [, denied] = await replies(2);
    expect(received[1]!.path).toBe('/actions/T1/first');
    expect(denied).toMatchObject({ replace_original: true });
    expect(denied!.text).toMatch(/Denied\* \(req_\w+\) by carol: not during the sale/);
    expect(JSON.stringify(denied!.blocks)).not.toContain('interlock.approve');

    // Approved in Slack, then used by the agent's retry: the message says it ran.
    const second = await pendingRequest();
    await post(clickBody('UBOB1', 'approve', second, `${origin}/actions/T1/second`));
    await post(clickBody('UCAROL1', 'approve', second, `${origin}/actions/T1/second`));
    await replies(4);
    const options = { server: { url: server.url, token: who.agent } };
    expect(await gate(gateInputOf(body()), options)).toMatchObject({ outcome: 'allow', state: 'consumed' });
    const all = await replies(5);
    expect(all).toHaveLength(5); // each click's own vote was answered once, not again by its event
    expect(all[4]!.text).toMatch(/Used\* \(req_\w+\): the approved action ran once/);
  });

  it('replaces the clicked message when its request expires', async () => {
    let now = Date.now();
    const clocked = await serverOn(store, {
      now: () => now,
      expiryMs: 15 * 60_000,
      slack: { signingSecret: SECRET, responseOrigins: [origin] },
    });
    try {
      const r = await gate(gateInputOf(body({ digest: 'c'.repeat(64) })), {
        server: { url: clocked.url, token: who.agent },
      });
      const request = (await store.getRequest(r.requestId!))!;
      const form = clickBody('UBOB1', 'approve', request, `${origin}/actions/T1/expiring`);
      const timestamp = String(Math.floor(Date.now() / 1000));
      await fetch(`${clocked.url}/slack/actions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': slackSignature(SECRET, timestamp, form),
        },
        body: form,
      });
      await replies(1);
      now += 20 * 60_000; // within Slack's 30 minutes for the response_url, past a 15-minute expiry
      await clocked.service.sweep();
      expect((await store.getRequest(request.id))?.state).toBe('expired');
      const [, expired] = await replies(2);
      expect(received[1]!.path).toBe('/actions/T1/expiring');
      expect(expired).toMatchObject({ replace_original: true });
      expect(expired!.text).toMatch(/Expired\* \(req_\w+\) with 1 of 2 approvals/);
      expect(JSON.stringify(expired!.blocks)).not.toContain('interlock.approve');
    } finally {
      await clocked.close();
    }
  });

  it('puts Approve/Deny buttons carrying the request and its digest prefix in the webhook message', async () => {
    const hooked = await serverOn(store, {
      webhookUrl: `${origin}/webhook`,
      slack: { signingSecret: SECRET, responseOrigins: [origin] },
    });
    try {
      const r = await gate(gateInputOf(body({ digest: 'e'.repeat(64) })), {
        server: { url: hooked.url, token: who.agent },
      });
      await vi.waitFor(() => expect(received.some((x) => x.path === '/webhook')).toBe(true), {
        timeout: 10_000,
      });
      const message = received.find((x) => x.path === '/webhook')!.body;
      const digest = (await store.getRequest(r.requestId!))!.digest;
      expect((message.blocks as unknown[])[1]).toEqual({
        type: 'actions',
        block_id: `interlock.vote.${r.requestId}`,
        elements: [
          expect.objectContaining({
            action_id: 'interlock.approve',
            value: `${r.requestId}:${digest.slice(0, 16)}`,
          }),
          expect.objectContaining({ action_id: 'interlock.deny', style: 'danger' }),
        ],
      });
    } finally {
      await hooked.close();
    }
  });
});

describe('Slack buttons, not set up', () => {
  it('says how to turn them on', async () => {
    const { store, cleanup } = await SQLITE.create();
    const server = await serverOn(store);
    try {
      const res = await fetch(`${server.url}/slack/actions`, { method: 'POST', body: 'payload=%7B%7D' });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'slack-off', error: /INTERLOCK_SLACK_SIGNING_SECRET/ });
    } finally {
      await server.close();
      await cleanup();
    }
  });
});

describe('interlock serve with INTERLOCK_SLACK_SIGNING_SECRET', () => {
  it("checks Slack's signature, and replies only to Slack's own host", async () => {
    const { database, store, cleanup } = await SQLITE.create();
    await store.close();
    const served = await spawnServer(database, { env: { INTERLOCK_SLACK_SIGNING_SECRET: SECRET } });
    try {
      const payload = {
        type: 'block_actions',
        user: { id: 'UBOB1' },
        response_url: `${origin}/not-slack`,
        actions: [{ action_id: 'interlock.approve', value: `req_000000000000:${'0'.repeat(16)}` }],
      };
      const form = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
      const timestamp = String(Math.floor(Date.now() / 1000));
      const send = (secret: string) =>
        fetch(`${served.url}/slack/actions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': timestamp,
            'x-slack-signature': slackSignature(secret, timestamp, form),
          },
          body: form,
        });
      expect((await send('not-the-secret')).status).toBe(401);
      const offSlack = await send(SECRET);
      expect(offSlack.status).toBe(400);
      expect(await offSlack.json()).toMatchObject({
        code: 'slack-bad-response-url',
        error: /must be on https:\/\/hooks\.slack\.com/,
      });
    } finally {
      await served.stop();
      await cleanup();
    }
  });
});
