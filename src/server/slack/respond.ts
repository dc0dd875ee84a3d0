import { ServiceError } from '../errors.js';
import type { Block } from './blocks.js';

// Replies go to the click's response_url. It arrives in the (signed) payload, yet it is still input: only
// Slack's own host is posted to, so a payload cannot turn the server into a proxy to anywhere else.

const SLACK_RESPONSE_ORIGIN = 'https://hooks.slack.com';

/** The response_url as a URL, refused unless its origin is Slack's (or one the server's options allow). */
export function checkedResponseUrl(url: string, allowedOrigins?: readonly string[]): URL {
  const parsed = new URL(url);
  const allowed = allowedOrigins ?? [SLACK_RESPONSE_ORIGIN];
  if (!allowed.includes(parsed.origin))
    throw new ServiceError(
      400,
      'slack-bad-response-url',
      `response_url must be on ${allowed.join(' or ')}, not ${parsed.origin}; nothing was voted`,
    );
  return parsed;
}

export type SlackReply =
  | { replace_original: true; text: string; blocks: Block[] }
  | { response_type: 'ephemeral'; replace_original: false; text: string };

export const ephemeral = (text: string): SlackReply => ({
  response_type: 'ephemeral',
  replace_original: false,
  text,
});

/** Post a reply once; Slack keeps a response_url for 30 minutes and five uses. */
export async function postReply(url: URL, reply: SlackReply, timeoutMs = 5000): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reply),
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`Slack answered HTTP ${res.status}`);
}
