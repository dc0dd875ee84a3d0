import type { Block, Inline, Text } from '../../../audit/report/blocks.js';
import { html, type Html } from '../html.js';
import { ENVIRONMENTS, type IncidentQuery } from '../audit-query.js';
import { notice, page, type Viewer } from './layout.js';

// The incident report inside the console: the same blocks `interlock report incident` renders to Markdown
// and HTML, rendered here with the console's own template (every string inert, classes instead of the
// report file's inline styles, so the page fits the console's CSP), with links to download either file.

function inline(i: Inline): Html {
  if (typeof i === 'string') return html`${i}`;
  if ('strong' in i) return html`<strong>${i.strong}</strong>`;
  return html`<code>${i.code}</code>`;
}

const text = (t: Text) => html`${t.map(inline)}`;

function block(b: Block): Html {
  switch (b.kind) {
    case 'h1':
      return html`<h2>${text(b.text)}</h2>`;
    case 'h2':
      return html`<h3>${text(b.text)}</h3>`;
    case 'h3':
      return html`<h4>${text(b.text)}</h4>`;
    case 'p':
      return html`<p class="report-${b.tone ?? 'plain'}">${text(b.text)}</p>`;
    case 'ul':
      return html`<ul>
        ${b.items.map((item) => html`<li>${text(item)}</li>`)}
      </ul>`;
    case 'table':
      return html`<table>
        <thead>
          <tr>
            ${b.head.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${b.rows.map(
            (r) =>
              html`<tr>
                ${r.map((cell) => html`<td>${text(cell)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

function form(query: IncidentQuery): Html {
  return html`<form method="get" action="/console/incidents" class="filters" aria-label="Incident window">
    <label for="i-since">From (UTC; or 2h, 7d)</label>
    <input id="i-since" name="since" value="${query.since ?? ''}" placeholder="24h" required />
    <label for="i-until">Until (UTC; empty: now)</label>
    <input id="i-until" name="until" value="${query.until ?? ''}" placeholder="now" />
    <label for="i-environment">Environment</label>
    <select id="i-environment" name="environment">
      <option value="">any</option>
      ${ENVIRONMENTS.map((v) => html`<option value="${v}" ${v === query.environment ? html`selected` : ''}>${v}</option>`)}
    </select>
    <button type="submit">Show the report</button>
  </form>`;
}

function downloads(query: IncidentQuery): Html {
  const link = (format: 'md' | 'html') => {
    const params = new URLSearchParams();
    for (const k of ['since', 'until', 'environment'] as const) if (query[k]) params.set(k, query[k]);
    params.set('format', format);
    return `/console/incidents/download?${params.toString()}`;
  };
  return html`<p>
    Download: <a href="${link('md')}" download>Markdown</a> ·
    <a href="${link('html')}" download>HTML</a>
  </p>`;
}

export function incidentPage(
  query: IncidentQuery,
  viewer: Viewer,
  report?: readonly Block[],
  error?: string,
): Html {
  return page(
    'Incident report',
    html`<h1>Incident report</h1>
      ${notice('error', error)} ${form(query)}
      ${
        report
          ? html`${downloads(query)}
              <article class="report">${report.map(block)}</article>`
          : ''
      }`,
    viewer,
  );
}
