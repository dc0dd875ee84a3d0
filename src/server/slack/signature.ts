import { createHmac, timingSafeEqual } from 'node:crypto';
import { ServiceError } from '../errors.js';

// Slack signs every interactivity request: X-Slack-Signature is `v0=` + hex HMAC-SHA256, keyed with the
// app's signing secret, of `v0:{X-Slack-Request-Timestamp}:{raw body}`. The timestamp bounds replays.

/** Slack's own limit: a request more than five minutes old (or ahead) is refused. */
const MAX_SKEW_SECONDS = 5 * 60;

export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  body: Uint8Array;
}

export function slackSignature(secret: string, timestamp: string, body: Uint8Array | string): string {
  const mac = createHmac('sha256', secret);
  mac.update(`v0:${timestamp}:`);
  mac.update(body);
  return `v0=${mac.digest('hex')}`;
}

/** Throws a 401 that says what was wrong unless Slack signed this exact body, recently. */
export function verifySlackRequest(secret: string, request: SignedRequest, nowMs: number): void {
  const { timestamp, signature } = request;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp))
    throw new ServiceError(
      401,
      'slack-no-timestamp',
      'X-Slack-Request-Timestamp is missing or not a number of seconds; only Slack may call /slack/actions',
    );
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > MAX_SKEW_SECONDS)
    throw new ServiceError(
      401,
      'slack-stale',
      `X-Slack-Request-Timestamp is ${Math.round(skew)} s from the server's clock (limit ${MAX_SKEW_SECONDS} s): a replayed request, or a clock to set right (NTP)`,
    );
  if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature))
    throw new ServiceError(401, 'slack-no-signature', 'X-Slack-Signature is missing or not v0=<hex>');
  const expected = Buffer.from(slackSignature(secret, timestamp, request.body));
  if (!timingSafeEqual(expected, Buffer.from(signature)))
    throw new ServiceError(
      401,
      'slack-bad-signature',
      "X-Slack-Signature does not match this body: the request was altered, or the server's signing secret (INTERLOCK_SLACK_SIGNING_SECRET) is not the Slack app's (Basic Information → Signing Secret)",
    );
}
