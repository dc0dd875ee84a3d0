import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startingMarker } from '../../src/daemon/autostart.js';
import { startDaemon } from '../../src/daemon/server.js';
import { listenSocket } from '../../src/daemon/socket-server.js';
import { buildId, isAlive, PROTOCOL, readState } from '../../src/daemon/state.js';
import { baseEnv, fixture, HOOK_ENTRY, runNode, tempHome } from './support.js';

// The installed hook starts the daemon itself when none runs, the daemon leaves when idle, and the
// socket answers a hook that has already half-closed its side.

const started: number[] = [];
afterAll(() => {
  for (const pid of started) if (isAlive(pid)) process.kill(pid, 'SIGTERM');
});

function ask(path: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.end(line);
  });
}

/** `node --import` this to have the process log the processes it starts (see record-spawns.mjs). */
const RECORD_SPAWNS = fileURLToPath(new URL('./record-spawns.mjs', import.meta.url));

/** The daemon starts logged by record-spawns.mjs in `log`. */
function daemonStarts(log: string): string[][] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as string[])
    .filter((argv) => argv.includes('daemon'));
}

async function waitFor<T>(probe: () => T | undefined, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the daemon socket', () => {
  it('answers after the hook has half-closed, however long the decision takes', async () => {
    const path = join(tempHome(), 'slow.sock');
    const server = await listenSocket(
      path,
      async (r) => {
        await new Promise((res) => setTimeout(res, 300));
        return JSON.stringify({ stdout: `decided ${r.agent}`, exitCode: 0 });
      },
      'secret',
    );
    try {
      const reply = JSON.parse(await ask(path, '{"agent":"codex","payload":"{}","cwd":"/","env":{}}\n'));
      expect(reply).toEqual({ answer: '{"stdout":"decided codex","exitCode":0}', proof: 'secret' });
      const bad = JSON.parse(await ask(path, '{"agent":1}\n'));
      expect(bad.error).toMatch(/a request is/);
      expect(bad.proof).toBeUndefined();
    } finally {
      server.close();
    }
  });

  it('refuses a path another live daemon is listening on', async () => {
    const path = join(tempHome(), 'taken.sock');
    const first = await listenSocket(path, async () => '{}', 'a');
    try {
      await expect(listenSocket(path, async () => '{}', 'b')).rejects.toThrow(/another daemon/);
    } finally {
      first.close();
    }
  });
});

