import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/serve.js';
import { createLogger } from '../../src/server/telemetry/logger.js';
import type { Store } from '../../src/store/types.js';
import { body, wire } from '../approvals/fixtures.js';
import { SQLITE } from '../store/stores.js';
import { people, serverOn, type People } from './harness.js';

/** A real pino logger writing into memory: every line it wrote, parsed. */
function memoryLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines, entries: () => lines.map((l) => JSON.parse(l)) };
}

describe('server telemetry: logs and metrics', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;
  let log: ReturnType<typeof memoryLog>;

  beforeEach(async () => {
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    log = memoryLog();
    server = await serverOn(store, { telemetry: { logger: log.logger } });
  });
  afterEach(async () => {
    await server.close();
    await cleanup();
  });

  const decide = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/v1/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(wire(body())),
    });
  const scrape = async (token = who.alice) => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('logs one JSON line per request: request id, route pattern, status; never the token or the command', async () => {
    const res = await decide(who.agent, { 'x-request-id': 'trace-1234abcd' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-1234abcd');
    const { requestId } = (await res.json()) as { requestId: string };
    await fetch(`${server.url}/v1/requests/${requestId}`, {
      headers: { authorization: `Bearer ${who.alice}`, cookie: 'session=s3cret' },
    });

    const [decision, view] = log.entries();
    expect(decision).toMatchObject({
      level: 'info',
      reqId: 'trace-1234abcd',
      method: 'POST',
      route: '/v1/decisions',
      status: 200,
      who: 'claude',
    });
    expect(typeof decision.ms).toBe('number');
    expect(view).toMatchObject({ route: '/v1/requests/:id', approval: requestId, who: 'alice', status: 200 });
    expect(view.reqId).toMatch(/^rid-/);
    const all = log.lines.join('\n');
    for (const secret of [who.agent, who.alice, 's3cret', 'kubectl', 'namespace payments'])
      expect(all).not.toContain(secret);
  });

  it('replaces an incoming request id that is not a plain short id', async () => {
    for (const bad of ['short', 'has space in it', 'x'.repeat(200), `ilk_a_${'y'.repeat(43)}`]) {
      const res = await decide(who.agent, { 'x-request-id': bad });
      expect(res.headers.get('x-request-id')).toMatch(/^rid-/);
    }
    expect(log.entries().every((e) => String(e.reqId).startsWith('rid-'))).toBe(true);
  });

  it('exposes the decision histogram by kind and outcome, and the pending approvals', async () => {
    expect(await scrape()).toMatch(/^interlock_pending_approvals 0$/m);
    expect((await decide(who.agent)).status).toBe(200);
    const text = await scrape();
    expect(text).toMatch(/^interlock_decision_duration_seconds_count\{kind="shell",outcome="pending"\} 1$/m);
    expect(text).toMatch(/^interlock_pending_approvals 1$/m);
    expect(text).toMatch(/^interlock_webhook_queue_depth 0$/m);
    expect(text).toMatch(/^interlock_breaker_trips_total 0$/m);
    expect(text).toMatch(/^interlock_process_cpu_seconds_total /m);
  });

  it('counts a bad decision request as an error', async () => {
    const res = await fetch(`${server.url}/v1/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.agent}`, 'content-type': 'application/json' },
      body: '{"proposal":',
    });
    expect(res.status).toBe(400);
    expect(await scrape()).toMatch(
      /^interlock_decision_duration_seconds_count\{kind="other",outcome="error"\} 1$/m,
    );
  });

  it('answers /metrics only to a valid token', async () => {
    for (const authorization of [undefined, 'Bearer nonsense', 'Basic abc']) {
      const res = await fetch(`${server.url}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-request-id')).toMatch(/^rid-/);
      expect(await res.text()).not.toContain('interlock_');
    }
    expect(await scrape(who.agent)).toContain('interlock_pending_approvals');
  });
});

describe('server telemetry: the circuit breaker', () => {
  it('counts each trip', async () => {
    const { store, cleanup } = await SQLITE.create();
    const who = await people(store);
    const server = await serverOn(store, { breaker: { maxDestructive: 1, windowMs: 60_000 } });
    try {
      for (const digest of ['a', 'b', 'c']) {
        const res = await fetch(`${server.url}/v1/decisions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${who.agent}`, 'content-type': 'application/json' },
          body: JSON.stringify(wire(body({ digest: digest.repeat(64) }))),
        });
        expect(res.status).toBe(200);
      }
      const text = await (
        await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${who.alice}` } })
      ).text();
      expect(text).toMatch(/^interlock_breaker_trips_total 1$/m);
    } finally {
      await server.close();
      await cleanup();
    }
  });
});

describe('the log destination (gathered writes)', () => {
  const logger = fileURLToPath(new URL('../../dist/server/telemetry/logger.js', import.meta.url));
  /** `body` run in a fresh process with `log` writing to `file` (in a fresh directory); its stdout. */
  const withLog = (body: (file: string) => string, after: (file: string, stdout: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-log-'));
    try {
      const file = join(dir, 'server.log');
      const script = `
        import { readFileSync } from 'node:fs';
        const { createLogger, logDestination } = await import(${JSON.stringify(logger)});
        const log = createLogger('info', logDestination(${JSON.stringify(file)}));
        ${body(file)}`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      after(file, result.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('writes a lone line within its flush period, and what is left when the process exits', () => {
    withLog(
      (file) => `
        log.info({ n: 1 }, 'alone');
        await new Promise((r) => setTimeout(r, 400));
        process.stdout.write(String(readFileSync(${JSON.stringify(file)}, 'utf8').split('\\n').filter(Boolean).length));
        log.info({ n: 2 }, 'at exit');`,
      (file, stdout) => {
        expect(stdout).toBe('1');
        const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
        expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['alone', 'at exit']);
      },
    );
  });

  it('a flush (a graceful stop) has every gathered line in the file when it calls back', () => {
    withLog(
      (file) => `
        for (let n = 0; n < 3; n++) log.info({ n }, 'line');
        await new Promise((r) => log.flush(r));
        process.stdout.write(String(readFileSync(${JSON.stringify(file)}, 'utf8').split('\\n').filter(Boolean).length));
        process.exit(0);`,
      (_file, stdout) => expect(stdout).toBe('3'),
    );
  });
});
