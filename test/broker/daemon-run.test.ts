import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedRun } from '../../src/cli/run-served.js';
import { runThroughDaemon } from '../../src/daemon/run-client.js';
import type { RunCall } from '../../src/daemon/run-protocol.js';
import { startDaemon, type RunningDaemon } from '../../src/daemon/server.js';
import { systemPaths } from '../../src/daemon/system-paths.js';
import type { RunningServer } from '../../src/server/serve.js';
import type { Store } from '../../src/store/types.js';
import { tempTree } from '../support/tmp.js';
import { SQLITE } from '../store/stores.js';
import { people, serverOn, type People } from '../server/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { approveByTwo, billingDatabase, billingPsql, billingTables, writeBillingBroker } from './billing.js';

// `interlock run` through the daemon's socket, in process: a real daemon, a real approval server and a
// PostgreSQL cluster of the test's own. The client sends the command and the agent's variables; the daemon
// decides with its own broker file and audit log, runs psql with the broker's role, and streams the output
// and the exit code back. The real-users version is test/system/broker-daemon.test.ts.

describe('interlock run through the daemon socket', () => {
  let cluster: Cluster;
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let daemon: RunningDaemon;
  let who: People;
  let socket: string;
  let token: string;
  const root = tempTree({ 'home/project/README': 'x' });
  const home = join(root, 'home');
  const project = join(home, 'project');
  const daemonEnv = {
    INTERLOCK_SYSTEM_ROOT: root,
    INTERLOCK_DATABASE: join(root, 'daemon-audit.db'),
    HOME: root,
  };

  beforeAll(async () => {
    cluster = await startCluster();
    billingDatabase(cluster, ['t']);
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);
    const config = join(systemPaths(root).configDir, 'broker.yaml');
    mkdirSync(systemPaths(root).configDir, { recursive: true });
    writeBillingBroker(config, cluster, server.url);
    const stateFile = join(root, 'run', 'daemon.json');
    mkdirSync(join(root, 'run'), { mode: 0o700 });
    daemon = await startDaemon({ port: 0, stateFile, env: daemonEnv, run: servedRun(daemonEnv) });
    ({ socket, token } = JSON.parse(readFileSync(stateFile, 'utf8')) as { socket: string; token: string });
  }, 120_000);
  afterAll(async () => {
    await daemon?.close();
    await server?.close();
    await cleanup?.();
    cluster?.stop();
  });

  const tables = () => billingTables(cluster);
  // The agent's variables: its token, and an audit log and broker file of its own choosing, both ignored.
  const call = (statement: string, extra: Partial<RunCall> = {}): RunCall => ({
    kind: 'run',
    argv: billingPsql(cluster, statement),
    cwd: project,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      INTERLOCK_TOKEN: who.agent,
      INTERLOCK_DATABASE: join(home, 'agent-audit.db'),
      PGUSER: 'postgres',
      PGPASSWORD: 'the-agent-guesses',
    },
    agent: 'claude',
    user: 'agent',
    waitMs: 0,
    ...extra,
  });
  const send = async (c: RunCall, secret = token, path = socket) => {
    let stdout = '';
    let stderr = '';
    const outcome = await runThroughDaemon(path, secret, c, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
    });
    return { outcome, stdout, stderr };
  };

  it('holds the DROP for approval (nothing runs), then runs it once as the broker role and streams it back', async () => {
    const held = await send(call('DROP TABLE t'));
    expect(held.outcome).toEqual({ code: 5 });
    expect(held.stderr).toMatch(/policy: REQUIRE APPROVAL \(2 approvers\)/);
    expect(held.stderr).toMatch(/not run/);
    expect(tables()).toBe('t');
    await approveByTwo(server, who, held.stderr);

    const ran = await send(call('DROP TABLE t'));
    expect(ran.outcome, ran.stderr).toEqual({ code: 0 });
    expect(ran.stdout).toContain('DROP TABLE');
    expect(ran.stderr).toMatch(/ran with broker:billing in \d+ ms, exit 0/);
    expect(tables()).toBe('');

    // Recorded in the daemon's log, not in the file the agent's variables named.
    const entries = await store.auditEntries();
    expect(entries.some((e) => e.type === 'execution')).toBe(true);
    expect(() => readFileSync(join(home, 'agent-audit.db'))).toThrow();
    expect(readFileSync(daemonEnv.INTERLOCK_DATABASE).length).toBeGreaterThan(0);
  });

  it("propagates the command's own exit status", async () => {
    cluster.sql('CREATE TABLE u (id int); ALTER TABLE u OWNER TO deployer', 'billing_prod');
    const first = await send(call('DROP TABLE u; SELECT 1/0'));
    await approveByTwo(server, who, first.stderr);
    const ran = await send(call('DROP TABLE u; SELECT 1/0'));
    expect(ran.stderr).toMatch(/division by zero/);
    expect(ran.outcome).toEqual({ code: 1 });
  });

  it('refuses a program the broker does not run, with exit 2 and nothing run', async () => {
    const r = await send({ ...call('x'), argv: ['rm', '-rf', project] });
    expect(r.outcome).toEqual({ code: 2 });
    expect(r.stderr).toMatch(/the broker runs psql, aws, kubectl only \(not rm\); nothing ran/);
  });

  it('fails closed: a malformed call, a wrong secret, no daemon', async () => {
    const bad = await send({ ...call('x'), argv: [] });
    expect(bad.outcome).toMatchObject({
      failed: expect.stringMatching(/refused the call: a run call is not valid/),
    });
    const impostor = await send(call('SELECT 1'), 'f'.repeat(64));
    expect(impostor.outcome).toEqual({
      failed: 'the answer on the system socket did not come from the system daemon',
    });
    const none = await send(call('SELECT 1'), token, join(root, 'no.sock'));
    expect(none.outcome).toMatchObject({ failed: expect.stringMatching(/cannot be reached at .*no\.sock/) });
  });
});
