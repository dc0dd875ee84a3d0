import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gate } from '../../src/approvals/client.js';
import { withoutSecrets } from '../../src/server/outgoing-text.js';
import type { ServerEvent } from '../../src/server/service.js';
import { WebhookDispatcher } from '../../src/server/webhooks.js';
import { body, gateInputOf } from '../approvals/fixtures.js';
import { SQLITE } from '../store/stores.js';
import { people, serverOn } from './harness.js';

// What the webhook dispatcher sends, and where: only the configured URL (no redirect followed to an
// address inside the network), within its timeout, and no secret the agent's command carried in clear.

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

/** A real local HTTP server; `answer` decides the response. Returns its URL and the bodies it got. */
async function listen(answer: (res: ServerResponse) => void): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      bodies.push(text);
      answer(res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

const freeze: ServerEvent = {
  type: 'freeze',
  actor: 'alice',
  freeze: { scope: 'global', frozen: true, at: 1, by: 'alice', reason: 'incident 42' },
};

describe('webhook dispatcher', () => {
  it('does not follow a redirect, so a receiver cannot bounce it to an internal address', async () => {
    const internal = await listen((res) => res.end('ok'));
    const bouncer = await listen((res) => {
      res.writeHead(307, { location: internal.url }).end();
    });
    const log: string[] = [];
    const hooks = new WebhookDispatcher({ url: bouncer.url, baseDelayMs: 1, log: (l) => log.push(l) });
    hooks.send(freeze);
    await vi.waitFor(() => expect(hooks.failed).toBe(1), { timeout: 10_000 });
    expect(bouncer.bodies).toHaveLength(1); // not retried either
    expect(internal.bodies).toEqual([]);
    expect(log.join('\n')).toMatch(/redirect \(HTTP 307\), which is not followed; set the webhook URL/);
  });

  it('gives up on a receiver that never answers, after its timeout and attempts', async () => {
    const silent = await listen(() => undefined);
    const log: string[] = [];
    const hooks = new WebhookDispatcher({
      url: silent.url,
      timeoutMs: 100,
      maxAttempts: 2,
      baseDelayMs: 1,
      log: (l) => log.push(l),
    });
    hooks.send(freeze);
    await vi.waitFor(() => expect(hooks.failed).toBe(1), { timeout: 10_000 });
    expect(silent.bodies).toHaveLength(2);
    expect(log.join('\n')).toMatch(/failed after 2 attempts/);
    expect(hooks.pending).toBe(0);
  });

  it("never sends a secret the agent's command carried in clear, nor the server's own", async () => {
    const receiver = await listen((res) => res.end('ok'));
    const { store, cleanup } = await SQLITE.create();
    const who = await people(store);
    const signingSecret = 'slack-signing-secret-never-sent-0123456789';
    const server = await serverOn(store, { webhookUrl: receiver.url, slack: { signingSecret } });
    try {
      const command =
        "PGPASSWORD=hunter2 psql postgres://app:pw-in-url@db.prod/billing --set=api_token=tok123 -c 'DROP TABLE invoices'";
      await gate(gateInputOf(body({ command })), { server: { url: server.url, token: who.agent } });
      await vi.waitFor(() => expect(receiver.bodies).toHaveLength(1), { timeout: 10_000 });
      const sent = receiver.bodies[0]!;
      for (const secret of ['hunter2', 'pw-in-url', 'tok123', signingSecret, who.agent])
        expect(sent).not.toContain(secret);
      expect(sent).toContain('PGPASSWORD=***');
      expect(sent).toContain('postgres://app:***@db.prod/billing');
      expect(sent).toContain('DROP TABLE invoices');
    } finally {
      await server.close();
      await cleanup();
    }
  });
});

describe('withoutSecrets', () => {
  it.each([
    ['PGPASSWORD=hunter2 psql -h db.prod', 'PGPASSWORD=*** psql -h db.prod'],
    ['export API_TOKEN="abc def"; deploy', 'export API_TOKEN=***; deploy'],
    ['mysql --password=sekrit -h prod', 'mysql --password=*** -h prod'],
    ['curl --oauth2-bearer x --token s3cr3t https://x', 'curl --oauth2-bearer x --token *** https://x'],
    [
      'redis-cli -u redis://:pw@cache.prod:6379 FLUSHALL',
      'redis-cli -u redis://:***@cache.prod:6379 FLUSHALL',
    ],
    // What says where and what stays as it is.
    ['FOO=bar kubectl delete ns prod --context prod-eu', 'FOO=bar kubectl delete ns prod --context prod-eu'],
    ['aws --profile prod s3 rm s3://b --recursive', 'aws --profile prod s3 rm s3://b --recursive'],
  ])('%s', (input, expected) => {
    expect(withoutSecrets(input)).toBe(expected);
  });
});
