import { ServiceError } from '../errors.js';
import type { ApprovalService } from '../service.js';
import { slackText, voteResult } from './blocks.js';
import { parseClick, type SlackClick } from './payload.js';
import { checkedResponseUrl, ephemeral, postReply, type SlackReply } from './respond.js';
import { verifySlackRequest, type SignedRequest } from './signature.js';
import type { SlackMessageUpdates } from './updates.js';

// POST /slack/actions: an Approve or Deny click. Slack's signature is the only authentication; the Slack
// user acts as the human identity mapped to it (`token create --slack-user`), through the same
// ApprovalService rules as the JSON API. Nothing in the payload names who votes but Slack's user id.

export interface SlackSettings {
  /** The Slack app's signing secret (Basic Information → Signing Secret). Never logged. */
  signingSecret: string;
  /** Origins a response_url may use; default Slack's only. Set by the server's own options (tests). */
  responseOrigins?: readonly string[];
  /** Keeps each clicked message's response_url to replace it on later events (set by startServer). */
  updates?: SlackMessageUpdates;
}

export interface ClickOutcome {
  ok: boolean;
  code: string;
  message: string;
}

interface Context {
  service: ApprovalService;
  slack: SlackSettings;
  now: () => number;
  log?: ((line: string) => void) | undefined;
}

/** Verify, vote, and reply to the response_url in the background (Slack wants its 200 within 3 s). */
export async function handleSlackClick(ctx: Context, request: SignedRequest): Promise<ClickOutcome> {
  verifySlackRequest(ctx.slack.signingSecret, request, ctx.now());
  const click = parseClick(request.body);
  const responseUrl = checkedResponseUrl(click.responseUrl, ctx.slack.responseOrigins);
  const updates = ctx.slack.updates;
  const { outcome, reply } = await vote(ctx.service, click, updates);
  postReply(responseUrl, reply).catch((error: unknown) =>
    ctx.log?.(`slack reply for ${click.requestId} not delivered: ${(error as Error).message}`),
  );
  // A click on the request's own message (even a refused vote, answered to the clicker alone) brings a
  // fresh response_url for it; one naming another action does not.
  if (outcome.code !== 'slack-unknown-request') updates?.remember(click.requestId, responseUrl);
  return outcome;
}

async function vote(
  service: ApprovalService,
  click: SlackClick,
  updates: SlackMessageUpdates | undefined,
): Promise<{ outcome: ClickOutcome; reply: SlackReply }> {
  const refuse = (code: string, message: string) => ({
    outcome: { ok: false, code, message },
    reply: ephemeral(slackText(message)),
  });
  const voter = await service.store.identityBySlackUser(click.slackUser);
  if (!voter)
    return refuse(
      'slack-unmapped',
      `Your Slack user (${click.slackUser}) is not mapped to an Interlock approver, so this click did not count. Ask an admin to run \`interlock token create --human YOUR_NAME --slack-user ${click.slackUser}\` where the approval server runs (a revoked token ends the mapping too).`,
    );
  const request = await service.store.getRequest(click.requestId);
  if (!request || !request.digest.startsWith(click.digestPrefix))
    return refuse(
      'slack-unknown-request',
      `This button names request ${click.requestId}, which does not exist with that action on this server; nothing was voted.`,
    );
  try {
    const via = { via: 'slack' as const, slackUser: click.slackUser };
    updates?.forget(click.requestId); // this click's own reply says the outcome, not its event
    const result =
      click.vote === 'approve'
        ? await service.approve(voter, click.requestId, `approved in Slack (${click.slackUser})`, via)
        : await service.deny(voter, click.requestId, `denied in Slack by ${voter.name}`, via);
    if (!result.counted) return refuse('slack-not-counted', result.message);
    const message = voteResult(result.request, voter.name, click.vote);
    return {
      outcome: { ok: true, code: click.vote === 'approve' ? 'approved' : 'denied', message: result.message },
      reply: { replace_original: true, ...message },
    };
  } catch (error) {
    // The service's refusals (own request, wrong group, no longer pending) go back to the clicker alone.
    if (error instanceof ServiceError) return refuse(error.code, `${voter.name}: ${error.message}`);
    throw error;
  }
}
