import type { EffectView, RequestView } from '../../../approvals/api.js';
import { approversNeeded, blastRadius } from '../../../approvals/view.js';
import { html, multiline, type Html } from '../html.js';
import { ago, iso, timeLeft } from './format.js';
import { notice, page, type Viewer } from './layout.js';
import { requesterChain } from './requester.js';

// One request, laid out for a decision in ten seconds: what runs, what it does and where, how much, which
// policy asked, who asks for whom, the votes and the time left; then the approve and deny forms (plain
// HTML: they work without JavaScript). Every string in it came from the agent's side and is rendered inert.

function action(request: RequestView): Html {
  const a = request.action;
  const facts = [
    a.cwd && `cwd ${a.cwd}`,
    a.host && `host ${a.host}`,
    a.kubeContext && `kube context ${a.kubeContext}`,
    a.terraformWorkspace && `terraform workspace ${a.terraformWorkspace}`,
  ].filter((x): x is string => !!x);
  const what =
    a.command !== undefined
      ? html`<pre class="command"><code>${multiline(a.command)}</code></pre>`
      : html`<pre
          class="command"
        ><code>${a.kind} ${a.file ?? ''}${a.sha256 ? ` (sha256 ${a.sha256})` : ''}${a.summary ? multiline(`\n${a.summary}`) : ''}</code></pre>`;
  return html`<section aria-labelledby="action-h">
    <h2 id="action-h">Action (${a.kind})</h2>
    ${what} ${facts.length ? html`<p>${facts.join(', ')}</p>` : ''}
    ${
      a.planReview
        ? html`<h3>The plan, as <code>plan check --format markdown</code> prints it</h3>
            <pre class="plan-review"><code>${multiline(a.planReview)}</code></pre>`
        : ''
    }
  </section>`;
}

function effectRow(e: EffectView): Html {
  return html`<tr>
    <td>${e.operation}</td>
    <td><code>${e.target || '(no target)'}</code></td>
    <td>${e.tool}</td>
    <td class="env-${e.environment}">${e.environment}</td>
    <td class="risk-${e.risk}">${e.risk}</td>
    <td>${e.reversible ? 'yes' : 'no'}</td>
    <td>${e.reason}</td>
  </tr>`;
}

function effects(request: RequestView): Html {
  const { assessment } = request;
  const radius = blastRadius(request);
  const hints = assessment.environmentHints.map((h) => `${h.source}=${h.value}`).join(', ');
  return html`<section aria-labelledby="effects-h">
    <h2 id="effects-h">What it does</h2>
    <p>
      Environment
      <strong class="env-${assessment.environment}">${assessment.environment}</strong
      >${hints ? html` (from ${hints})` : ''}; risk
      <strong class="risk-${assessment.risk}">${assessment.risk}</strong>.
    </p>
    <p>
      Blast radius: ${radius.effects} effects, ${radius.destructive} destructive, ${radius.irreversible}
      irreversible; environments ${radius.environments.join(', ') || '—'}; tools
      ${radius.tools.join(', ') || '—'}${radius.categories.length ? html`; categories ${radius.categories.join(', ')}` : ''}.
    </p>
    <table>
      <caption>
        Every effect
      </caption>
      <thead>
        <tr>
          <th scope="col">Operation</th>
          <th scope="col">Target</th>
          <th scope="col">Tool</th>
          <th scope="col">Environment</th>
          <th scope="col">Risk</th>
          <th scope="col">Reversible</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        ${
          assessment.effects.length
            ? assessment.effects.map(effectRow)
            : html`<tr>
                <td colspan="7">No effect was found.</td>
              </tr>`
        }
      </tbody>
    </table>
    ${
      assessment.reasons.length
        ? html`<ul>
            ${assessment.reasons.map((r) => html`<li>${r}</li>`)}
          </ul>`
        : ''
    }
  </section>`;
}

function policies(request: RequestView): Html {
  const asking = request.decision.policies.filter((p) => !p.outcome || p.outcome === 'require-approval');
  // A reason that only repeats a policy's message is said once.
  const said = asking.map((p) => p.message).filter((m): m is string => !!m);
  return html`<section aria-labelledby="policy-h">
    <h2 id="policy-h">Why approval is needed</h2>
    <ul>
      ${asking.map((p) => html`<li>policy <code>${p.id}</code>${p.message ? html`: ${p.message}` : ''}</li>`)}
      ${request.decision.reasons.filter((r) => !said.some((m) => r.startsWith(m))).map((r) => html`<li>${r}</li>`)}
    </ul>
  </section>`;
}

function votes(request: RequestView, now: number): Html {
  return html`<section aria-labelledby="votes-h">
    <h2 id="votes-h">Votes</h2>
    <p>Needs ${approversNeeded(request)}; ${request.approvals.length} given.</p>
    <ul>
      ${request.approvals.map((v) => html`<li>approved by <strong>${v.approver}</strong>, ${ago(v.at, now)}${v.comment ? html`: “${v.comment}”` : ''}</li>`)}
      ${(request.withdrawn ?? []).map((v) => html`<li>${v.approver}’s approval was withdrawn (token revoked)</li>`)}
    </ul>
    ${request.decidedBy ? html`<p>${request.state} by ${request.decidedBy}${request.reason ? html`: ${request.reason}` : ''}</p>` : ''}
  </section>`;
}

function forms(request: RequestView, csrf: string): Html {
  if (request.state !== 'pending' && request.state !== 'approved') return html``;
  const base = `/console/requests/${request.id}`;
  return html`<section aria-labelledby="decide-h">
    <h2 id="decide-h">Decide</h2>
    ${
      request.state === 'pending'
        ? html`<form method="post" action="${base}/approve">
            <input type="hidden" name="csrf" value="${csrf}" />
            <label for="approve-comment">Comment (optional)</label>
            <textarea id="approve-comment" name="comment" maxlength="2000" rows="2"></textarea>
            <button type="submit" class="approve">Approve</button>
          </form>`
        : ''
    }
    <form method="post" action="${base}/deny">
      <input type="hidden" name="csrf" value="${csrf}" />
      <label for="deny-reason">Reason (required to deny)</label>
      <textarea id="deny-reason" name="reason" maxlength="2000" rows="2" required></textarea>
      <button type="submit" class="deny">Deny</button>
    </form>
  </section>`;
}

export function requestPage(
  request: RequestView,
  viewer: Viewer,
  now: number,
  flash?: { kind: 'ok' | 'error'; text: string },
): Html {
  const open = request.state === 'pending' || request.state === 'approved';
  return page(
    `Request ${request.id}`,
    html`<h1>Request ${request.id} <span class="state state-${request.state}">${request.state}</span></h1>
      ${flash ? notice(flash.kind, flash.text) : ''}
      <p>
        Requested by ${requesterChain(request)}
        ${ago(request.createdAt, now)}${open ? html`; <time datetime="${iso(request.expiresAt)}" title="${iso(request.expiresAt)}">${timeLeft(request.expiresAt, now)}</time>` : ''}.
      </p>
      ${action(request)} ${effects(request)} ${policies(request)} ${votes(request, now)}
      ${forms(request, viewer.csrf)}
      <p class="quiet">digest <code>${request.digest}</code></p>`,
    viewer,
  );
}
