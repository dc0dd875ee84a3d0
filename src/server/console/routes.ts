import { Hono, type Context } from 'hono';
import { auditLogOf, type AuditLog } from '../../audit/open.js';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Identity } from '../../store/types.js';
import { ServiceError } from '../errors.js';
import { RequestId } from '../ids.js';
import type { ApprovalService } from '../service.js';
import { authenticate, hashToken } from '../tokens.js';
import { registerAuditViews } from './audit-routes.js';
import { csrfRefusal } from './csrf.js';
import type { ConsoleEventBus } from './events.js';
import { AnyForm, ApproveForm, DenyForm, FreezeForm, readForm, SignInForm } from './forms.js';
import { securityHeaders } from './headers.js';
import type { Html } from './html.js';
import { messagePage, type Viewer } from './pages/layout.js';
import { pendingPage, pendingRows } from './pages/pending.js';
import { requestPage } from './pages/request.js';
import { signInPage } from './pages/sign-in.js';
import { sessionCookie, SessionStore, type Session } from './session.js';
import { eventStream } from './sse.js';
import { CONSOLE_CSS, CONSOLE_JS } from './static/assets.js';

// The approvers' web console, served by `interlock serve` next to the JSON API:
//
//   GET  /                              → /console
//   GET  /console                       pending requests (live), freeze switches
//   GET  /console/requests/:id          one request, and the approve / deny forms
//   POST /console/requests/:id/approve  {csrf, comment?}     the service's approve (same rules as the API)
//   POST /console/requests/:id/deny     {csrf, reason}
//   POST /console/freeze                {csrf, frozen, agent?, reason?}
//   GET  /console/events                server-sent events: something changed
//   GET  /console/fragments/pending     the pending table's rows (the live script swaps them in)
//   GET|POST /console/sign-in, POST /console/sign-out
//   GET  /console/static/console.{js,css}
//   GET  /console/audit, /console/incidents[/download]   the audit log's views (audit-routes.ts)
//
// The console never decides anything itself: every vote and freeze is the ApprovalService's own method,
// with the signed-in human as the caller, exactly as the JSON API calls it.

export interface ConsoleOptions {
  service: ApprovalService;
  events: ConsoleEventBus;
  /** The server speaks HTTPS: cookies are Secure and forms must come from https origins. */
  tls: boolean;
  log?: (line: string) => void;
  now?: () => number;
  /** The URL the store was opened with: PostgreSQL's audit side tables are reached with it. */
  database?: string;
  /** How the audit views open the log (default: the service's store and its side tables). */
  openAuditLog?: () => Promise<AuditLog>;
}

type Env = { Variables: { session: Session; viewer: Identity } };