describe('interlock hook --autostart', () => {
  it('answers the first call itself, starts the daemon, and the next call goes through it', async () => {
    const home = tempHome();
    const stateFile = join(home, 'daemon.json');
    const spawns = join(home, 'spawns.log');
    const env = baseEnv(home, {
      INTERLOCK_DAEMON_STATE: stateFile,
      INTERLOCK_DEBUG: '1',
      INTERLOCK_TEST_SPAWN_LOG: spawns,
    });
    const first = await runNode(
      ['--import', RECORD_SPAWNS, HOOK_ENTRY, '--autostart', 'claude-code'],
      fixture('claude-code', 'bash-destructive.json'),
      env,
      home,
    );
    expect(first.stderr).toContain('no daemon running');
    expect(JSON.parse(first.stdout).hookSpecificOutput.permissionDecision).toBe('ask');
    // The log sees the start (what the next test relies on to see none).
    expect(daemonStarts(spawns)).toHaveLength(1);
    const state = await waitFor(() => {
      const s = readState(stateFile);
      return s?.socket && isAlive(s.pid) ? s : undefined;
    }, 50_000);
    expect(state).toBeDefined();
    started.push(state!.pid);
    expect(existsSync(startingMarker(stateFile))).toBe(false);
    const second = await runNode(
      [HOOK_ENTRY, '--autostart', 'claude-code'],
      fixture('claude-code', 'bash-destructive.json'),
      env,
      home,
    );
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    process.kill(state!.pid, 'SIGTERM');
  }, 90_000);

  it('starts no daemon without --autostart, nor while another start is under way, nor when turned off', async () => {
    const home = tempHome();
    const stateFile = join(home, 'daemon.json');
    const spawns = join(home, 'spawns.log');
    const env = baseEnv(home, { INTERLOCK_DAEMON_STATE: stateFile, INTERLOCK_TEST_SPAWN_LOG: spawns });
    // Whether a hook started the daemon is known when it exits: it would have logged the start.
    const hook = async (flags: string[], extra: Record<string, string> = {}) => {
      const run = await runNode(
        ['--import', RECORD_SPAWNS, HOOK_ENTRY, ...flags, 'claude-code'],
        fixture('claude-code', 'bash-harmless.json'),
        { ...env, ...extra },
        home,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(daemonStarts(spawns)).toEqual([]);
    };
    await hook([]);
    writeFileSync(startingMarker(stateFile), '');
    await hook(['--autostart']);
    rmSync(startingMarker(stateFile));
    await hook(['--autostart'], { INTERLOCK_DAEMON_AUTOSTART: '0' });
    expect(readState(stateFile)).toBeUndefined();
  }, 60_000);
});

describe('a daemon of another build (started before an upgrade)', () => {
  // A live process that is not a daemon (`sleep` starts faster than Node).
  const sleeper = () => spawn('sleep', ['60'], { stdio: 'ignore' });
  const staleState = (pid: number, replaceable: boolean) => ({
    protocol: PROTOCOL,
    pid,
    host: '127.0.0.1',
    port: 9,
    token: 'x'.repeat(64),
    startedAt: '',
    socket: '/nonexistent/daemon.sock',
    build: 'an older build',
    ...(replaceable ? { replaceable: true } : {}),
  });

  it('is not asked; an autostarted one is replaced by one of this build', async () => {
    const home = tempHome();
    const stateFile = join(home, 'daemon.json');
    const old = sleeper();
    const exited = new Promise((r) => old.once('exit', r));
    writeFileSync(stateFile, JSON.stringify(staleState(old.pid!, true)));
    const env = baseEnv(home, { INTERLOCK_DAEMON_STATE: stateFile, INTERLOCK_DEBUG: '1' });
    const run = await runNode(
      [HOOK_ENTRY, '--autostart', 'claude-code'],
      fixture('claude-code', 'bash-destructive.json'),
      env,
      home,
    );
    expect(run.stderr).toContain(`the daemon (pid ${old.pid}) runs another build of Interlock`);
    expect(JSON.parse(run.stdout).hookSpecificOutput.permissionDecision).toBe('ask');
    await exited;
    const fresh = await waitFor(() => {
      const s = readState(stateFile);
      return s && s.pid !== old.pid && s.socket && isAlive(s.pid) ? s : undefined;
    }, 50_000);
    expect(fresh?.build).toBe(buildId(dirname(HOOK_ENTRY)));
    started.push(fresh!.pid);
    process.kill(fresh!.pid, 'SIGTERM');
  }, 90_000);

  it('one started by hand is left alone', async () => {
    const home = tempHome();
    const stateFile = join(home, 'daemon.json');
    const own = sleeper();
    writeFileSync(stateFile, JSON.stringify(staleState(own.pid!, false)));
    const env = baseEnv(home, { INTERLOCK_DAEMON_STATE: stateFile, INTERLOCK_DEBUG: '1' });
    const run = await runNode(
      [HOOK_ENTRY, '--autostart', 'claude-code'],
      fixture('claude-code', 'bash-harmless.json'),
      env,
      home,
    );
    expect(run.stderr).toContain('runs another build of Interlock');
    expect(isAlive(own.pid!)).toBe(true);
    expect(readState(stateFile)?.pid).toBe(own.pid);
    own.kill();
  }, 60_000);
});

describe('an autostarted daemon', () => {
  it('leaves after the idle time, counted from its last call', async () => {
    const home = tempHome();
    const stateFile = join(home, 'daemon.json');
    let idleAt: number | undefined;
    // The daemon's clock is the test's: the idle time passes when the test says so, however slow the machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const daemon = await startDaemon({
        port: 0,
        stateFile,
        env: baseEnv(home),
        idleExitMs: 400,
        onIdle: () => {
          idleAt = Date.now();
        },
      });
      try {
        vi.advanceTimersByTime(250);
        expect(idleAt).toBeUndefined();
        const state = readState(stateFile)!;
        await ask(
          state.socket!,
          `${JSON.stringify({ agent: 'codex', payload: fixture('codex', 'bash-harmless.json'), cwd: home, env: {} })}\n`,
        );
        const asked = Date.now();
        // 400 ms after the answer, not after the start.
        vi.advanceTimersByTime(399);
        expect(idleAt).toBeUndefined();
        vi.advanceTimersByTime(1);
        expect(idleAt).toBe(asked + 400);
      } finally {
        await daemon.close();
      }
    } finally {
      vi.useRealTimers();
    }
  }, 60_000);
});
