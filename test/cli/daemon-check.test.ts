import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedCli } from '../../src/cli/cli-served.js';
import type { CliHandler } from '../../src/daemon/cli-protocol.js';
import { startDaemon, type RunningDaemon } from '../../src/daemon/server.js';
import { MAX_SERVED_PLAN_BYTES } from '../../src/daemon/socket-protocol.js';
import { systemPaths } from '../../src/daemon/system-paths.js';
import { baseEnv, MAIN, runNode, tempHome, type Run } from '../hooks/support.js';

// A one-shot `check` or `explain` answered by the running daemon (src/cli/cli-fast.ts → cli-served.ts):
// real daemons in this process, the built CLI in its own, a real socket between them. The daemon's answer
// is exactly the caller's own run (output, exit code, one audit entry); any doubt about the daemon (another
// build, a wrong secret, none at all) and the caller decides itself, as it always did.

/** The CLI's run, and how many calls the daemon answered meanwhile. */
function counting(handler: CliHandler): { handler: CliHandler; calls: () => number } {
  let calls = 0;
  return {
    handler: (call, context) => {
      calls++;
      return handler(call, context);
    },
    calls: () => calls,
  };
}

const cli = (args: string[], env: Record<string, string>, cwd: string): Promise<Run> =>
  runNode([MAIN, ...args], '', env, cwd);

/** One raw line to the daemon's socket; its reply. */
function ask(path: string, line: string): Promise<{ answer?: string; proof?: string; error?: string }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = createConnection(path, () => socket.end(`${line}\n`));
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('end', () => resolve(JSON.parse(text) as { error?: string }));
    socket.on('error', reject);
  });
}

/** The audit log's entries as `audit log --json` lists them. */
async function entries(
  env: Record<string, string>,
  cwd: string,
): Promise<{ type: string; summary?: string }[]> {
  const r = await cli(['audit', 'log', '--json'], { ...env, INTERLOCK_NO_DAEMON: '1' }, cwd);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; summary?: string });
}

