import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daemonHealth } from '../../src/daemon/client.js';
import { startDaemon, type RunningDaemon } from '../../src/daemon/server.js';
import { forwardableEnv, PROTOCOL, readState } from '../../src/daemon/state.js';
import { baseEnv, fixture, HOOK_ENTRY, MAIN, runHere, runNode, tempHome } from './support.js';

// The daemon, over real loopback HTTP: Claude Code's http hook route, the signed route the hook process
// uses, and the hook process falling back to deciding itself when the daemon cannot be trusted.

const home = tempHome();
const stateFile = join(home, 'daemon.json');
const env = baseEnv(home, { INTERLOCK_DAEMON_STATE: stateFile });
let daemon: RunningDaemon;

function post(url: string, body: string): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, type: res.headers['content-type'] }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  daemon = await startDaemon({ port: 0, stateFile, env });
}, 60_000);

afterAll(async () => {
  await daemon?.close();
});

describe('interlock daemon', () => {
  it('announces itself in a private state file and answers /health, signed', async () => {
    expect(existsSync(stateFile)).toBe(true);
    const health = await daemonHealth(env);
    expect(health).toMatchObject({
      health: { ok: true, pid: process.pid, protocol: PROTOCOL },
      state: { port: daemon.port },
    });
  });

  it("serves Claude Code's http hook: the PreToolUse input in, the PreToolUse output back", async () => {
    const ask = await post(`${daemon.url}/hooks/claude-code`, fixture('claude-code', 'bash-production.json'));
    expect(ask.status).toBe(200);
    expect(ask.type).toBe('application/json');
    expect(JSON.parse(ask.body).hookSpecificOutput).toMatchObject({
      hookEventName: 'PreToolUse',
      permissionDecision: 'ask',
      permissionDecisionReason: expect.stringContaining('2 approvers'),
    });
    const deny = await post(
      `${daemon.url}/hooks/claude-code`,
      fixture('claude-code', 'bash-unverifiable-production.json'),
    );
    expect(JSON.parse(deny.body).hookSpecificOutput.permissionDecision).toBe('deny');
    // No opinion: a 2xx with an empty body.
    const read = await post(`${daemon.url}/hooks/claude-code`, fixture('claude-code', 'read.json'));
    expect(read).toMatchObject({ status: 200, body: '' });
    // An http hook cannot block with a status code, so unreadable input is a 200 deny.
    const garbage = await post(`${daemon.url}/hooks/claude-code`, 'not json');
    expect(garbage.status).toBe(200);
    expect(JSON.parse(garbage.body).hookSpecificOutput.permissionDecision).toBe('deny');
  });

  it('refuses what it cannot serve with an HTTP status and the reason', async () => {
    expect(await post(`${daemon.url}/nope`, '{}')).toMatchObject({
      status: 404,
      body: JSON.stringify({ error: 'no route POST /nope' }),
    });
    const unsigned = await post(`${daemon.url}/v1/hook/claude-code`, '{}');
    expect(unsigned.status).toBe(400);
    expect(JSON.parse(unsigned.body).error).toMatch(/^missing /);
  });

  it('answers the hook process the same as it decides on its own', async () => {
    const before = await daemonHealth(env);
    for (const [agent, file] of [
      ['claude-code', 'bash-destructive.json'],
      ['cursor', 'shell-production.json'],
      ['gemini', 'write-env.json'],
      ['codex', 'bash-harmless.json'],
    ] as const) {
      const viaDaemon = await runNode([MAIN, 'hook', agent], fixture(agent, file), env, home);
      // What the same built hook decides on its own (in this process: only the other side is the boundary).
      const alone = await runHere(['hook', agent, '--no-daemon'], fixture(agent, file), env, home);
      expect(viaDaemon.code).toBe(alone.code);
      expect(viaDaemon.stdout).toBe(alone.stdout);
    }
    const after = await daemonHealth(env);
    expect('health' in after && 'health' in before && after.health.requests - before.health.requests).toBe(4);
  }, 120_000);

  it('does not believe an answer that is not signed, nor a state file whose process is gone', async () => {
    const fake = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          stdout: '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow"}}\n',
          exitCode: 0,
        }),
      );
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const fakeState = join(home, 'fake.json');
    const state = {
      protocol: PROTOCOL,
      pid: process.pid,
      host: '127.0.0.1',
      port: (fake.address() as AddressInfo).port,
      token: 'x'.repeat(64),
      startedAt: '',
    };
    writeFileSync(fakeState, JSON.stringify(state));
    try {
      const run = await runNode(
        [MAIN, 'hook', 'claude-code'],
        fixture('claude-code', 'bash-destructive.json'),
        { ...env, INTERLOCK_DAEMON_STATE: fakeState, INTERLOCK_DEBUG: '1' },
        home,
      );
      expect(run.stderr).toContain('deciding here (the answer was not signed by the daemon)');
      expect(JSON.parse(run.stdout).hookSpecificOutput.permissionDecision).toBe('ask');

      writeFileSync(fakeState, JSON.stringify({ ...state, pid: 2 ** 22 + 12345 }));
      const dead = await runNode(
        [MAIN, 'hook', 'claude-code'],
        fixture('claude-code', 'bash-destructive.json'),
        { ...env, INTERLOCK_DAEMON_STATE: fakeState, INTERLOCK_DEBUG: '1' },
        home,
      );
      expect(dead.stderr).toContain(`the daemon (pid ${2 ** 22 + 12345}) is gone`);
      expect(dead.stderr).not.toContain('deciding here'); // no second try over HTTP
      expect(JSON.parse(dead.stdout).hookSpecificOutput.permissionDecision).toBe('ask');
    } finally {
      fake.close();
    }
  }, 60_000);

  it('takes hook calls over a private Unix socket beside its state file', async () => {
    const state = readState(stateFile);
    expect(state?.socket).toBe(join(home, 'daemon.sock'));
    expect(statSync(state!.socket!).mode & 0o777).toBe(0o600);
    const before = await daemonHealth(env);
    const run = await runNode(
      [HOOK_ENTRY, 'claude-code'],
      fixture('claude-code', 'bash-production.json'),
      { ...env, INTERLOCK_DEBUG: '1' },
      home,
    );
    // Nothing on stderr: the socket answered, no fallback was needed.
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout).hookSpecificOutput.permissionDecision).toBe('ask');
    const after = await daemonHealth(env);
    expect('health' in after && 'health' in before && after.health.requests - before.health.requests).toBe(1);
  }, 60_000);

  it("prints the daemon's exit code and stderr through the socket before it leaves", async () => {
    const before = await daemonHealth(env);
    const run = await runNode(
      [HOOK_ENTRY, 'claude-code'],
      fixture('claude-code', 'malformed-bash-no-command.json'),
      { ...env, INTERLOCK_DEBUG: '1' },
      home,
    );
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'interlock hook: Bash without tool_input.command; blocking this tool call to be safe.\n',
    });
    const after = await daemonHealth(env);
    expect('health' in after && 'health' in before && after.health.requests - before.health.requests).toBe(1);
  }, 60_000);

  it("listens on its socket even when its state file's directory does not exist yet", async () => {
    const fresh = join(tempHome(), 'new', 'interlock', 'daemon.json');
    const other = await startDaemon({
      port: 0,
      stateFile: fresh,
      env: { ...env, INTERLOCK_DAEMON_STATE: fresh },
    });
    try {
      expect(readState(fresh)?.socket).toBe(join(fresh, '..', 'daemon.sock'));
      expect(statSync(join(fresh, '..')).mode & 0o777).toBe(0o700);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('believes a socket only when its answer carries the secret of the state file', async () => {
    const allow = JSON.stringify({
      stdout: '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow"}}\n',
      exitCode: 0,
    });
    const token = 'y'.repeat(64);
    const fakeState = join(home, 'fake-socket.json');
    const path = join(home, 'fake-socket.sock');
    const fake = createNetServer((socket) => {
      socket.once('data', (data: Buffer) => {
        expect(JSON.parse(data.toString().split('\n')[0]!)).toMatchObject({ agent: 'claude-code' });
        const proof = knows === 'the secret' ? token : 'z'.repeat(64);
        socket.end(`${JSON.stringify({ answer: allow, proof })}\n`);
      });
    });
    let knows: 'the secret' | 'a guess' = 'a guess';
    await new Promise<void>((r) => fake.listen(path, r));
    const state = {
      protocol: PROTOCOL,
      pid: process.pid,
      host: '127.0.0.1',
      port: 9,
      token,
      startedAt: '',
      socket: path,
    };
    writeFileSync(fakeState, JSON.stringify(state));
    const call = () =>
      runNode(
        [HOOK_ENTRY, 'claude-code'],
        fixture('claude-code', 'bash-destructive.json'),
        { ...env, INTERLOCK_DAEMON_STATE: fakeState, INTERLOCK_DEBUG: '1' },
        home,
      );
    try {
      const forged = await call();
      expect(forged.stderr).toContain('the answer did not come from the daemon (no proof of its secret)');
      expect(JSON.parse(forged.stdout).hookSpecificOutput.permissionDecision).toBe('ask');
      knows = 'the secret';
      const signed = await call();
      expect(signed).toMatchObject({ code: 0, stderr: '', stdout: JSON.parse(allow).stdout });
    } finally {
      fake.close();
    }
  }, 60_000);

  it('is sent the environment that places a command, not secrets', () => {
    expect(
      forwardableEnv({
        AWS_PROFILE: 'prod',
        KUBECONFIG: '/k',
        GITHUB_TOKEN: 'x',
        AWS_SECRET_ACCESS_KEY: 'x',
        PGPASSWORD: 'x',
        OPENAI_API_KEY: 'x',
        DATABASE_URL: 'postgres://app:s3cret@db.prod.internal:5432/app',
      }),
    ).toEqual({
      AWS_PROFILE: 'prod',
      KUBECONFIG: '/k',
      DATABASE_URL: 'postgres://app:***@db.prod.internal:5432/app',
    });
  });

  it('removes its state file when it stops', async () => {
    const other = await startDaemon({ port: 0, stateFile: join(home, 'other.json'), env });
    expect(existsSync(join(home, 'other.json'))).toBe(true);
    expect(existsSync(join(home, 'other.sock'))).toBe(true);
    await other.close();
    expect(existsSync(join(home, 'other.json'))).toBe(false);
  }, 60_000);
});
