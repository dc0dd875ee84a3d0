import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLogOf } from '../../src/audit/open.js';
import { verifyAuditLog } from '../../src/audit/verify.js';
import { openStore } from '../../src/store/open.js';
import { baseEnv, MAIN, tempHome } from './support.js';

// The daemon answers an allow of a command that only reads as soon as its audit entry is written, before
// the entry's flush to disk ends; everything else once the entry is on disk (TransactOptions.harmless). A
// killed daemon (kill -9) loses neither: what was written reached the OS. Hook calls of the three kinds
// run at once until the daemon is killed; every answered call's entry is in the log, and the chain
// verifies. Runs the built daemon (npm run build).

interface State {
  pid: number;
  socket: string;
  token: string;
}

/** One hook call over the daemon's socket, as hook-fast makes it: true once answered with its secret. */
function ask(state: State, request: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(state.socket);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () =>
      resolve(Buffer.concat(chunks).toString('utf8').includes(`"proof":"${state.token}"`)),
    );
    socket.on('error', () => resolve(false));
    socket.end(request);
  });
}

describe('the daemon killed with kill -9 while answering harmless and other calls', () => {
  let home: string;
  beforeEach(() => {
    home = tempHome();
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
  });

  it('keeps the entry of every answered call, and the chain verifies', async () => {
    const project = join(home, 'project');
    mkdirSync(project);
    const database = join(home, 'audit.db');
    const env = baseEnv(home, {
      INTERLOCK_DAEMON_STATE: join(home, 'daemon.json'),
      INTERLOCK_DATABASE: database,
    });
    const daemon = spawn(process.execPath, [MAIN, 'daemon', 'start', '--port', '0', '--quiet'], {
      env,
      stdio: 'ignore',
    });
    const exited = new Promise((r) => daemon.once('exit', r));
    let state: State | undefined;
    for (let i = 0; i < 600 && state?.pid !== daemon.pid; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        state = JSON.parse(readFileSync(env.INTERLOCK_DAEMON_STATE!, 'utf8')) as State;
      } catch {
        // not written yet
      }
    }
    expect(state?.pid, 'the daemon did not start').toBe(daemon.pid);

    // Harmless (an allow that only reads), an allow with an effect, and one that is held.
    const commands = (n: number) => [
      `ls -la /tmp/seen-${n}`,
      `echo ${n} > notes-${n}.txt`,
      `rm -rf /srv/data-${n}`,
    ];
    const request = (command: string) =>
      `${JSON.stringify({
        agent: 'claude-code',
        payload: JSON.stringify({
          session_id: 's',
          cwd: project,
          hook_event_name: 'PreToolUse',
          tool_name: 'Bash',
          tool_input: { command },
        }),
        cwd: project,
        env,
      })}\n`;
    const answered: string[] = [];
    let n = 0;
    let killed = false;
    const caller = async () => {
      while (!killed) {
        const command = commands(n)[n % 3]!;
        n++;
        if (await ask(state!, request(command))) answered.push(command);
        if (answered.length >= 150 && !killed) {
          killed = true;
          daemon.kill('SIGKILL');
        }
      }
    };
    await Promise.all([caller(), caller(), caller(), caller()]);
    await exited;
    expect(answered.filter((c) => c.startsWith('ls ')).length).toBeGreaterThan(10);

    const log = await auditLogOf(await openStore(database), database, true);
    try {
      const entries = await log.store.auditEntries(1, 1_000_000);
      const recorded = new Set(
        entries.map(
          (e) => (JSON.parse(e.body) as { data: { action?: { command?: string } } }).data.action?.command,
        ),
      );
      expect(answered.filter((c) => !recorded.has(c))).toEqual([]);
      const report = await verifyAuditLog(log);
      expect(report.problem).toBeUndefined();
      expect(report.checked.entries).toBe(entries.length);
    } finally {
      await log.close();
    }
  }, 180_000);
});
