import { z } from 'zod';

// Slack's own identifiers, as they appear in interactivity payloads and in `token create --slack-user`.

/** A Slack user id: U… (or W… on Enterprise Grid), upper-case letters and digits. */
export const SlackUserId = z
  .string()
  .regex(
    /^[UW][A-Z0-9]{2,30}$/,
    'a Slack user id looks like U024BE7LH (Slack: profile → ⋮ → Copy member ID)',
  );

/** What a button carries: the request and the start of its digest, so it cannot be replayed on another. */
const BUTTON_DIGEST_CHARS = 16;

export const ButtonValue = z
  .string()
  .regex(/^req_[0-9a-z]{6,40}:[0-9a-f]{16}$/, 'a button value is REQUEST_ID:DIGEST_PREFIX')
  .transform((v) => {
    const [requestId, digestPrefix] = v.split(':') as [string, string];
    return { requestId, digestPrefix };
  });

export const buttonValue = (request: { id: string; digest: string }): string =>
  `${request.id}:${request.digest.slice(0, BUTTON_DIGEST_CHARS)}`;

export const ACTION_IDS = { approve: 'interlock.approve', deny: 'interlock.deny' } as const;
