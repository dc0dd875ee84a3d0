import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/core/exit-codes.js';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { fakeHome, fakeVariables, SECRETS } from './fake-home.js';

// `interlock creds scan [--json]`: the report, never a secret, and an exit code CI can branch on.

describe('interlock creds scan', () => {
  const home = fakeHome();
  const env = fakeVariables(home);

  it.each([[['creds', 'scan']], [['creds', 'scan', '--json']]])(
    '%j exits failed when production is reachable, and prints no secret',
    async (args) => {
      const result = await runCli(args, { cwd: home, env });
      expect(result.status).toBe(EXIT_CODES.failed);
      for (const secret of SECRETS) expect(result.stdout + result.stderr).not.toContain(secret);
    },
  );

  it('--json prints one object: the credentials and whether production is reachable', async () => {
    const result = await runCli(['creds', 'scan', '--json'], { cwd: home, env });
    const report = JSON.parse(result.stdout) as { production: boolean; credentials: object[] };
    expect(report.production).toBe(true);
    expect(report.credentials).toContainEqual({
      kind: 'kube-context',
      source: join(home, '.kube/config'),
      name: 'prod-eu',
      environment: 'production',
      power: 'admin',
      reason:
        'user cluster-admin on k8s.eu.example.com: client certificate; production by kube context=prod-eu',
    });
  });

  it('prints, for a person, the count and each credential', async () => {
    const result = await runCli(['creds', 'scan'], { cwd: home, env });
    expect(result.stdout).toMatch(/^Credentials this shell can reach: \d+, \d+ reach production/);
    expect(result.stdout).toMatch(/production +admin +aws-profile prod-admin/);
  });

  it.each([
    ['no credentials at all', {}, {}],
    [
      'only non-production ones',
      { '.aws/credentials': '[dev]\naws_access_key_id = AKIAFAKEDEVKEY22ABCD\naws_secret_access_key = x\n' },
      { PGHOST: 'localhost', PGPASSWORD: 'fakePgPasswordVar' },
    ],
  ])('exits 0 with %s', async (_what, files: Record<string, string>, variables: Record<string, string>) => {
    const empty = tempTree(files);
    const result = await runCli(['creds', 'scan', '--json'], {
      cwd: empty,
      env: { HOME: empty, ...variables },
    });
    expect(result.status).toBe(EXIT_CODES.ok);
    expect(JSON.parse(result.stdout)).toMatchObject({ production: false });
  });

  it("places with the user's environment patterns", async () => {
    const withConfig = tempTree({
      '.kube/config':
        'clusters: [{name: c, cluster: {server: "https://10.0.0.1"}}]\nusers: [{name: u, user: {token: fakeKubeBearerToken111}}]\ncontexts: [{name: emea-main, context: {cluster: c, user: u}}]\n',
      '.config/interlock/config.yaml': 'environments:\n  production: [emea]\n',
    });
    const result = await runCli(['creds', 'scan', '--json'], { cwd: withConfig, env: { HOME: withConfig } });
    expect(result.status).toBe(EXIT_CODES.failed);
    expect(JSON.parse(result.stdout)).toMatchObject({
      production: true,
      credentials: [{ kind: 'kube-context', name: 'emea-main', environment: 'production' }],
    });
  });
});

describe('interlock doctor', () => {
  it('shows the credentials section, without a secret, and keeps its exit code about the hooks', async () => {
    const home = fakeHome();
    const env = fakeVariables(home);
    const text = await runCli(['doctor', '--no-self-test'], { cwd: home, env });
    expect(text.stdout).toMatch(/Credentials this shell can reach: \d+, \d+ reach production/);
    const json = await runCli(['doctor', '--no-self-test', '--json'], { cwd: home, env });
    expect(JSON.parse(json.stdout)).toMatchObject({ credentials: { production: true } });
    expect(json.status).toBe(text.status);
    for (const secret of SECRETS) expect(text.stdout + json.stdout + json.stderr).not.toContain(secret);
  });
});
