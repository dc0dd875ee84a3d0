import { describe, expect, it } from 'vitest';
import type { RequestView } from '../../src/approvals/api.js';
import { renderRequest, renderRequestLine } from '../../src/approvals/view.js';
import type { ServerEvent } from '../../src/server/service.js';
import { WebhookDispatcher } from '../../src/server/webhooks.js';
import { body } from './fixtures.js';

// What an agent sends is shown to people: nothing in it may move the cursor, clear a line, recolour the
// terminal or reorder the text (bidi overrides). Every control is shown as a visible escape.

const HOSTILE = '\x1b[2K\x1b[1Arm -rf /';
/** Any control or format character but the newline and tab this output may hold. */
const hidden = (s: string) => /[\p{Cc}\p{Cf}\u2028\u2029]/u.test(s.replace(/[\n\t]/g, ''));

function hostileRequest(): RequestView {
  const b = body({ command: `${HOSTILE}\nkubectl delete ns prod\x1b[8m` });
  return {
    id: 'req_hostile00000',
    digest: b.digest,
    state: 'pending',
    requester: { kind: 'agent', name: 'claude', tokenId: 'tok_1', actsFor: 'alice' },
    approvalsRequired: 2,
    approvals: [{ approver: 'bob', at: 1, comment: 'ok\x1b]0;pwned\x07' }],
    action: { ...b.action, cwd: '/srv/\u202eprod\u202c', host: 'db\rprod' },
    assessment: {
      ...b.assessment,
      environmentHints: [{ source: 'namespace', value: 'pay\x1b[1Aments' }],
      effects: [{ ...b.assessment.effects[0]!, target: 'ns/\u2066evil\u2069', reason: 'deletes\x1b[2J all' }],
      reasons: [],
    },
    decision: {
      ...b.decision,
      reasons: ['two peers\x1b[1A must approve'],
      policies: [{ id: 'p\u202e1', outcome: 'require-approval', message: 'm\x9b2J' }],
    },
    createdAt: 1,
    expiresAt: 2,
    reason: 'r\x1bc',
  };
}

describe('agent-controlled text in approvals show / list and webhooks', () => {
  it('approvals show: escapes are visible, a multi-line command stays indented under Action', () => {
    const out = renderRequest(hostileRequest(), 10);
    expect(hidden(out)).toBe(false);
    expect(out).toContain('\\x1b[2K\\x1b[1Arm -rf /');
    expect(out).toContain('    \\x1b[2K\\x1b[1Arm -rf /\n    kubectl delete ns prod\\x1b[8m\n');
    expect(out).toContain('cwd /srv/\\u202eprod\\u202c, host db\\rprod');
    expect(out).toContain('ns/\\u2066evil\\u2069');
    expect(out).toContain('ok\\x1b]0;pwned\\x07');
  });

  it('approvals list: one line, escapes visible', () => {
    const line = renderRequestLine(hostileRequest(), 10);
    expect(hidden(line)).toBe(false);
    expect(line).not.toContain('\n');
    expect(line).toContain('\\x1b[2K\\x1b[1Arm -rf /');
  });

  it('webhook payload: escapes visible, and Slack control sequences (<!channel>, links) inert', async () => {
    const sent: string[] = [];
    const hooks = new WebhookDispatcher({
      url: 'http://hooks.invalid/x',
      fetch: (async (_url: string, init: { body: string }) => {
        sent.push(init.body);
        return new Response('ok');
      }) as unknown as typeof fetch,
    });
    const request = hostileRequest();
    request.action.command = `${HOSTILE} <!channel> <https://evil.example|docs> & co`;
    const event: ServerEvent = { type: 'request.created', actor: 'claude', request };
    hooks.send(event);
    for (let i = 0; i < 50 && !sent.length; i++) await new Promise((r) => setTimeout(r, 10));
    hooks.close();
    const payload = JSON.parse(sent[0]!) as { text: string; blocks: { text: { text: string } }[] };
    for (const text of [payload.text, payload.blocks[0]!.text.text]) {
      expect(hidden(text)).toBe(false);
      expect(text).toContain('\\x1b[2K\\x1b[1Arm -rf /');
      expect(text).toContain('&lt;!channel&gt; &lt;https://evil.example|docs&gt; &amp; co');
    }
  });
});
