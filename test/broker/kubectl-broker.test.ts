import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/serve.js';
import type { Store } from '../../src/store/types.js';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { SQLITE } from '../store/stores.js';
import { people, serverOn, type People } from '../server/harness.js';
import { approveByTwo } from './billing.js';

// `interlock run -- kubectl …`: held for approval, then run through the broker's kubeconfig context as an
// impersonated identity, with the Role that identity needs printed. No cluster exists here: kubectl is a
// script at the broker's configured path that prints its argv and its KUBE* environment.

describe('interlock run -- kubectl (the broker, impersonating)', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;
  const home = tempTree({ 'project/README': 'x', 'bin/README': 'fake programs' });
  const project = join(home, 'project');
  const fakeKubectl = join(home, 'bin', 'kubectl');
  const kubeconfig = join(home, 'broker-kubeconfig');
  const ranLog = join(home, 'ran.log');

  const config = (name: string, allows = '{verbs: [delete], namespaces: [payments]}') => {
    const path = join(home, name);
    writeFileSync(
      path,
      `server: {url: ${server.url}}\nkubectl: ${fakeKubectl}\nkubernetes:\n  - name: prod-cluster\n    kubeconfig: ${kubeconfig}\n    context: prod-admin\n    as: interlock-deployer\n    asGroups: [interlock]\n    allows: ${allows}\n`,
    );
    chmodSync(path, 0o600);
    return path;
  };

  beforeAll(async () => {
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);
    writeFileSync(
      fakeKubectl,
      `#!/bin/sh\necho "$*" >> ${ranLog}\necho "argv: $*"\nenv | grep '^KUBE' | sort\n`,
    );
    chmodSync(fakeKubectl, 0o755);
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\n');
    chmodSync(kubeconfig, 0o600);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await cleanup?.();
  });

  const agentEnv = () => ({
    INTERLOCK_TOKEN: who.agent,
    KUBECONFIG: join(home, 'agent-kubeconfig'),
    KUBECTL_EXTERNAL_DIFF: 'agent-diff',
  });
  const run = (command: string[], path: string) =>
    runCli(['run', '--agent', 'claude', '--broker-config', path, '--', ...command], {
      cwd: project,
      env: agentEnv(),
    });
  const approveTwice = (stderr: string) => approveByTwo(server, who, stderr);

  it('holds the deletion, then runs it as the narrowed identity and prints the Role it needs', async () => {
    const path = config('broker.yaml');
    const argv = ['kubectl', 'delete', 'deployment', 'api', '-n', 'payments'];
    const held = await run(argv, path);
    expect(held.status, held.stderr).toBe(5);
    expect(() => readFileSync(ranLog)).toThrow(/ENOENT/);
    await approveTwice(held.stderr);

    const ran = await run(argv, path);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toContain(
      `argv: --kubeconfig=${kubeconfig} --context=prod-admin --as=interlock-deployer --as-group=interlock delete deployment api -n payments`,
    );
    expect(ran.stdout).not.toMatch(/^KUBE/m);
    const role = /interlock-deployer needs exactly: (\{.*\})/.exec(ran.stderr)?.[1];
    expect(JSON.parse(role!)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'interlock-prod-cluster', namespace: 'payments' },
      rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['delete'], resourceNames: ['api'] }],
    });
    expect(ran.stderr).toMatch(/ran with broker:prod-cluster in \d+ ms, exit 0/);
  });

  it('an approved effect outside what the entry allows is denied, and nothing runs', async () => {
    writeFileSync(ranLog, '');
    const path = config('narrow.yaml');
    const argv = ['kubectl', 'delete', 'deployment', 'api', '-n', 'billing'];
    const held = await run(argv, path);
    expect(held.status, held.stderr).toBe(5);
    await approveTwice(held.stderr);
    const denied = await run(argv, path);
    expect(denied.status).toBe(5);
    expect(denied.stderr).toMatch(/allows delete in payments, not delete .* in billing; denied, nothing ran/);
    expect(readFileSync(ranLog, 'utf8')).toBe('');
  });

  it("refuses the agent's own credentials, and an entry that grants more than the policies gate", async () => {
    const path = config('broker3.yaml');
    const own = await run(['kubectl', '--token', 'x', 'delete', 'pod', 'p', '-n', 'payments'], path);
    expect(own.status).toBe(2);
    expect(own.stderr).toMatch(/remove --token; nothing ran/);
    const broad = config('broad.yaml', '{verbs: [delete, get], namespaces: [payments]}');
    const r = await run(['kubectl', 'delete', 'pod', 'p', '-n', 'payments'], broad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(broad);
    expect(r.stderr).toMatch(/"get" grants more than the policies require/);
    chmodSync(kubeconfig, 0o644);
    const open = await run(['kubectl', 'delete', 'pod', 'p', '-n', 'payments'], path);
    chmodSync(kubeconfig, 0o600);
    expect(open.status).toBe(2);
    expect(open.stderr).toMatch(
      /kubeconfig of broker entry prod-cluster refused: .*broker-kubeconfig is readable/,
    );
  });
});
