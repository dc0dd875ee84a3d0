import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPaths } from '../../src/daemon/system-paths.js';
import { addUser, canManageUsers, removeUser, runAs, uniqueName, type Ran } from './os-users.js';

// Issue 13 with real OS separation: Interlock set up as its own system user (into a throwaway prefix), the
// agent as another user, and the attacks of the issue run as the agent. Then the same attacks in
// single-user mode, where they are not held (and doctor says so). Needs root and dist/ (npm run build).

const DIST = fileURLToPath(new URL('../../dist/cli/', import.meta.url));
const MAIN = join(DIST, 'main.js');
const HOOK = join(DIST, 'hook-fast.cjs');
const FAKE = fileURLToPath(new URL('./fake-daemon.mjs', import.meta.url));

describe.skipIf(!canManageUsers || !existsSync(HOOK))(
  'Interlock runs as its own user (setup --system)',
  () => {
    const prefix = mkdtempSync(join(tmpdir(), 'ilk-system-'));
    const paths = systemPaths(prefix);
    const service = uniqueName('ilk-sys');
    const agent = uniqueName('ilk-agent');
    const home = join(prefix, 'home', agent);
    const fakes: ChildProcess[] = [];
    const agentEnv = (extra: Record<string, string> = {}) => ({
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: home,
      INTERLOCK_DAEMON_AUTOSTART: '0',
      ...extra,
    });
    const systemEnv = (extra: Record<string, string> = {}) =>
      agentEnv({ INTERLOCK_SYSTEM_ROOT: prefix, ...extra });
    const setup = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [MAIN, 'setup', '--system', '--root', prefix, '--service-user', service, ...args],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const hook = (command: string, env: Record<string, string>): Ran =>
      runAs(
        agent,
        [process.execPath, HOOK, 'claude-code'],
        env,
        JSON.stringify({
          hook_event_name: 'PreToolUse',
          session_id: 's',
          tool_name: 'Bash',
          tool_input: { command },
          cwd: home,
        }),
      );
    const decision = (r: Ran) =>
      r.stdout.trim()
        ? (JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput
            .permissionDecision
        : 'none';
    const daemonPid = () => (JSON.parse(readFileSync(paths.stateFile, 'utf8')) as { pid: number }).pid;

    /** A fake daemon started as the agent's user, announced in a state file of the agent's. */
    async function startFake(stateFile: string): Promise<void> {
      const child = spawn('runuser', ['-u', agent, '--', process.execPath, FAKE, stateFile], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      fakes.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout!.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`the fake daemon left (${code})`)));
      });
    }

    beforeAll(() => {
      chmodSync(prefix, 0o755); // the agent and the service user must reach into it, as they reach /etc
      mkdirSync(home, { recursive: true });
      addUser(agent, home);
      const uid = Number(spawnSync('id', ['-u', agent], { encoding: 'utf8' }).stdout);
      chownSync(home, uid, uid);
      const r = setup();
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });

    afterAll(() => {
      for (const child of fakes) child.kill();
      try {
        process.kill(daemonPid(), 'SIGTERM');
      } catch {
        // not running
      }
      spawnSync('sleep', ['1']);
      removeUser(agent);
      removeUser(service);
      rmSync(prefix, { recursive: true, force: true });
    });

    it('lays out root-owned config, private state and a shared run dir, and runs the daemon as its user', () => {
      const uid = Number(spawnSync('id', ['-u', service], { encoding: 'utf8' }).stdout);
      const owner = (p: string) => [statSync(p).uid, (statSync(p).mode & 0o777).toString(8)];
      expect(owner(paths.configDir)).toEqual([0, '755']);
      expect(owner(paths.marker)).toEqual([0, '644']);
      expect(owner(paths.stateDir)).toEqual([uid, '700']);
      expect(owner(paths.auditDir)).toEqual([uid, '700']);
      expect(owner(paths.signingKey)).toEqual([uid, '600']);
      expect(owner(paths.runDir)).toEqual([uid, '755']);
      expect(owner(paths.socket)).toEqual([uid, '666']);
      const status = readFileSync(`/proc/${daemonPid()}/status`, 'utf8');
      expect(status).toMatch(new RegExp(`^Uid:\\s+${uid}\\s`, 'm'));
    });

    it('is idempotent: a second run reuses the user and the running daemon', () => {
      const pid = daemonPid();
      const r = setup();
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/user .*: exists/);
      expect(r.stdout).toMatch(/daemon: already running/);
      expect(daemonPid()).toBe(pid);
    });

    it('--dry-run prints the plan and changes nothing', () => {
      const other = mkdtempSync(join(tmpdir(), 'ilk-dry-'));
      const ghost = uniqueName('ilk-sys');
      const r = spawnSync(
        process.execPath,
        [MAIN, 'setup', '--system', '--dry-run', '--root', other, '--service-user', ghost],
        { encoding: 'utf8' },
      );
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/useradd --system .*--no-create-home .*--shell \/usr\/sbin\/nologin/);
      expect(r.stdout).toMatch(/signing-key\.pem: .*0600/);
      expect(spawnSync('getent', ['passwd', ghost]).status).not.toBe(0);
      expect(spawnSync('find', [other, '-mindepth', '1'], { encoding: 'utf8' }).stdout).toBe('');
      rmSync(other, { recursive: true, force: true });
    });

    it('refuses to run as anyone but root, and says how', () => {
      const r = runAs(agent, [process.execPath, MAIN, 'setup', '--system', '--root', prefix], agentEnv());
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/must run as root.*sudo interlock setup --system/);
    });

    it('the hook, as the agent, is answered by the system daemon', () => {
      const r = hook('kubectl delete namespace production', systemEnv());
      expect(r.status).toBe(0);
      expect(decision(r)).toBe('ask'); // require-approval with no approval server: the user is asked
    });

    it("attack: a fake daemon in the agent's own state file is ignored", async () => {
      const fakeState = join(home, '.config', 'interlock', 'daemon.json');
      await startFake(fakeState);
      for (const env of [systemEnv(), systemEnv({ INTERLOCK_DAEMON_STATE: fakeState })]) {
        expect(decision(hook('kubectl delete namespace production', env))).toBe('ask');
        expect(decision(hook('rm -rf /', env))).toBe('ask');
      }
    });

    it("attack: the agent cannot write Interlock's run dir, verdict memo or code cache, nor read its signing key", () => {
      const denied = (r: Ran) => {
        expect(r.status).not.toBe(0);
        expect(r.stderr).toMatch(/Permission denied/);
      };
      denied(runAs(agent, ['sh', '-c', `echo '{}' > ${paths.stateFile}`], agentEnv()));
      denied(runAs(agent, ['sh', '-c', `echo x > ${paths.runDir}/evil.sock`], agentEnv()));
      const memo = join(paths.daemonConfigHome, 'interlock', 'cache', 'verdicts');
      denied(runAs(agent, ['mkdir', '-p', memo], agentEnv()));
      denied(runAs(agent, ['cat', paths.signingKey], agentEnv()));
    });

    it('with its daemon down, production-scoped changes are denied, and no memo or code cache of the agent is used or made', () => {
      process.kill(daemonPid(), 'SIGTERM');
      for (let i = 0; i < 50 && existsSync(paths.socket); i++) spawnSync('sleep', ['0.1']);
      const r = hook('kubectl delete namespace production', systemEnv());
      expect(decision(r)).toBe('deny');
      expect(r.stdout).toMatch(/daemon did not answer/);
      expect(decision(hook('rm -rf ./build', systemEnv()))).not.toBe('allow');
      expect(existsSync(join(home, '.config', 'interlock', 'cache', 'verdicts'))).toBe(false);
      expect(existsSync(join(home, '.config', 'interlock', 'cache', 'v8'))).toBe(false); // nor its code cache
      expect(setup().status).toBe(0); // and setup starts it again
      expect(decision(hook('kubectl delete namespace production', systemEnv()))).toBe('ask');
    });

    describe('single-user mode (no setup --system): documented as not held', () => {
      it("a fake daemon of the agent's user is believed: allow", async () => {
        const fakeState = join(home, '.config', 'interlock', 'daemon.json');
        if (!existsSync(fakeState)) await startFake(fakeState);
        expect(decision(hook('kubectl delete namespace production', agentEnv()))).toBe('allow');
      });

      it('doctor says the agent can switch Interlock off, and the command that fixes it', () => {
        const r = runAs(agent, [process.execPath, MAIN, 'doctor', '--no-self-test'], agentEnv());
        expect(r.stdout).toMatch(
          /Mode: single-user: .*an agent running as this user can switch Interlock off/,
        );
        expect(r.stdout).toMatch(/fix: sudo interlock setup --system/);
        const sys = runAs(agent, [process.execPath, MAIN, 'doctor', '--no-self-test'], systemEnv());
        expect(sys.stdout).toMatch(new RegExp(`Mode: system: Interlock runs as ${service}`));
      });
    });
  },
);
