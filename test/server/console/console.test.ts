import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/serve.js';
import { revokeToken } from '../../../src/server/tokens.js';
import type { Store } from '../../../src/store/types.js';
import { body, wire } from '../../approvals/fixtures.js';
import { SQLITE } from '../../store/stores.js';
import { clientOf, people, serverOn, type People } from '../harness.js';
import { anonymous, signedIn } from './forms.js';

// The approvers' console over real HTTP on a real SQLite file: sign-in, sessions, CSRF, headers, and votes
// through the same service rules as the JSON API.

const XSS = 'kubectl delete namespace payments # <script>alert(1)</script> \x1b[31mred \u202eevil';

describe('web console', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;

  beforeEach(async () => {
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);
  });
  afterEach(async () => {
    await server.close();
    await cleanup();
  });

  const ask = (command = 'kubectl delete namespace payments', digest = 'a'.repeat(64)) =>
    clientOf(server, who.agent).decide(wire(body({ command, digest, approvals: 2 })));

  it('signs a human in with a session cookie (httpOnly, SameSite=Strict), and out again', async () => {
    const user = await anonymous(server);
    const res = await user.post('/console/sign-in', { csrf: user.csrf, token: who.bob });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here; tls.test covers HTTPS
    expect(cookie).not.toContain(who.bob);
    expect(res.headers.get('location')).toBe('/console');
    const list = await user.get('/console');
    expect(await list.text()).toMatch(/Signed in as\s+<strong>bob<\/strong>/);
    const signedInCsrf = (await user.get('/console').then((r) => r.text())).match(
      /name="csrf" value="([^"]+)"/,
    )![1]!;
    expect((await user.post('/console/sign-out', { csrf: signedInCsrf })).status).toBe(303);
    expect((await user.get('/console')).headers.get('location')).toBe('/console/sign-in');
  });

  it('refuses agent tokens and unknown tokens with a clear message', async () => {
    const user = await anonymous(server);
    let res = await user.post('/console/sign-in', { csrf: user.csrf, token: who.agent });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/agent token \(claude\).*human token/);
    res = await user.post('/console/sign-in', { csrf: user.csrf, token: 'ilk_h_nope' });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/unknown or revoked/);
  });

  it('ends a session when its token is revoked', async () => {
    const bob = await signedIn(server, who.bob);
    expect((await bob.get('/console')).status).toBe(200);
    await revokeToken(store, 'bob', 'test');
    expect((await bob.get('/console')).headers.get('location')).toBe('/console/sign-in');
  });

  it('sends the strict CSP and the other security headers', async () => {
    const bob = await signedIn(server, who.bob);
    for (const path of ['/console', '/console/sign-in']) {
      const res = await bob.get(path);
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const page = await res.text();
      expect(page).not.toMatch(/<script>|<style|style="/);
      expect(page).toContain('<html lang="en">');
      expect(page).toContain('href="#main"');
    }
  });

  it('refuses a POST without the session’s CSRF token, or from another origin', async () => {
    const pending = await ask();
    const bob = await signedIn(server, who.bob);
    const path = `/console/requests/${pending.requestId}/approve`;
    let res = await bob.post(path, {});
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/anti-forgery token/);
    res = await bob.post(path, { csrf: 'x'.repeat(43) });
    expect(res.status).toBe(403);
    res = await bob.post(
      path,
      { csrf: bob.csrf },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/another site/);
    res = await bob.post(
      path,
      { csrf: bob.csrf },
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/evil\.example/);
    res = await bob.post(path, { csrf: bob.csrf }, { origin: 'null', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    res = await bob.post(path, { csrf: bob.csrf }, { origin: 'null', 'sec-fetch-site': '' });
    expect(res.status).toBe(403);
    // Another person's CSRF token is not this session's.
    const carol = await signedIn(server, who.carol);
    expect((await bob.post(path, { csrf: carol.csrf })).status).toBe(403);
    expect((await clientOf(server, who.bob).getRequest(pending.requestId!)).approvals).toEqual([]);
  });

  it('two humans approve through the forms; the agent’s retry is allowed once', async () => {
    const pending = await ask();
    expect(pending.outcome).toBe('pending');
    const id = pending.requestId!;
    for (const [token, expected] of [
      [who.bob, /approval counted \(1 of 2\)/],
      [who.carol, /is approved; the identical action may now run once/],
    ] as const) {
      const user = await signedIn(server, token);
      const page = await (await user.get(`/console/requests/${id}`)).text();
      expect(page).toContain('<button type="submit" class="approve">Approve</button>');
      const res = await user.post(`/console/requests/${id}/approve`, {
        csrf: user.csrf,
        comment: 'ok by me',
      });
      expect(res.status).toBe(303);
      expect(await (await user.get(res.headers.get('location')!)).text()).toMatch(expected);
    }
    expect((await ask()).outcome).toBe('allow');
    expect((await ask()).outcome).not.toBe('allow');
    // The audit log says the votes came through the console.
    const votes = (await store.auditEntries()).filter((e) => e.type === 'approval');
    expect(votes.map((e) => (JSON.parse(e.body) as { data: { via: string } }).data.via)).toEqual([
      'console',
      'console',
    ]);
  });

  it('refuses self-approval through the form, with the service’s own message', async () => {
    const pending = await ask();
    const alice = await signedIn(server, who.alice);
    const res = await alice.post(`/console/requests/${pending.requestId}/approve`, { csrf: alice.csrf });
    const page = await (await alice.get(res.headers.get('location')!)).text();
    expect(page).toMatch(/made request req_\w+ on your behalf; someone other than you must approve it/);
    expect((await clientOf(server, who.bob).getRequest(pending.requestId!)).approvals).toEqual([]);
  });

  it('denies with a reason, and freezes and unfreezes through the same service calls as the API', async () => {
    const pending = await ask();
    const bob = await signedIn(server, who.bob);
    await bob.post(`/console/requests/${pending.requestId}/deny`, { csrf: bob.csrf, reason: 'not today' });
    expect((await clientOf(server, who.bob).getRequest(pending.requestId!)).state).toBe('denied');
    await bob.post('/console/freeze', { csrf: bob.csrf, frozen: 'true', agent: '', reason: 'incident' });
    expect((await clientOf(server, who.bob).status()).frozen).toMatchObject({
      by: 'bob',
      reason: 'incident',
    });
    const res = await bob.post('/console/freeze', { csrf: bob.csrf, frozen: 'false', agent: 'claude' });
    expect(await (await bob.get(res.headers.get('location')!)).text()).toMatch(/agent claude: unfrozen/);
    const bad = await bob.post('/console/freeze', { csrf: bob.csrf, frozen: 'true', agent: 'has space' });
    expect(await (await bob.get(bad.headers.get('location')!)).text()).toMatch(/agent: use letters/);
  });

  it('renders agent-controlled text inert: HTML escaped, escapes and bidi overrides made visible', async () => {
    const pending = await clientOf(server, who.agent).decide({
      ...wire(body({ command: XSS, digest: 'b'.repeat(64), approvals: 2 })),
      agent: { vendor: 'anthropic', model: 'claude-\u202emodel', session: 'sess-42' },
    });
    const bob = await signedIn(server, who.bob);
    for (const path of [`/console/requests/${pending.requestId}`, '/console', '/console/fragments/pending']) {
      const page = await (await bob.get(path)).text();
      expect(page).not.toContain('<script>alert(1)</script>');
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).not.toContain('\x1b');
      expect(page).not.toContain('\u202e');
      expect(page).toContain('\\x1b[31mred');
      expect(page).toContain('\\u202eevil');
      // The requester chain: the agent, what its side says it runs, and the human it acts for.
      expect(page).toMatch(
        /agent\s*<strong>claude<\/strong\s*>\s*<span class="quiet">\(anthropic, claude-\\u202emodel, session sess-42\)<\/span>\s*→ acting for <strong>alice<\/strong>/,
      );
    }
  });
});
