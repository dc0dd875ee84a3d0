import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askDaemon } from '../../src/daemon/client.js';
import { startDaemon, type RunningDaemon } from '../../src/daemon/server.js';
import { baseEnv, fixture, tempHome } from './support.js';

// The daemon asks the approval server for the hooks with its own URL and token: the hook forwards no
// secrets, and the URL a call names is not where the daemon sends its token.

interface Fake {
  url: string;
  seen: string[];
  close(): Promise<void>;
}

async function fakeServer(): Promise<Fake> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ outcome: 'deny', message: 'frozen by the fake server' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const PRODUCTION = fixture('claude-code', 'bash-production.json');

describe('the daemon and the approval server', () => {
  let real: Fake;
  let evil: Fake;
  const daemons: RunningDaemon[] = [];
  beforeAll(async () => {
    [real, evil] = await Promise.all([fakeServer(), fakeServer()]);
  });
  afterAll(async () => {
    for (const d of daemons) await d.close();
    await Promise.all([real.close(), evil.close()]);
  });

  const call = async (home: string, env: Record<string, string>, callEnv: Record<string, string>) => {
    const stateFile = join(home, 'daemon.json');
    const daemonEnv = { ...env, INTERLOCK_DAEMON_STATE: stateFile };
    daemons.push(await startDaemon({ port: 0, stateFile, env: daemonEnv }));
    const answer = await askDaemon(
      'claude-code',
      { payload: PRODUCTION, cwd: home, env: { ...daemonEnv, ...callEnv } },
      { env: daemonEnv, timeoutMs: 30_000 },
    );
    if ('unavailable' in answer) throw new Error(answer.unavailable);
    return answer;
  };

  it('uses the token it was started with, and never a URL the call names', async () => {
    const home = tempHome();
    const env = baseEnv(home, { INTERLOCK_SERVER_URL: real.url, INTERLOCK_TOKEN: 'daemon-token' });
    const answer = await call(home, env, { INTERLOCK_SERVER_URL: evil.url });
    expect(real.seen.some((s) => s.startsWith('POST /v1/decisions Bearer daemon-token'))).toBe(true);
    expect(evil.seen).toEqual([]);
    expect(answer.stdout).toMatch(/frozen by the fake server/);
    expect(answer.stdout).not.toMatch(/INTERLOCK_TOKEN is not set/);
  }, 60_000);

  it("reads a token file only its user can read, with the user's config.yaml naming the server", async () => {
    const home = tempHome();
    const env = baseEnv(home);
    const dir = join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'interlock');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.yaml'), `server:\n  url: ${real.url}\n`);
    writeFileSync(join(dir, 'token'), 'file-token\n');
    chmodSync(join(dir, 'token'), 0o600);
    const before = real.seen.length;
    await call(home, env, {});
    expect(real.seen.slice(before).some((s) => s.endsWith('Bearer file-token'))).toBe(true);
  }, 60_000);
});
