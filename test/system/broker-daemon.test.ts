import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPaths } from '../../src/daemon/system-paths.js';
import type { RunningServer } from '../../src/server/serve.js';
import type { Store } from '../../src/store/types.js';
import { startCluster, type Cluster } from '../broker/cluster.js';
import {
  approveByTwo,
  billingDatabase,
  billingPsql,
  billingTables,
  PRIVILEGED_PASSWORD,
} from '../broker/billing.js';
import { people, serverOn, type People } from '../server/harness.js';
import { SQLITE } from '../store/stores.js';
import { addUser, canManageUsers, removeUser, runAs, uniqueName, type Ran } from './os-users.js';

// The broker under Interlock's own identity, end to end with real OS users: `setup --system` starts the
// daemon as the interlock user and hands it the broker's file. The agent, as itself, cannot read that file;
// its `interlock run -- psql … DROP TABLE t` goes to the system daemon, which holds it for approval, then
// runs it once as the broker's role and streams the output and exit code back. With the daemon gone,
// nothing runs. Needs root, dist/ (npm run build) and PostgreSQL's binaries.

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** runAs without blocking: the approval server the daemon asks runs in this process. */
function runAsync(user: string, argv: string[], env: Record<string, string>): Promise<Ran> {
  const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const child = spawn('runuser', ['-u', user, '--', 'env', '-i', ...envArgs, ...argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ status: code ?? -1, stdout, stderr })),
  );
}

describe.skipIf(!canManageUsers || !existsSync(MAIN))('interlock run through the system daemon', () => {
  const prefix = mkdtempSync(join(tmpdir(), 'ilk-brokerd-'));
  const paths = systemPaths(prefix);
  const service = uniqueName('ilk-sys');
  const agent = uniqueName('ilk-agent');
  const home = join(prefix, 'home', agent);
  const config = join(paths.configDir, 'broker.yaml');
  let cluster: Cluster;
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;

  const tables = () => billingTables(cluster);
  const daemonPid = () => (JSON.parse(readFileSync(paths.stateFile, 'utf8')) as { pid: number }).pid;
  // As the agent: its own variables only (its token for the approval server, a login it guesses).
  const agentRun = (statement: string) =>
    runAsync(
      agent,
      [process.execPath, MAIN, 'run', '--agent', 'claude', '--', ...billingPsql(cluster, statement)],
      {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        HOME: home,
        INTERLOCK_DAEMON_AUTOSTART: '0',
        INTERLOCK_SYSTEM_ROOT: prefix,
        INTERLOCK_TOKEN: who.agent,
        PGUSER: 'postgres',
      },
    );

  beforeAll(async () => {
    cluster = await startCluster();
    billingDatabase(cluster, ['t']);
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);

    chmodSync(prefix, 0o755);
    mkdirSync(home, { recursive: true });
    addUser(agent, home);
    const uid = Number(spawnSync('id', ['-u', agent], { encoding: 'utf8' }).stdout);
    chownSync(home, uid, uid);
    // What an administrator writes as root before running setup.
    mkdirSync(paths.configDir, { recursive: true, mode: 0o755 });
    const passwordFile = join(paths.configDir, 'billing.pw');
    writeFileSync(passwordFile, `${PRIVILEGED_PASSWORD}\n`, { mode: 0o600 });
    writeFileSync(
      config,
      `server: {url: ${server.url}}\npsql: /usr/bin/psql\npostgres:\n  - name: billing\n    match: {host: 127.0.0.1, port: ${cluster.port}, database: billing_prod}\n    role: deployer\n    passwordFile: ${passwordFile}\n`,
      { mode: 0o600 },
    );
    const r = spawnSync(
      process.execPath,
      [MAIN, 'setup', '--system', '--root', prefix, '--service-user', service],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);

  afterAll(async () => {
    try {
      process.kill(daemonPid(), 'SIGTERM');
    } catch {
      // not running (the last test kills it)
    }
    spawnSync('sleep', ['1']);
    removeUser(agent);
    removeUser(service);
    rmSync(prefix, { recursive: true, force: true });
    await server?.close();
    await cleanup?.();
    cluster?.stop();
  });

  it('the agent cannot read the broker file; its DROP is held, then runs once as the broker role', async () => {
    expect(runAs(agent, ['cat', config], { PATH: '/usr/bin:/bin' }).status).not.toBe(0);
    const held = await agentRun('DROP TABLE t');
    expect(held.status, held.stderr).toBe(5);
    expect(held.stderr).toMatch(/REQUIRE APPROVAL \(2 approvers\)/);
    expect(held.stderr).toMatch(/not run/);
    expect(tables()).toBe('t');

    const id = await approveByTwo(server, who, held.stderr);
    const ran = await agentRun('DROP TABLE t');
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('DROP TABLE');
    expect(ran.stderr).toMatch(/ran with broker:billing in \d+ ms, exit 0/);
    expect(tables()).toBe('');

    // Used once: the same command again is a new request, and nothing runs.
    const again = await agentRun('DROP TABLE t');
    expect(again.status).toBe(5);
    expect(again.stderr).not.toContain(id);
  });

  it("the command's own failure comes back as its exit status", async () => {
    const r = await agentRun('SELECT 1/0');
    expect(r.stderr).toMatch(/division by zero/);
    expect(r.status).toBe(1);
  });

  it('with the daemon gone (its files left behind), nothing runs and the message says why', async () => {
    process.kill(daemonPid(), 'SIGKILL');
    spawnSync('sleep', ['1']);
    const r = await agentRun('SELECT 1');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the system daemon cannot be reached at .*daemon\.sock .*nothing ran/);
  });
});
