import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { wire } from '../approvals/fixtures.js';
import { CLI } from '../support/cli.js';
import { clientOf, serverEachTest } from './harness.js';

// POST /v1/decisions is answered from node:http (src/server/decision-route.ts), the same path with a query
// string by Hono's route: both must answer alike, refusals included.

/** One raw HTTP/1.1 exchange (so headers can repeat); the connection closes after the answer. */
function exchange(port: number, head: string[], body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d: Buffer) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    socket.write(
      `${[...head, 'connection: close', `content-length: ${Buffer.byteLength(body)}`].join('\r\n')}\r\n\r\n${body}`,
    );
  });
}

/** Status, the headers that matter, and the body. */
function answer(raw: string) {
  const [head = '', text = ''] = raw.split('\r\n\r\n');
  const lines = head.split('\r\n');
  const header = (name: string) =>
    lines
      .find((l) => l.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  return {
    status: Number(lines[0]!.split(' ')[1]),
    type: header('content-type'),
    reqId: header('x-request-id'),
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

describe('POST /v1/decisions from node:http', () => {
  const t = serverEachTest();

  const both = async (head: string[], body?: string) =>
    Promise.all(
      ['/v1/decisions', '/v1/decisions?via=hono'].map(async (path) =>
        answer(await exchange(t.server.port, [`POST ${path} HTTP/1.1`, 'host: x', ...head], body)),
      ),
    );

  it('answers as Hono does: a decision, each refusal, and the request id', async () => {
    const token = `authorization: Bearer ${t.who.agent}`;
    const cases: [string[], string | undefined][] = [
      [[token, 'x-request-id: trace-1234abcd'], JSON.stringify(wire())],
      [[], '{}'],
      [['authorization: Bearer nonsense'], '{}'],
      [[token], '{not json'],
      [[token], ''],
      [[token], JSON.stringify({ proposal: 1 })],
    ];
    for (const [head, body] of cases) {
      const [node, hono] = await both(head, body);
      expect(node).toEqual({ ...hono, reqId: node!.reqId });
      expect(node!.status).toBeGreaterThanOrEqual(200);
      expect(node!.type).toBe('application/json');
      expect(node!.reqId).toMatch(
        head.some((h) => h.startsWith('x-request-id')) ? /^trace-1234abcd$/ : /^rid-/,
      );
    }
  });

  it('the same body sent again is judged as its sender and decided afresh (a freeze in between)', async () => {
    // The server remembers what a body was assessed as (src/server/decision-memo.ts): by token, and never
    // what the store made of it.
    const text = JSON.stringify({ ...wire(), agent: { vendor: 'acme', session: 's-1' } });
    const send = async (token: string) =>
      answer(
        await exchange(
          t.server.port,
          ['POST /v1/decisions HTTP/1.1', 'host: x', `authorization: Bearer ${token}`],
          text,
        ),
      ).body as { outcome: string; message: string };
    const agentOf = async () => {
      const entries = await t.store.auditEntries(1, 10_000);
      const last = entries.filter((e) => e.type === 'decision').at(-1)!;
      return (JSON.parse(last.body) as { data: { agent?: unknown } }).data.agent;
    };
    expect((await send(t.who.alice)).outcome).toBe('pending');
    expect(await agentOf()).toBeUndefined(); // a person's decision carries no agent's account of itself
    expect((await send(t.who.agent)).outcome).toBe('pending');
    expect(await agentOf()).toEqual({ vendor: 'acme', session: 's-1' });
    await clientOf(t.server, t.who.bob).setFrozen(true, { reason: 'incident' });
    expect(await send(t.who.agent)).toMatchObject({
      outcome: 'deny',
      message: expect.stringMatching(/frozen/),
    });
    await clientOf(t.server, t.who.bob).setFrozen(false);
    expect((await send(t.who.agent)).outcome).toBe('pending');
  });

  it('a token revoked by `interlock token revoke` in another process is refused on its very next decision', async () => {
    const text = JSON.stringify(wire());
    const send = async () =>
      answer(
        await exchange(
          t.server.port,
          ['POST /v1/decisions HTTP/1.1', 'host: x', `authorization: Bearer ${t.who.agent}`],
          text,
        ),
      );
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200); // the token and the body are remembered now
    execFileSync(process.execPath, [CLI, 'token', 'revoke', 'claude', '--database', t.database], {
      stdio: 'pipe',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' },
    });
    expect(await send()).toMatchObject({ status: 401, body: { code: 'bad-token' } });
    const decisions = (await t.store.auditEntries(1, 10_000)).filter((e) => e.type === 'decision');
    expect(decisions).toHaveLength(2);
  });

  it('refuses a request with two Authorization headers, as Hono does (node keeps only the first)', async () => {
    const head = [`authorization: Bearer ${t.who.agent}`, `authorization: Bearer ${t.who.codex}`];
    const [node, hono] = await both(head, JSON.stringify(wire()));
    expect(hono!.status).toBe(401);
    expect(node).toEqual({ ...hono, reqId: node!.reqId });
  });

  it('refuses a body over 64 MiB before reading it, and closes the connection', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(t.server.port, '127.0.0.1');
      let out = '';
      socket.on('data', (d: Buffer) => (out += d.toString()));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
      socket.write(
        `POST /v1/decisions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${t.who.agent}\r\ncontent-length: ${64 * 1024 * 1024 + 1}\r\n\r\n{`,
      );
    });
    expect(answer(raw)).toMatchObject({ status: 413, body: { code: 'too-large' } });
    expect(raw.toLowerCase()).toContain('connection: close');
  });
});
