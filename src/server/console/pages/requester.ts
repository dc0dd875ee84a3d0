import type { RequestView } from '../../../approvals/api.js';
import { html, type Html } from '../html.js';

/** Who asked: the agent (and what its side says it runs: vendor, model, session) → the human it acts for. */
export function requesterChain(request: RequestView): Html {
  const r = request.requester;
  const agent = request.action.agent;
  const claims = [agent?.vendor, agent?.model, agent?.session && `session ${agent.session}`].filter(
    (x): x is string => !!x,
  );
  return html`${r.kind}
    <strong>${r.name}</strong
    >${claims.length ? html` <span class="quiet">(${claims.join(', ')})</span>` : ''}${r.actsFor ? html` → acting for <strong>${r.actsFor}</strong>` : ''}`;
}
