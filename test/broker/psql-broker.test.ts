import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/serve.js';
import type { Store } from '../../src/store/types.js';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { SQLITE } from '../store/stores.js';
import { people, serverOn, type People } from '../server/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { approveByTwo, billingDatabase, billingPsql, billingTables, writeBillingBroker } from './billing.js';

// The broker end to end, on a PostgreSQL cluster of the test's own: the agent's role may only read, so its
// own DROP fails; `interlock run` holds the DROP for two approvals, then runs it once with the privileged
// role whose password only the broker's file holds. A different statement needs its own approval.

describe('interlock run -- psql (the broker)', () => {
  let cluster: Cluster;
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;
  const home = tempTree({ 'project/README': 'x' });
  const project = join(home, 'project');
  const brokerConfig = join(home, 'broker.yaml');

  beforeAll(async () => {
    cluster = await startCluster();
    billingDatabase(cluster, ['t', 'u'], true);
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);
    writeBillingBroker(brokerConfig, cluster, server.url);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await cleanup?.();
    cluster?.stop();
  });

  const tables = () => billingTables(cluster);
  const psql = (statement: string) => billingPsql(cluster, statement, false);
  // The agent's environment: its own read-only login, a service it cannot have the broker use, and an
  // approval server of its own choosing, which the broker does not ask.
  const agentEnv = () => ({
    INTERLOCK_SERVER_URL: 'http://127.0.0.1:9',
    INTERLOCK_TOKEN: who.agent,
    PGUSER: 'agent',
    PGPASSWORD: 'agent-pw',
    PGSERVICE: 'no-such-service',
  });
  const run = (statement: string, config = brokerConfig, extra: string[] = []) =>
    runCli(['run', '--agent', 'claude', '--broker-config', config, ...extra, '--', ...psql(statement)], {
      cwd: project,
      env: agentEnv(),
    });

  it("the agent's own role cannot drop the table", () => {
    const own = spawnSync('psql', ['-X', '-U', 'agent', ...psql('DROP TABLE t').slice(1)], {
      env: { PATH: process.env.PATH ?? '', PGPASSWORD: 'agent-pw' },
      encoding: 'utf8',
    });
    expect(own.status).not.toBe(0);
    expect(own.stderr).toMatch(/must be owner of table t|permission denied/);
    expect(tables()).toBe('t,u');
  });

  it('fails closed on a broker configuration others can read, naming the file', async () => {
    const open = join(home, 'open.yaml');
    writeFileSync(open, `postgres: []\n`);
    chmodSync(open, 0o644);
    const r = await run('DROP TABLE t', open);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(open);
    expect(r.stderr).toMatch(/readable or writable by group or others.*nothing ran/);
    const missing = await run('DROP TABLE t', join(home, 'missing.yaml'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing\.yaml cannot be read \(ENOENT\); nothing ran/);
    expect(tables()).toBe('t,u');
  });

  it('refuses a target no broker entry matches, without falling back to the agent', async () => {
    const r = await runCli(
      [
        'run',
        '--agent',
        'claude',
        '--broker-config',
        brokerConfig,
        '--',
        'psql',
        '-h',
        '127.0.0.1',
        '-p',
        String(cluster.port),
        '-d',
        'postgres',
        '-c',
        'DROP TABLE t',
      ],
      { cwd: project, env: agentEnv() },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no broker entry .* matches 127\.0\.0\.1:\d+\/postgres; nothing ran/);
  });

  it('without an approval server in its own file, the broker runs nothing that needs approval', async () => {
    const noServer = join(home, 'no-server.yaml');
    writeBillingBroker(noServer, cluster);
    const r = await run('DROP TABLE t', noServer);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/not run/);
    expect(tables()).toBe('t,u');
  });

  it('holds the DROP for two approvals, then runs it once as the privileged role', async () => {
    const first = await run('DROP TABLE t');
    expect(first.status, first.stderr).toBe(5);
    expect(first.stderr).toMatch(/policy: REQUIRE APPROVAL \(2 approvers\)/);
    expect(first.stderr).toMatch(/not run/);
    expect(tables()).toBe('t,u');
    const id = await approveByTwo(server, who, first.stderr);
    const approved = await run('DROP TABLE t');
    expect(approved.status, approved.stderr).toBe(0);
    expect(approved.stdout).toContain('DROP TABLE');
    expect(approved.stderr).toMatch(/ran with broker:billing in \d+ ms, exit 0/);
    expect(tables()).toBe('u');

    // The approval was used: the same command again is a new request, and runs nothing.
    const again = await run('DROP TABLE t');
    expect(again.status).toBe(5);
    expect(again.stderr).not.toContain(id);

    // What the server recorded: the execution, linked to the request, with the broker's credentials.
    const entries = await store.auditEntries();
    const execution = entries.find((e) => e.type === 'execution');
    expect((JSON.parse(execution!.body) as { data: object }).data).toMatchObject({
      requestId: id,
      exitCode: 0,
      credentials: 'broker:billing',
    });
    const local = await runCli(['audit', 'log', '--json', '--limit', '0']);
    expect(local.stdout).toMatch(/"summary":"psql [^"]*DROP TABLE t[^"]* exited 0 with broker:billing"/);
  });

  it('a different statement is a different action: its own request, then --wait for it', async () => {
    const other = await run('DROP TABLE u');
    expect(other.status).toBe(5);
    expect(other.stderr).toMatch(/needs peer approval/);
    expect(tables()).toBe('u');

    // --wait: the same request, approved while the broker waits (or just before it asks: either way it runs
    // once the grant is there, and not before).
    const waiting = run('DROP TABLE u', brokerConfig, ['--wait', '60s']);
    await approveByTwo(server, who, other.stderr);
    const ran = await waiting;
    expect(ran.status, ran.stderr).toBe(0);
    expect(tables()).toBe('');
  });
});
