import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/serve.js';
import type { Store } from '../../../src/store/types.js';
import { body, wire } from '../../approvals/fixtures.js';
import { SQLITE } from '../../store/stores.js';
import { clientOf, people, serverOn, type People } from '../harness.js';

// The console in a real browser (Debian's Chromium, driven by playwright-core): a request arrives live on
// the pending list, two reviewers approve it (one of them with JavaScript off), the agent's retry runs
// once, a hostile command renders inert, the audit timeline filters and the incident report downloads.
// INTERLOCK_SCREENSHOTS=1 saves the pages into docs/console/.

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../../docs/console/', import.meta.url));
const XSS =
  'kubectl delete namespace payments # <script>alert(1)</script><img src=x onerror=alert(2)> \x1b[31mred\x1b[0m \u202eevil';

describe.skipIf(!existsSync(CHROMIUM))('web console in Chromium', () => {
  let browser: Browser;
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cleanup?.();
  });

  const ask = (command: string, digest: string) =>
    clientOf(server, who.agent).decide(wire(body({ command, digest, approvals: 2 })));

  async function signIn(token: string, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Pending requests' }).waitFor();
    return page;
  }

  const shoot = async (page: Page, name: string) => {
    if (process.env.INTERLOCK_SCREENSHOTS !== '1') return;
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  };

  it('shows a request live, takes two approvals, and lets the agent run it once', async () => {
    const bob = await signIn(who.bob);
    await bob.getByText('Live: this list updates by itself.').waitFor();
    const pending = await ask('kubectl delete namespace payments --context prod-eu', 'c'.repeat(64));
    const row = bob.locator(`tr[data-request="${pending.requestId}"]`);
    await row.waitFor(); // arrived over server-sent events, without a reload
    await shoot(bob, 'pending-list');
    await row.getByRole('link').click();
    await bob.getByLabel('Comment (optional)').fill('checked with the payments team');
    await bob.getByRole('button', { name: 'Approve' }).click();
    await bob.getByText('approval counted (1 of 2)').waitFor();

    // Carol has JavaScript off: the forms are plain HTML.
    const carol = await signIn(who.carol, false);
    await carol.goto(`${server.url}/console/requests/${pending.requestId}`);
    await carol.getByText('checked with the payments team').waitFor();
    await carol.getByRole('button', { name: 'Approve' }).click();
    await carol.getByText(/is approved; the identical action may now run once/).waitFor();

    expect((await ask('kubectl delete namespace payments --context prod-eu', 'c'.repeat(64))).outcome).toBe(
      'allow',
    );
    expect(
      (await ask('kubectl delete namespace payments --context prod-eu', 'c'.repeat(64))).outcome,
    ).not.toBe('allow');
  });

  it('renders a hostile command inert: no script runs, escapes show as markers', async () => {
    const bob = await signIn(who.bob);
    let dialogs = 0;
    bob.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await bob.getByText('Live: this list updates by itself.').waitFor();
    const pending = await ask(XSS, 'e'.repeat(64));
    await bob.locator(`tr[data-request="${pending.requestId}"]`).waitFor();
    await bob.goto(`${server.url}/console/requests/${pending.requestId}`);
    const command = await bob.locator('pre.command').innerText();
    expect(command).toContain('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(command).toContain('\\x1b[31mred\\x1b[0m \\u202eevil');
    expect(await bob.locator('main script, main img').count()).toBe(0);
    await shoot(bob, 'request-page');
    expect(dialogs).toBe(0);
  });

  it('filters the audit timeline and downloads the incident report', async () => {
    await ask('terraform destroy -auto-approve', 'f'.repeat(64));
    const bob = await signIn(who.bob);
    await bob.getByRole('link', { name: 'Audit timeline' }).click();
    await bob.getByRole('heading', { name: 'Audit timeline' }).waitFor();
    const rows = bob.locator('#timeline tr[data-seq]');
    const all = await rows.count();
    expect(all).toBeGreaterThan(3);
    await bob.getByLabel('Agent (or actor)').fill('claude');
    await bob.getByLabel('Outcome').selectOption('pending');
    await bob.getByRole('button', { name: 'Filter' }).click();
    await bob.waitForURL(/agent=claude&environment=&outcome=pending/);
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/claude/);
    await expect(bob.locator('#timeline').innerText()).resolves.toContain('terraform destroy -auto-approve');
    await shoot(bob, 'audit-timeline');
    await bob.getByLabel('Agent (or actor)').fill('');
    await bob.getByLabel('Outcome').selectOption('');
    await bob.getByRole('button', { name: 'Filter' }).click();
    await bob.waitForURL(/agent=&/);
    await expect(rows.count()).resolves.toBe(all);

    await bob.getByRole('link', { name: 'Incident report' }).click();
    await bob.getByLabel('From (UTC; or 2h, 7d)').fill('1h');
    await bob.getByRole('button', { name: 'Show the report' }).click();
    await bob.locator('article.report').waitFor();
    const [download] = await Promise.all([
      bob.waitForEvent('download'),
      bob.getByRole('link', { name: 'Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^incident-\d{8}T\d{4}Z\.md$/);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('terraform destroy -auto-approve');
  });
});
