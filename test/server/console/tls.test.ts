import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/serve.js';
import { SQLITE } from '../../store/stores.js';
import { tempTree } from '../../support/tmp.js';
import { serverOn } from '../harness.js';

// Served over HTTPS (`serve --tls-cert --tls-key`), the console's session cookie is Secure too.

describe('web console over HTTPS', () => {
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let ca: string;

  beforeAll(async () => {
    const dir = tempTree({});
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ]),
      { stdio: 'ignore' },
    );
    ca = readFileSync(cert, 'utf8');
    const created = await SQLITE.create();
    cleanup = created.cleanup;
    server = await serverOn(created.store, { tls: { cert: ca, key: readFileSync(key) } });
  });
  afterAll(async () => {
    await server.close();
    await cleanup();
  });

  it('sets the session cookie __Host- prefixed, Secure, httpOnly and SameSite=Strict', async () => {
    const cookie = await new Promise<string>((resolve, reject) => {
      request(`${server.url}/console/sign-in`, { ca }, (res) => {
        res.resume();
        resolve(String(res.headers['set-cookie']));
      })
        .on('error', reject)
        .end();
    });
    expect(cookie).toMatch(/^__Host-interlock_console=/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });
});
