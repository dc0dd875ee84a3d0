import type { EntryView } from '../../../audit/entry-view.js';
import { html, type Html } from '../html.js';
import { ENVIRONMENTS, OUTCOMES, type TimelineQuery } from '../audit-query.js';
import { iso } from './format.js';
import { notice, page, type Viewer } from './layout.js';

// The audit timeline: the server's log, oldest first, filtered on the server (a GET form, so a filtered
// view is a link one can share) and paged by entry number. Commands, names and reasons in it came from
// agents and are rendered inert like everything else.

function select(name: string, label: string, values: readonly string[], chosen?: string): Html {
  return html`<label for="f-${name}">${label}</label>
    <select id="f-${name}" name="${name}">
      <option value="">any</option>
      ${values.map((v) => html`<option value="${v}" ${v === chosen ? html`selected` : ''}>${v}</option>`)}
    </select>`;
}

function timelineFilters(query: TimelineQuery): Html {
  return html`<form method="get" action="/console/audit" class="filters" aria-label="Filter the timeline">
    <label for="f-agent">Agent (or actor)</label>
    <input id="f-agent" name="agent" value="${query.agent ?? ''}" autocomplete="off" />
    ${select('environment', 'Environment', ENVIRONMENTS, query.environment)}
    ${select('outcome', 'Outcome', OUTCOMES, query.outcome)}
    <label for="f-since">From (UTC; or 2h, 7d)</label>
    <input id="f-since" name="since" value="${query.since ?? ''}" placeholder="2026-11-30T09:00" />
    <label for="f-until">Until (UTC; empty: now)</label>
    <input id="f-until" name="until" value="${query.until ?? ''}" placeholder="now" />
    <button type="submit">Filter</button>
    <a href="/console/audit">Clear</a>
  </form>`;
}

function row(v: EntryView): Html {
  const who = v.agent ? `${v.agent.name}${v.human ? ` → ${v.human}` : ''}` : v.actor;
  return html`<tr data-seq="${v.seq}">
    <td>${v.seq}</td>
    <td><time datetime="${iso(v.at)}">${iso(v.at).replace('T', ' ')}</time></td>
    <td>${v.type}</td>
    <td>${who}</td>
    <td class="env-${v.environment ?? 'none'}">${v.environment ?? ''}</td>
    <td>${v.outcome ?? ''}</td>
    <td>
      <code>${v.summary}</code
      >${v.requestId ? html` <a href="/console/requests/${v.requestId}">${v.requestId}</a>` : ''}
    </td>
  </tr>`;
}

/** The query string of the next page: the same filters, from the entry after the last shown. */
function nextLink(query: TimelineQuery, nextSeq: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v && k !== 'from') params.set(k, v);
  params.set('from', String(nextSeq));
  return `/console/audit?${params.toString()}`;
}

export function timelinePage(
  entries: EntryView[],
  query: TimelineQuery,
  viewer: Viewer,
  more: boolean,
  error?: string,
): Html {
  const last = entries[entries.length - 1];
  return page(
    'Audit timeline',
    html`<h1>Audit timeline</h1>
      ${notice('error', error)} ${timelineFilters(query)}
      <table>
        <caption>
          ${entries.length} entries${query.from ? html` from entry ${query.from}` : ''}, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Entry</th>
            <th scope="col">Agent or actor</th>
            <th scope="col">Environment</th>
            <th scope="col">Outcome</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody id="timeline">
          ${
            entries.length
              ? entries.map(row)
              : html`<tr>
                  <td colspan="7">No entry matches these filters.</td>
                </tr>`
          }
        </tbody>
      </table>
      ${more && last ? html`<p><a href="${nextLink(query, last.seq + 1)}" rel="next">Next page</a></p>` : ''}`,
    viewer,
  );
}
