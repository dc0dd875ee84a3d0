import type { FreezeView, RequestView, StatusReply } from '../../../approvals/api.js';
import { actionLine, approversNeeded } from '../../../approvals/view.js';
import { html, type Html } from '../html.js';
import { ago, iso, timeLeft } from './format.js';
import { notice, page, type Viewer } from './layout.js';
import { requesterChain } from './requester.js';

// The pending list: what waits for a vote, newest first, and the freeze switches. The table body is also
// served alone (/console/fragments/pending) so the page's script can swap it in when an event arrives.

function row(request: RequestView, now: number): Html {
  const command = actionLine(request).replace(/\s+/g, ' ');
  const short = command.length > 120 ? `${command.slice(0, 119)}…` : command;
  return html`<tr data-request="${request.id}">
    <td><a href="/console/requests/${request.id}">${request.id}</a></td>
    <td><code>${short}</code></td>
    <td class="env-${request.assessment.environment}">${request.assessment.environment}</td>
    <td class="risk-${request.assessment.risk}">${request.assessment.risk}</td>
    <td>${requesterChain(request)}</td>
    <td>${request.approvals.length} of ${approversNeeded(request)}</td>
    <td>
      <time datetime="${iso(request.expiresAt)}" title="${iso(request.expiresAt)}"
        >${timeLeft(request.expiresAt, now)}</time
      >
      <span class="quiet">(asked ${ago(request.createdAt, now)})</span>
    </td>
  </tr>`;
}

export function pendingRows(requests: RequestView[], now: number): Html {
  if (!requests.length)
    return html`<tr>
      <td colspan="7">Nothing is waiting for approval.</td>
    </tr>`;
  return html`${requests.map((r) => row(r, now))}`;
}

function freezeLine(label: string, freeze: FreezeView): Html {
  return html`<li>
    ${label} frozen by ${freeze.by} at ${iso(freeze.at)}${freeze.reason ? html`: ${freeze.reason}` : ''}
  </li>`;
}

function freezeForms(status: StatusReply, csrf: string): Html {
  return html`<section aria-labelledby="freeze-h">
    <h2 id="freeze-h">Freeze</h2>
    <ul>
      ${status.frozen ? freezeLine('Every agent is', status.frozen) : html`<li>Interlock is not frozen.</li>`}
      ${status.frozenAgents.map((f) => freezeLine(`Agent ${f.scope.replace(/^agent:/, '')} is`, f))}
    </ul>
    <form method="post" action="/console/freeze" class="freeze">
      <input type="hidden" name="csrf" value="${csrf}" />
      <label for="freeze-agent">Agent (empty: every agent)</label>
      <input id="freeze-agent" name="agent" autocomplete="off" />
      <label for="freeze-reason">Reason</label>
      <input id="freeze-reason" name="reason" autocomplete="off" />
      <button type="submit" name="frozen" value="true">Freeze</button>
      <button type="submit" name="frozen" value="false">Unfreeze</button>
    </form>
  </section>`;
}

export function pendingPage(
  requests: RequestView[],
  status: StatusReply,
  viewer: Viewer,
  now: number,
  flash?: { kind: 'ok' | 'error'; text: string },
): Html {
  return page(
    'Pending requests',
    html`<h1>Pending requests</h1>
      ${flash ? notice(flash.kind, flash.text) : ''}
      <p id="live-state" class="quiet" role="status">This list updates by itself while the page is open.</p>
      <table>
        <caption>
          Requests waiting for approval
        </caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Action</th>
            <th scope="col">Environment</th>
            <th scope="col">Risk</th>
            <th scope="col">Requested by</th>
            <th scope="col">Approvals</th>
            <th scope="col">Time left</th>
          </tr>
        </thead>
        <tbody id="pending" aria-live="polite">
          ${pendingRows(requests, now)}
        </tbody>
      </table>
      ${freezeForms(status, viewer.csrf)}`,
    viewer,
  );
}