export function createConsole(options: ConsoleOptions): Hono<Env> {
  const { service, events, tls } = options;
  const now = options.now ?? Date.now;
  const scheme = tls ? 'https' : 'http';
  const sessions = new SessionStore(now);
  const SESSION_COOKIE = sessionCookie(tls);
  const app = new Hono<Env>();

  const send = (c: Context, body: Html, status: 200 | 400 | 403 | 404 | 409 | 500 = 200) =>
    c.html(body.text, status);
  const setSession = (c: Context, session: Session) =>
    setCookie(c, SESSION_COOKIE, session.id, {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: tls,
    });
  const viewerOf = (c: Context<Env>): Viewer => ({
    name: c.get('viewer').name,
    groups: c.get('viewer').groups,
    csrf: c.get('session').csrf,
  });
  /** The session's flash, shown once. */
  const takeFlash = (session: Session) => {
    const flash = session.flash;
    delete session.flash;
    return flash;
  };

  app.use('/', securityHeaders);
  app.use('/console/*', securityHeaders);
  app.onError((error, c) => {
    const session = c.get('session') as Session | undefined;
    const viewer = session && c.get('viewer') ? viewerOf(c) : undefined;
    if (error instanceof ServiceError)
      return send(c, messagePage('Refused', error.message, viewer), error.status === 404 ? 404 : 400);
    options.log?.(
      `console: internal error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return send(
      c,
      messagePage(
        'Internal error',
        'Something went wrong inside Interlock; nothing was changed. Try again, or use the `interlock approvals` CLI.',
        viewer,
      ),
      500,
    );
  });

  app.get('/', (c) => c.redirect('/console', 303));
  app.get('/console/static/console.js', (c) =>
    c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/console/static/console.css', (c) =>
    c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  );

  // Every other console route has a session (anonymous until sign-in); POSTs pass the CSRF checks.
  app.use('/console/*', async (c, next) => {
    let session = sessions.get(getCookie(c, SESSION_COOKIE));
    if (!session) {
      session = sessions.create();
      setSession(c, session);
    }
    c.set('session', session);
    await next();
  });

  app.get('/console/sign-in', (c) => send(c, signInPage(c.get('session').csrf)));
  app.post('/console/sign-in', async (c) => {
    const form = await readForm(c, SignInForm);
    const refused = csrfRefusal(c, c.get('session'), form.csrf, scheme);
    if (refused)
      return send(
        c,
        signInPage(c.get('session').csrf, `${refused.reason}; sign in again from this page.`),
        403,
      );
    if (!form.ok) return send(c, signInPage(c.get('session').csrf, form.error), 400);
    const identity = await authenticate(service.store, form.data.token.trim());
    if (!identity)
      return send(
        c,
        signInPage(
          c.get('session').csrf,
          'That token is unknown or revoked. Ask an admin for one: interlock token create --human NAME.',
        ),
        403,
      );
    if (identity.kind !== 'human')
      return send(
        c,
        signInPage(
          c.get('session').csrf,
          `That is an agent token (${identity.name}). Only people sign in to the console: use your own human token (ilk_h_…).`,
        ),
        403,
      );
    const session = sessions.signIn(c.get('session'), hashToken(form.data.token.trim()));
    setSession(c, session);
    return c.redirect('/console', 303);
  });

  // Below: signed-in humans only. The identity is looked up by the token's hash on every request, so a
  // revoked token is signed out at once.
  app.use('/console/*', async (c, next) => {
    const session = c.get('session');
    const identity = session.tokenHash
      ? await service.store.identityByTokenHash(session.tokenHash)
      : undefined;
    if (!identity || identity.kind !== 'human') {
      if (c.req.method === 'GET') return c.redirect('/console/sign-in', 303);
      return send(c, messagePage('Signed out', 'Your session has ended; sign in again.'), 403);
    }
    c.set('viewer', identity);
    if (c.req.method === 'POST') {
      const refusal = await checkPost(c);
      if (refusal) return refusal;
    }
    await next();
  });

  /** CSRF on every signed-in POST: the form is read once here and kept for the handler. */
  const forms = new WeakMap<Request, Record<string, string>>();
  async function checkPost(c: Context<Env>): Promise<Response | undefined> {
    const form = await readForm(c, AnyForm);
    const fields = form.ok ? form.data : {};
    forms.set(c.req.raw, fields);
    const refused = csrfRefusal(c, c.get('session'), form.csrf, scheme);
    if (!refused) return undefined;
    return send(
      c,
      messagePage(
        'Refused',
        `${refused.reason}. Nothing was changed; reload the page and try again.`,
        viewerOf(c),
      ),
      403,
    );
  }

  app.post('/console/sign-out', async (c) => {
    sessions.end(c.get('session').id);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: tls });
    return c.redirect('/console/sign-in', 303);
  });

  // Humans see every request: listing as the viewer is the same call the API makes.
  const pending = (viewer: Identity) => service.listRequests(viewer, { states: ['pending'], limit: 200 });

  app.get('/console', async (c) => {
    const [requests, status] = await Promise.all([pending(c.get('viewer')), service.status()]);
    return send(c, pendingPage(requests, status, viewerOf(c), now(), takeFlash(c.get('session'))));
  });
  app.get('/console/fragments/pending', async (c) => {
    return c.html(pendingRows(await pending(c.get('viewer')), now()).text);
  });
  app.get('/console/events', (c) => eventStream(c, events));
  registerAuditViews(app, {
    open: options.openAuditLog ?? (() => auditLogOf(service.store, options.database)),
    now,
    send: (c, body, status) => send(c, body, status),
    viewer: (c) => viewerOf(c as Context<Env>),
  });

  const requestIdOf = (c: Context) => {
    const parsed = RequestId.safeParse(c.req.param('id'));
    if (!parsed.success)
      throw new ServiceError(404, 'bad-id', 'no such request: a request id looks like req_7k2m9qx4ht1c');
    return parsed.data;
  };

  app.get('/console/requests/:id', async (c) => {
    const request = await service.getRequest(c.get('viewer'), requestIdOf(c));
    return send(c, requestPage(request, viewerOf(c), now(), takeFlash(c.get('session'))));
  });

  /** Run a vote or a freeze; its message (or the service's refusal) is the next page's flash. */
  async function act(c: Context<Env>, back: string, fn: () => Promise<string>): Promise<Response> {
    try {
      c.get('session').flash = { kind: 'ok', text: await fn() };
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      c.get('session').flash = { kind: 'error', text: error.message };
    }
    return c.redirect(back, 303);
  }

  app.post('/console/requests/:id/approve', async (c) => {
    const id = requestIdOf(c);
    const form = ApproveForm.safeParse(forms.get(c.req.raw));
    if (!form.success)
      return send(c, messagePage('Refused', form.error.issues[0]!.message, viewerOf(c)), 400);
    const comment = form.data.comment?.trim();
    return act(
      c,
      `/console/requests/${id}`,
      async () =>
        (await service.approve(c.get('viewer'), id, comment || undefined, { via: 'console' })).message,
    );
  });

  app.post('/console/requests/:id/deny', async (c) => {
    const id = requestIdOf(c);
    const form = DenyForm.safeParse(forms.get(c.req.raw));
    if (!form.success) {
      c.get('session').flash = { kind: 'error', text: form.error.issues[0]!.message };
      return c.redirect(`/console/requests/${id}`, 303);
    }
    return act(
      c,
      `/console/requests/${id}`,
      async () => (await service.deny(c.get('viewer'), id, form.data.reason, { via: 'console' })).message,
    );
  });

  app.post('/console/freeze', async (c) => {
    const form = FreezeForm.safeParse(forms.get(c.req.raw));
    if (!form.success) {
      c.get('session').flash = {
        kind: 'error',
        text: form.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      };
      return c.redirect('/console', 303);
    }
    const { frozen, agent, reason } = form.data;
    return act(c, '/console', async () => {
      const freeze = await service.setFrozen(c.get('viewer'), frozen === 'true', {
        ...(agent ? { agent } : {}),
        ...(reason?.trim() ? { reason: reason.trim() } : {}),
      });
      return `${agent ? `agent ${agent}` : 'every agent'}: ${freeze.frozen ? 'frozen' : 'unfrozen'}`;
    });
  });

  return app;
}
