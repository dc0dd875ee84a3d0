import { z } from 'zod';
import { ServiceError } from '../errors.js';
import { ACTION_IDS, ButtonValue, SlackUserId } from './ids.js';

// What Slack posts when someone clicks a button: `payload=<JSON>` form-encoded, `type: block_actions`.
// Signed by Slack, but every field is still input: the value is checked against the request it names.

const BlockActions = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: SlackUserId }),
  response_url: z.url({ protocol: /^https?$/ }),
  actions: z
    .array(
      z.object({
        action_id: z.enum([ACTION_IDS.approve, ACTION_IDS.deny]),
        value: ButtonValue,
      }),
    )
    .length(1, 'one button per click'),
});

export interface SlackClick {
  slackUser: string;
  vote: 'approve' | 'deny';
  requestId: string;
  digestPrefix: string;
  responseUrl: string;
}

export function parseClick(body: Uint8Array): SlackClick {
  const form = new URLSearchParams(new TextDecoder().decode(body));
  const text = form.get('payload');
  if (text === null)
    throw new ServiceError(
      400,
      'slack-no-payload',
      'the body has no payload= field (Slack interactivity form)',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ServiceError(400, 'slack-bad-json', `payload is not JSON (${(error as Error).message})`);
  }
  const parsed = BlockActions.safeParse(raw);
  if (!parsed.success)
    throw new ServiceError(
      400,
      'slack-bad-payload',
      `not an Interlock button click: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
        .join('; ')}`,
    );
  const p = parsed.data;
  const action = p.actions[0]!;
  return {
    slackUser: p.user.id,
    vote: action.action_id === ACTION_IDS.approve ? 'approve' : 'deny',
    requestId: action.value.requestId,
    digestPrefix: action.value.digestPrefix,
    responseUrl: p.response_url,
  };
}
