import type { RequestView } from '../../approvals/api.js';
import { actionLine, forPeople, requesterLine } from '../../approvals/view.js';
import { visible } from '../../core/text.js';
import { withoutSecrets } from '../outgoing-text.js';
import { ACTION_IDS, buttonValue } from './ids.js';

// Block Kit pieces shared by the webhook messages and the replies to a click.

/**
 * Text for Slack: control characters and bidi overrides shown as visible escapes (src/core/text.ts), a
 * command's line breaks as `\n`, and &, <, > escaped as Slack asks, so nothing the agent wrote can mention
 * @channel or make a link.
 */
export const slackText = (s: string) =>
  visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type Block =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'actions'; block_id: string; elements: Button[] };

interface Button {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string };
  style: 'primary' | 'danger';
  value: string;
}

export const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** Approve and Deny, each carrying the request id and the start of its digest. */
export function voteButtons(request: { id: string; digest: string }): Block {
  const button = (action_id: string, text: string, style: Button['style']): Button => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text },
    style,
    value: buttonValue(request),
  });
  return {
    type: 'actions',
    block_id: `interlock.vote.${request.id}`,
    elements: [button(ACTION_IDS.approve, 'Approve', 'primary'), button(ACTION_IDS.deny, 'Deny', 'danger')],
  };
}

const code = (s: string) => `\`${s.replace(/`/g, "'").slice(0, 300)}\``;

/** The message after a vote: the outcome, who voted, how many approvals remain; buttons while still pending. */
export function voteResult(
  request: RequestView,
  voter: string,
  vote: 'approve' | 'deny',
): { text: string; blocks: Block[] } {
  const r = forPeople(request);
  const what = `${requesterLine(r)}: ${code(actionLine(r))} in *${r.assessment.environment}*`;
  const given = r.approvals.map((a) => a.approver).join(', ') || 'nobody yet';
  const left = Math.max(0, r.approvalsRequired - r.approvals.length);
  const head =
    vote === 'deny'
      ? `:no_entry: *Denied* (${r.id}) by ${voter}. ${what}.`
      : r.state === 'approved'
        ? `:white_check_mark: *Approved* (${r.id}) by ${given}. ${what}. It may run once.`
        : `:ballot_box_with_check: *Approval counted* (${r.id}) from ${voter}: approved by ${given}, ${left} more needed${r.approverGroup ? ` from ${r.approverGroup}` : ''}. ${what}.`;
  const text = slackText(withoutSecrets(head));
  return { text, blocks: [section(text), ...(r.state === 'pending' ? [voteButtons(r)] : [])] };
}