describe.skipIf(!existsSync(MAIN))("the user's own daemon", () => {
  const home = tempHome();
  const project = join(home, 'project');
  const stateFile = join(home, '.config', 'interlock', 'daemon.json');
  const env = baseEnv(home, { INTERLOCK_DAEMON_AUTOSTART: '0' });
  const local = { ...env, INTERLOCK_NO_DAEMON: '1' };
  const served = counting(servedCli());
  let daemon: RunningDaemon;

  beforeAll(async () => {
    mkdirSync(project);
    daemon = await startDaemon({ port: 0, stateFile, env, cli: served.handler });
  }, 60_000);
  afterAll(async () => {
    await daemon?.close();
  });

  /** The command run locally, then through the daemon (asked once): the local run and what the daemon added to the log. */
  async function localThenServed(args: string[], extra: Record<string, string>) {
    const before = served.calls();
    const here = await cli(args, { ...local, ...extra }, project);
    const recorded = (await entries(env, project)).length;
    const there = await cli(args, { ...env, ...extra }, project);
    expect(served.calls()).toBe(before + 1);
    expect(there).toEqual(here);
    return { here, added: (await entries(env, project)).length - recorded };
  }

  it.each<[string, string[], Record<string, string>]>([
    ['a harmless command', ['check', '--', 'ls', '-la'], {}],
    [
      'a destructive production command, as JSON',
      ['check', '--json', '--cwd', '/tmp', '--agent', 'claude', '--', 'terraform', 'destroy'],
      { TF_WORKSPACE: 'production' },
    ],
    ['explain', ['explain', '--', 'rm', '-rf', '/'], {}],
    ['explain as JSON', ['explain', '--json', '--', 'kubectl', 'delete', 'ns', 'payments'], {}],
    ['policy list', ['policy', 'list'], {}],
    ['policy list as JSON, for another directory', ['policy', 'list', '--json', '--cwd', '/tmp'], {}],
  ])(
    'answers %s exactly as the local run, and records it once',
    async (_what, args, extra) => {
      const { added } = await localThenServed(args, extra);
      expect(added).toBe(args[0] === 'check' ? 1 : 0);
    },
    60_000,
  );

  it('refuses a call that is not valid or not one it answers, with a reason and without its secret', async () => {
    const { socket } = JSON.parse(readFileSync(stateFile, 'utf8')) as { socket: string };
    const call = {
      kind: 'cli',
      argv: ['check', '--', 'ls'],
      cwd: project,
      env,
      user: userInfo().username,
      stdoutTTY: false,
    };
    expect(await ask(socket, JSON.stringify(call))).toMatchObject({ proof: expect.any(String) });
    const before = served.calls();
    for (const [bad, reason] of [
      [{ ...call, configPath: '/etc/shadow' }, /not valid/],
      [{ ...call, argv: ['check'] }, /not valid/],
      [
        { ...call, argv: ['check', '--batch'] },
        /answers check, explain, plan check and policy list in the forms/,
      ],
      [
        { ...call, argv: ['check', '--wait', '5m', '--', 'ls'] },
        /answers check, explain, plan check and policy list in the forms/,
      ],
      [{ ...call, user: 'someone-else' }, /another user/],
      [{ ...call, env: { HOME: 1 } }, /not valid/],
    ] as const) {
      const reply = await ask(socket, JSON.stringify(bad));
      expect(reply.error).toMatch(reason);
      expect(reply.proof).toBeUndefined();
    }
    expect(served.calls()).toBe(before + 3); // the valid calls reached the handler, which refused them
  }, 60_000);

  const plans = join(process.cwd(), 'test', 'fixtures', 'plans');

  it.each<[string, string[], Record<string, string>]>([
    ['a plan', ['plan', 'check', 'plan.json'], {}],
    ['a plan as JSON, the options after the file', ['plan', 'check', 'plan.json', '--json'], {}],
    [
      "an agent's change set for production, as Markdown",
      [
        'plan',
        'check',
        '--agent',
        'claude',
        '--env',
        'production',
        '--format',
        'markdown',
        'change-set.json',
      ],
      {},
    ],
    [
      'a plan by its absolute path, with --cwd and --workspace',
      [
        'plan',
        'check',
        '--json',
        '--cwd',
        '/tmp',
        '--workspace',
        'prod',
        join(plans, 'terraform-aws-staging.json'),
      ],
      { TF_WORKSPACE: 'staging' },
    ],
    ['a file that is not a plan', ['plan', 'check', 'package.json'], {}],
    ['an empty file', ['plan', 'check', 'empty.json', '--json'], {}],
  ])(
    'answers plan check for %s exactly as the local run, from the bytes the caller read, recorded once',
    async (_what, args, extra) => {
      copyFileSync(join(plans, 'terraform-aws-production.json'), join(project, 'plan.json'));
      copyFileSync(join(plans, 'cloudformation-production.json'), join(project, 'change-set.json'));
      writeFileSync(join(project, 'package.json'), '{"name": "not a plan"}\n');
      writeFileSync(join(project, 'empty.json'), '');
      const { here, added } = await localThenServed(args, extra);
      expect(added).toBe(here.code === 2 ? 0 : 1);
    },
    60_000,
  );

  it('leaves a plan file to the local run when it is over the cap, not a regular file, binary or missing', async () => {
    writeFileSync(join(project, 'large.json'), Buffer.alloc(MAX_SERVED_PLAN_BYTES + 1, 0x20));
    mkdirSync(join(project, 'a-directory'), { recursive: true });
    writeFileSync(join(project, 'plan.out'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    // A terraform of the test's own on PATH: it reads the binary plan as the production plan's JSON.
    const bin = join(home, 'bin');
    mkdirSync(bin, { recursive: true });
    if (!existsSync(join(bin, 'node'))) symlinkSync(process.execPath, join(bin, 'node'));
    const terraform = `#!/bin/sh\nexec /bin/cat ${join(plans, 'terraform-aws-production.json')}\n`;
    writeFileSync(join(bin, 'terraform'), terraform, { mode: 0o755 });
    const nodeOnly = { PATH: bin };
    const before = served.calls();
    for (const args of [
      ['plan', 'check', 'large.json'],
      ['plan', 'check', 'a-directory'],
      ['plan', 'check', '/dev/null'],
      ['plan', 'check', 'plan.out'], // binary: `terraform show` runs in the caller's process
      ['plan', 'check', 'missing.json'],
      ['plan', 'check', '--tool', 'terraform', 'plan.out'],
      ['plan', 'check', '--wait', '5m', 'plan.json'],
    ])
      expect(await cli(args, { ...env, ...nodeOnly }, project)).toEqual(
        await cli(args, { ...local, ...nodeOnly }, project),
      );
    expect(served.calls()).toBe(before);
  }, 60_000);

  it('refuses a plan check that does not bring its file, or brings a binary plan', async () => {
    const { socket } = JSON.parse(readFileSync(stateFile, 'utf8')) as { socket: string };
    const call = (plan?: string) => ({
      kind: 'cli',
      argv: ['plan', 'check', '/etc/shadow'],
      cwd: project,
      env: {},
      user: userInfo().username,
      stdoutTTY: false,
      ...(plan !== undefined ? { plan } : {}),
    });
    for (const [value, error] of [
      [call(), 'a plan check brings the plan file it checks'],
      [
        call(Buffer.from('PK\u0003\u0004rest').toString('base64')),
        'a binary plan is read with `terraform show` by the caller',
      ],
    ] as const)
      expect(await ask(socket, JSON.stringify(value))).toEqual({ error });
  }, 60_000);

  it('leaves the forms it does not answer to the local run', async () => {
    const before = served.calls();
    for (const args of [
      ['check', 'ls'], // no `--`
      ['check', '--cwd', 'project', '--', 'ls'], // a relative directory
      ['check', '--help'],
      ['check', '--cwd', join(home, 'nowhere'), '--', 'ls'], // refused by the daemon: commander says why
    ])
      expect(await cli(args, env, home)).toEqual(await cli(args, local, home));
    expect(served.calls()).toBe(before + 1);
  }, 60_000);

  it("leaves a call to the local run when an approval server is configured (the caller's token decides)", async () => {
    const config = join(home, '.config', 'interlock', 'config.yaml');
    writeFileSync(config, 'server:\n  url: http://127.0.0.1:9\n');
    try {
      const args = ['check', '--json', '--', 'ls'];
      const before = served.calls();
      const here = await cli(args, local, project);
      const there = await cli(args, { ...env, INTERLOCK_DEBUG: '1' }, project);
      expect(there.stderr).toBe(
        `interlock: the daemon said: with an approval server, the caller decides with its own token; deciding here\n${here.stderr}`,
      );
      expect({ ...there, stderr: '' }).toEqual({ ...here, stderr: '' });
      expect(served.calls()).toBe(before + 1);
    } finally {
      rmSync(config);
    }
  }, 60_000);

  it('is not used when it runs another build, or cannot prove its secret', async () => {
    const state = readFileSync(stateFile, 'utf8');
    const args = ['check', '--json', '--', 'rm', '-rf', '/'];
    const expected = await cli(args, local, project);
    const before = served.calls();
    try {
      const parsed = JSON.parse(state) as Record<string, unknown>;
      writeFileSync(stateFile, JSON.stringify({ ...parsed, build: 'another-build' }));
      expect(await cli(args, env, project)).toEqual(expected);
      expect(served.calls()).toBe(before);
      writeFileSync(stateFile, JSON.stringify({ ...parsed, token: 'f'.repeat(64) }));
      expect(await cli(args, env, project)).toEqual(expected);
      expect(served.calls()).toBe(before + 1); // asked, and its answer not believed
    } finally {
      writeFileSync(stateFile, state);
    }
  }, 60_000);

  it('decides locally, without an error, when no daemon runs', async () => {
    const other = tempHome();
    mkdirSync(join(other, '.config', 'interlock'), { recursive: true });
    const otherEnv = baseEnv(other, { INTERLOCK_DAEMON_AUTOSTART: '0' });
    const args = ['check', '--json', '--', 'rm', '-rf', '/'];
    const none = await cli(args, otherEnv, other);
    expect(none.stderr).toBe('');
    expect(none.code).toBe(3);
    // A state file naming a process that is gone: the same.
    writeFileSync(
      join(other, '.config', 'interlock', 'daemon.json'),
      JSON.stringify({
        protocol: 1,
        pid: 999_999,
        host: '127.0.0.1',
        port: 1,
        token: 'x',
        startedAt: '',
        socket: '/nowhere',
      }),
    );
    expect(await cli(args, otherEnv, other)).toEqual(none);
    expect(existsSync(join(other, '.config', 'interlock', 'daemon.sock'))).toBe(false); // none started
  }, 60_000);
});

describe.skipIf(!existsSync(MAIN) || process.getuid?.() !== 0)('system mode', () => {
  // A system root of the test's own, root-owned as setup --system leaves it (the tests run as root).
  const root = tempHome();
  const paths = systemPaths(root);
  const managed = join(root, 'managed');
  const home = join(root, 'home', 'agent');
  const project = join(home, 'project');
  const daemonEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: paths.daemonConfigHome,
    INTERLOCK_SYSTEM_ROOT: root,
    INTERLOCK_DATABASE: join(root, 'daemon-audit.db'),
  };
  const agentEnv = baseEnv(home, { INTERLOCK_DAEMON_AUTOSTART: '0', INTERLOCK_SYSTEM_ROOT: root });
  const system = counting(servedCli());
  const own = counting(servedCli());
  let systemDaemon: RunningDaemon;
  let ownDaemon: RunningDaemon;

  beforeAll(async () => {
    mkdirSync(project, { recursive: true });
    mkdirSync(join(managed, 'policies'), { recursive: true });
    writeFileSync(
      join(managed, 'policies', 'org.cedar'),
      '@id("org.freeze")\nforbid (principal, action, resource);\n',
    );
    mkdirSync(paths.configDir, { recursive: true });
    writeFileSync(paths.marker, JSON.stringify({ mode: 'system', user: 'root' }));
    mkdirSync(paths.runDir, { recursive: true, mode: 0o755 });
    chmodSync(paths.runDir, 0o755);
    systemDaemon = await startDaemon({
      port: 0,
      stateFile: paths.stateFile,
      env: daemonEnv,
      system: true,
      managedDir: managed,
      cli: system.handler,
    });
    // The agent's user runs a daemon of its own too: never asked in system mode.
    ownDaemon = await startDaemon({
      port: 0,
      stateFile: join(home, '.config', 'interlock', 'daemon.json'),
      env: agentEnv,
      cli: own.handler,
    });
  }, 60_000);
  afterAll(async () => {
    await systemDaemon?.close();
    await ownDaemon?.close();
  });

  it("answers an agent's check with the system daemon's policies and log, whatever the call's variables say", async () => {
    const hostile = {
      ...agentEnv,
      INTERLOCK_DATABASE: join(home, 'agent-audit.db'),
      XDG_STATE_HOME: join(home, 'state'),
      INTERLOCK_SERVER_URL: 'http://127.0.0.1:9',
    };
    const r = await cli(['check', '--json', '--agent', 'claude', '--', 'git', 'status'], hostile, project);
    expect(system.calls()).toBe(1);
    expect(own.calls()).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: { outcome: 'deny' } }); // the managed forbid
    expect(existsSync(join(home, 'agent-audit.db'))).toBe(false);
    expect(existsSync(join(home, 'state'))).toBe(false);
    expect(readFileSync(daemonEnv.INTERLOCK_DATABASE).length).toBeGreaterThan(0);
  }, 60_000);

  it("answers an agent's plan check from the bytes it sent, with the system daemon's policies, whatever its variables say", async () => {
    // The agent's own configuration would permit everything; its variables point the daemon at it.
    const agentConfig = join(home, 'agent-config', 'interlock');
    mkdirSync(join(agentConfig, 'policies'), { recursive: true });
    writeFileSync(join(agentConfig, 'policies', 'open.cedar'), 'permit (principal, action, resource);\n');
    const hostile = {
      ...agentEnv,
      XDG_CONFIG_HOME: join(home, 'agent-config'),
      INTERLOCK_DATABASE: join(home, 'agent-audit.db'),
      INTERLOCK_SERVER_URL: 'http://127.0.0.1:9',
    };
    copyFileSync(
      join(process.cwd(), 'test', 'fixtures', 'plans', 'terraform-aws-staging.json'),
      join(project, 'plan.json'),
    );
    chmodSync(join(project, 'plan.json'), 0o600);
    const before = system.calls();
    const r = await cli(['plan', 'check', '--json', '--agent', 'claude', 'plan.json'], hostile, project);
    expect(system.calls()).toBe(before + 1);
    expect(own.calls()).toBe(0);
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: { outcome: 'deny' } }); // the managed forbid
    expect(r.stdout).toContain('org.freeze');
    expect(existsSync(join(home, 'agent-audit.db'))).toBe(false);
  }, 60_000);

  it('leaves a call without --agent to the local run, and never asks the agent-owned daemon', async () => {
    const before = system.calls();
    const r = await cli(['check', '--', 'git', 'status'], agentEnv, project);
    expect(r.code).toBe(0);
    expect((await cli(['policy', 'list', '--json'], agentEnv, project)).code).toBe(0);
    expect(system.calls()).toBe(before);
    expect(own.calls()).toBe(0);
  }, 60_000);
});
