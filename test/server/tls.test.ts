import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/serve.js';
import { SQLITE } from '../store/stores.js';
import { CLI } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { people, serverOn, type People } from './harness.js';

// `interlock serve --tls-cert --tls-key`: the approval server speaks HTTPS, and the agent's side reaches
// it with the certificate trusted (here through NODE_EXTRA_CA_CERTS, as an operator with a private CA
// would), so tokens never cross the network in the clear.

/** A self-signed certificate for 127.0.0.1, made with openssl in a temporary directory. */
function selfSigned(): { dir: string; cert: string; key: string } {
  const dir = tempTree({});
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { dir, cert, key };
}

/** The built CLI in its own process (the server answers from this one meanwhile). */
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

describe('the approval server over HTTPS', () => {
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let who: People;
  let tls: ReturnType<typeof selfSigned>;

  beforeAll(async () => {
    tls = selfSigned();
    const created = await SQLITE.create();
    cleanup = created.cleanup;
    who = await people(created.store);
    server = await serverOn(created.store, {
      tls: { cert: readFileSync(tls.cert), key: readFileSync(tls.key) },
    });
  });
  afterAll(async () => {
    await server.close();
    await cleanup();
  });

  it('serves https, and refuses plain http on the same port', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(server.url.replace('https:', 'http:') + '/health')).rejects.toThrow();
  });

  it('an agent that trusts the certificate asks it; one that does not fails closed in production', async () => {
    const home = tempTree({});
    const base = {
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      INTERLOCK_SERVER_URL: server.url,
      INTERLOCK_TOKEN: who.agent,
    };
    const command = ['check', '--', 'kubectl', 'delete', 'namespace', 'payments', '--context', 'production'];
    const trusted = await cli(command, { ...base, NODE_EXTRA_CA_CERTS: tls.cert });
    expect(trusted.stdout + trusted.stderr).toMatch(/req_[0-9a-z]+/);
    const requests = await server.service.store.listRequests({});
    expect(requests.map((r) => (r.action as { command?: string }).command)).toEqual([
      command.slice(2).join(' '),
    ]);
    const untrusted = await cli(command, base);
    expect(untrusted.status).toBe(5);
    expect(untrusted.stdout + untrusted.stderr).toMatch(/could not ask the approval server/);
  }, 60_000);

  it('needs both files, and says which one it cannot read', async () => {
    const one = await cli(['serve', '--port', '0', '--tls-cert', tls.cert], { HOME: tls.dir });
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/give both --tls-cert and --tls-key/);
    const missing = await cli(
      ['serve', '--port', '0', '--tls-cert', tls.cert, '--tls-key', '/nonexistent/key.pem'],
      {
        HOME: tls.dir,
      },
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the TLS key \/nonexistent\/key\.pem \(ENOENT\)/);
  });
});
