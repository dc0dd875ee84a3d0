import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/serve.js';
import type { Store } from '../../../src/store/types.js';
import { body, wire } from '../../approvals/fixtures.js';
import { SQLITE } from '../../store/stores.js';
import { clientOf, people, serverOn, type People } from '../harness.js';
import { signedIn, type ConsoleUser } from './forms.js';

// The console's audit views over real HTTP on a real SQLite file: the timeline and its filters, the
// incident report shown and downloaded, and a plan's request rendered like `plan check --format markdown`.

const XSS = 'kubectl delete namespace payments # <script>alert(1)</script> \u202eevil';
const PLAN = readFileSync(
  new URL('../../fixtures/plans/terraform-aws-production.json', import.meta.url),
  'utf8',
);

describe('web console: audit timeline, incident report, plans', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;
  let bob: ConsoleUser;
  let planRequest: string | undefined;

  beforeAll(async () => {
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);
    const agent = clientOf(server, who.agent);
    await agent.decide(wire(body({ command: XSS, digest: 'a'.repeat(64) })));
    await agent.decide(wire(body({ command: 'ls /tmp', digest: 'b'.repeat(64), outcome: 'allow' })));
    const plan = await agent.decide({
      proposal: { kind: 'plan', file: 'prod.tfplan.json', text: PLAN, environment: 'production' },
      facts: { cwd: '/src', home: '/home/dev', env: {} },
    });
    planRequest = plan.requestId;
    bob = await signedIn(server, who.bob);
  });
  afterAll(async () => {
    await server.close();
    await cleanup();
  });

  const rows = (page: string) => [...page.matchAll(/<tr data-seq="(\d+)"/g)].map((m) => Number(m[1]));

  it('shows the server’s log, every agent string inert, no inline script or style', async () => {
    const res = await bob.get('/console/audit');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(rows(page).length).toBeGreaterThanOrEqual(3);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('\\u202e');
    expect(page).not.toMatch(/<script>|<style|style="/);
  });

  it('filters by agent, environment, outcome and time on the server', async () => {
    const all = rows(await (await bob.get('/console/audit')).text());
    const byAgent = rows(await (await bob.get('/console/audit?agent=claude')).text());
    expect(byAgent.length).toBeGreaterThan(0);
    expect(byAgent.length).toBeLessThan(all.length); // token entries are bob's and alice's, not claude's
    expect(rows(await (await bob.get('/console/audit?agent=nobody')).text())).toEqual([]);
    const allowed = await (await bob.get('/console/audit?outcome=allow')).text();
    expect(rows(allowed).length).toBeGreaterThan(0);
    expect(allowed).toContain('ls /tmp');
    expect(allowed).not.toContain('kubectl delete namespace');
    // The server places actions itself: the plan says production, the bare kubectl command does not.
    const prod = await (await bob.get('/console/audit?environment=production')).text();
    expect(prod).toContain('prod.tfplan.json');
    expect(prod).not.toContain('kubectl delete namespace');
    expect(rows(await (await bob.get('/console/audit?since=2000-01-01&until=2000-01-02')).text())).toEqual(
      [],
    );
    expect(rows(await (await bob.get('/console/audit?since=1h')).text())).toEqual(all);
  });

  it('refuses a bad filter with what to fix', async () => {
    let res = await bob.get('/console/audit?since=yesterday-ish');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/is not a time/);
    res = await bob.get('/console/audit?outcome=maybe');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/outcome/);
    res = await bob.get('/console/audit?since=now&until=2000-01-01');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/swap/);
  });

  it('pages by entry number', async () => {
    const all = rows(await (await bob.get('/console/audit')).text());
    const rest = rows(await (await bob.get(`/console/audit?from=${all[1]}`)).text());
    expect(rest).toEqual(all.slice(1));
  });

  it('sends agents and signed-out visitors away', async () => {
    const res = await fetch(`${server.url}/console/audit`, { redirect: 'manual' });
    expect(res.headers.get('location')).toBe('/console/sign-in');
  });

  it('shows the incident report for a window, and downloads it as Markdown and HTML', async () => {
    const page = await (await bob.get('/console/incidents?since=1h')).text();
    expect(page).toMatch(/<article class="report">/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toMatch(/<script>|<style|style="/);
    const md = await bob.get('/console/incidents/download?since=1h&format=md');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toMatch(
      /^attachment; filename="incident-\d{8}T\d{4}Z\.md"$/,
    );
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(await md.text()).toMatch(/kubectl delete namespace payments/);
    const htmlFile = await bob.get('/console/incidents/download?since=1h&format=html');
    expect(htmlFile.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.html"/);
    const text = await htmlFile.text();
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toMatch(/<script/);
  });

  it('asks for the start of the incident window', async () => {
    const res = await bob.get('/console/incidents/download?format=md');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/where the incident starts/);
  });

  it('renders a plan’s request like plan check --format markdown, escaped', async () => {
    expect(planRequest).toBeDefined();
    const page = await (await bob.get(`/console/requests/${planRequest}`)).text();
    expect(page).toMatch(/class="plan-review"/);
    expect(page).toMatch(/### .* Interlock: /);
    expect(page).toMatch(/&lt;sub&gt;/); // the markdown's own tags are text, not markup
    expect(page).not.toMatch(/<details>|<sub>/);
  });
});
