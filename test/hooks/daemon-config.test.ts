import { chmodSync, existsSync, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePayload } from '../../src/adapters/hooks/doctor.js';
import { inProcessProvider, rehearse, type PolicyProvider } from '../../src/adapters/hooks/engine.js';
import { AGENTS } from '../../src/adapters/hooks/types.js';
import { askDaemon, type DaemonAnswer } from '../../src/daemon/client.js';
import { startDaemon, type RunningDaemon } from '../../src/daemon/server.js';
import { baseEnv, tempHome } from './support.js';

// A running daemon keeps its policies loaded: an edit of any tier must still decide the very next call.
// The managed tier here is a directory of this test's, owned by root as /etc/interlock must be (the tests
// run as root, as the other managed-tier tests do).

const home = tempHome();
const project = join(home, 'project');
const managed = join(home, 'managed');
const stateFile = join(home, 'daemon.json');
const env = baseEnv(home, { INTERLOCK_DAEMON_STATE: stateFile });
let daemon: RunningDaemon;

const payload = (command: string) =>
  JSON.stringify({
    session_id: 'config',
    cwd: project,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command },
  });

async function answer(command: string): Promise<DaemonAnswer> {
  const answer = await askDaemon(
    'claude-code',
    { payload: payload(command), cwd: project, env },
    { env, timeoutMs: 30_000 },
  );
  if ('unavailable' in answer) throw new Error(answer.unavailable);
  return answer;
}

/** Claude Code's permission decision; undefined for no opinion. */
async function decision(command: string): Promise<string | undefined> {
  const { stdout } = await answer(command);
  return stdout.trim()
    ? (JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput
        .permissionDecision
    : undefined;
}

beforeAll(async () => {
  mkdirSync(join(project, '.interlock', 'policies'), { recursive: true });
  mkdirSync(join(managed, 'policies'), { recursive: true });
  daemon = await startDaemon({ port: 0, stateFile, env, managedDir: managed });
}, 60_000);

afterAll(async () => {
  await daemon?.close();
});

describe('the daemon sees configuration edits on the next call', () => {
  it('rehearses a call per agent before it listens, and records none of them', async () => {
    expect(existsSync(join(home, '.local', 'state', 'interlock', 'audit.db'))).toBe(false);
    const other = tempHome();
    const inner = inProcessProvider({ remember: false });
    const loaded: string[] = [];
    const provider: PolicyProvider = {
      runtime: (cwd, e) => (loaded.push(cwd), inner.runtime(cwd, e)),
      policies: inner.policies,
    };
    for (const agent of AGENTS)
      await rehearse(
        agent,
        JSON.stringify(samplePayload(agent, 'rm -rf /', other)),
        { cwd: other, env: baseEnv(other) },
        provider,
      );
    expect(loaded).toEqual(AGENTS.map(() => other));
    expect(existsSync(join(other, '.local', 'state', 'interlock', 'audit.db'))).toBe(false);
  }, 60_000);

  it('denies on the next call once a managed forbid policy is added', async () => {
    expect(await decision('git status')).toBeUndefined();
    writeFileSync(
      join(managed, 'policies', 'org.cedar'),
      '@id("org.freeze")\nforbid (principal, action, resource);\n',
    );
    expect(await decision('git status')).toBe('deny');
    writeFileSync(join(managed, 'policies', 'org.cedar'), '// lifted\n');
    expect(await decision('git status')).toBeUndefined();
  }, 60_000);

  it('fails closed on the next call once a managed policy is writable by others', async () => {
    const file = join(managed, 'policies', 'org.cedar');
    writeFileSync(file, '// nothing\n');
    expect((await answer('git status')).stderr).toBeUndefined();
    chmodSync(file, 0o666); // its contents, size and modification time unchanged
    try {
      expect((await answer('git status')).stderr).toMatch(/managed configuration is not trusted/);
    } finally {
      chmodSync(file, 0o644);
    }
    expect((await answer('git status')).stderr).toBeUndefined();
  }, 60_000);

  it('sees a project policy edited in place with its size and modification time put back', async () => {
    const file = join(project, '.interlock', 'policies', 'team.cedar');
    // Two policies of the same length: the first forbids nothing, the second everything.
    const never = '@id("team.x")\nforbid (principal, action, resource) when { false };\n';
    const always = '@id("team.x")\nforbid (principal, action, resource) when { true  };\n';
    expect(always.length).toBe(never.length);
    const then = 1_700_000_000; // a whole second: put back exactly
    writeFileSync(file, never);
    utimesSync(file, then, then);
    expect(await decision('git status')).toBeUndefined();
    writeFileSync(file, always);
    utimesSync(file, then, then);
    expect(statSync(file).mtimeMs).toBe(then * 1000);
    expect(await decision('git status')).toBe('deny');
  }, 60_000);
});
