import type { Context, Hono } from 'hono';
import type { AuditLog } from '../../audit/open.js';
import { queryLog } from '../../audit/query.js';
import type { EntryView } from '../../audit/entry-view.js';
import { reportBlocks } from '../../audit/report/content.js';
import { toHtml } from '../../audit/report/html.js';
import { toMarkdown } from '../../audit/report/markdown.js';
import { buildIncidentReport } from '../../audit/report/model.js';
import { InputError } from '../../core/errors.js';
import type { Html } from './html.js';
import { filterOf, IncidentQuery, issueText, PAGE_SIZE, TimelineQuery, timeOf } from './audit-query.js';
import { timelinePage } from './pages/audit.js';
import { incidentPage } from './pages/incident.js';
import type { Viewer } from './pages/layout.js';

// The console's read-only views of the server's audit log, behind the same signed-in guard as the rest:
//
//   GET /console/audit                  the timeline: agent, environment, outcome, from/until, paged by entry
//   GET /console/incidents              the incident report for a window, shown in the page
//   GET /console/incidents/download     the same report as a file: ?format=md|html (an attachment)
//
// The log is opened for each view and closed after it (SQLite: the store's file; PostgreSQL: its schema).

export interface AuditViews {
  /** Open the server's audit log (its store and side tables); the caller closes it. */
  open(): Promise<AuditLog>;
  now: () => number;
  send(c: Context, body: Html, status?: 200 | 400): Response;
  viewer(c: Context): Viewer;
}

/** Up to `limit` entries matching the filter, and whether there were more. */
async function pageOf(log: AuditLog, query: TimelineQuery, now: number) {
  const entries: EntryView[] = [];
  for await (const v of queryLog(log.store, log.side, filterOf(query, now))) {
    if (entries.length === PAGE_SIZE) return { entries, more: true };
    entries.push(v);
  }
  return { entries, more: false };
}

async function withLog<T>(views: AuditViews, fn: (log: AuditLog) => Promise<T>): Promise<T> {
  const log = await views.open();
  try {
    return await fn(log);
  } finally {
    await log.close();
  }
}

async function reportFor(views: AuditViews, query: IncidentQuery) {
  const now = views.now();
  const since = timeOf(query.since, now, 'from');
  if (since === undefined) throw new InputError('say where the incident starts ("from": 2h, or an ISO time)');
  const until = timeOf(query.until, now, 'until') ?? now;
  if (since > until)
    throw new InputError('the start of the window is after its end: swap "from" and "until"');
  const report = await withLog(views, (log) =>
    buildIncidentReport(log, {
      since,
      until,
      ...(query.environment ? { environment: query.environment } : {}),
      now,
    }),
  );
  return { report, blocks: reportBlocks(report) };
}

const refusal = (error: unknown) => (error instanceof InputError ? error.message : undefined);

export function registerAuditViews<E extends object>(app: Hono<E>, views: AuditViews): void {
  app.get('/console/audit', async (c) => {
    const parsed = TimelineQuery.safeParse(c.req.query());
    if (!parsed.success)
      return views.send(c, timelinePage([], {}, views.viewer(c), false, issueText(parsed.error)), 400);
    try {
      const { entries, more } = await withLog(views, (log) => pageOf(log, parsed.data, views.now()));
      return views.send(c, timelinePage(entries, parsed.data, views.viewer(c), more));
    } catch (error) {
      const said = refusal(error);
      if (!said) throw error;
      return views.send(c, timelinePage([], parsed.data, views.viewer(c), false, said), 400);
    }
  });

  app.get('/console/incidents', async (c) => {
    const parsed = IncidentQuery.safeParse(c.req.query());
    if (!parsed.success)
      return views.send(c, incidentPage({}, views.viewer(c), undefined, issueText(parsed.error)), 400);
    if (!parsed.data.since) return views.send(c, incidentPage(parsed.data, views.viewer(c)));
    try {
      const { blocks } = await reportFor(views, parsed.data);
      return views.send(c, incidentPage(parsed.data, views.viewer(c), blocks));
    } catch (error) {
      const said = refusal(error);
      if (!said) throw error;
      return views.send(c, incidentPage(parsed.data, views.viewer(c), undefined, said), 400);
    }
  });

  app.get('/console/incidents/download', async (c) => {
    const parsed = IncidentQuery.safeParse(c.req.query());
    const said = parsed.success ? undefined : issueText(parsed.error);
    if (!parsed.success || !parsed.data.format)
      return views.send(
        c,
        incidentPage({}, views.viewer(c), undefined, said ?? 'say which file: format=md or format=html'),
        400,
      );
    try {
      const { report, blocks } = await reportFor(views, parsed.data);
      const name = `incident-${new Date(report.since).toISOString().slice(0, 16).replace(/[-:]/g, '')}Z`;
      const md = parsed.data.format === 'md';
      return c.body(md ? toMarkdown(blocks) : toHtml(report.title, blocks), 200, {
        'content-type': md ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.${parsed.data.format}"`,
      });
    } catch (error) {
      const text = refusal(error);
      if (!text) throw error;
      return views.send(c, incidentPage(parsed.data, views.viewer(c), undefined, text), 400);
    }
  });
}
