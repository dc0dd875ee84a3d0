import type { z } from 'zod';
import type { Identity, Store } from '../store/types.js';
import { badToken, ServiceError } from './errors.js';
import { authenticate } from './tokens.js';

// What every request with a token or a body goes through, whichever HTTP layer read it (Hono's routes, or
// the node:http route of POST /v1/decisions in decision-route.ts): the token, the body's length, its JSON.

export const MAX_BODY_BYTES = 1024 * 1024;
/** A decision may carry a plan's JSON or the scripts a command runs. */
export const MAX_DECISION_BYTES = 64 * 1024 * 1024;

const BEARER = /^Bearer\s+(\S+)$/i;
/** One decoder for every body (stateless between calls; it drops a leading BOM, as a fresh one does). */
const UTF8 = new TextDecoder();

export function describeZod(error: z.ZodError, what = 'body'): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || what}: ${i.message}`)
    .join('; ');
}

/**
 * The caller of a request that needs a token, or a 401 saying how to send one. `confirmedInTransaction`:
 * the request checks `Tx.callerLive` in its transaction (see Store.identityByTokenHash).
 */
export async function callerOf(
  store: Store,
  authorization: string | undefined,
  confirmedInTransaction = false,
): Promise<Identity> {
  const match = BEARER.exec(authorization ?? '');
  if (!match)
    throw new ServiceError(
      401,
      'no-token',
      'send your token as `Authorization: Bearer <token>` (INTERLOCK_TOKEN)',
    );
  const caller = await authenticate(store, match[1]!, confirmedInTransaction);
  if (!caller) throw badToken();
  return caller;
}

/** Bodies must say their length, and stay under the limit (checked before any of the body is read). */
export function checkLength(
  declared: string | undefined,
  transferEncoding: string | undefined,
  limit: number,
): void {
  if (declared === undefined && transferEncoding)
    throw new ServiceError(411, 'no-length', 'send the body with a Content-Length header');
  if (Number(declared ?? 0) > limit) {
    // The rest of the body is never read: the connection must not be used again.
    throw new ServiceError(
      413,
      'too-large',
      `the body is too large (limit ${Math.round(limit / 1024 / 1024)} MiB)`,
      true,
    );
  }
}

/** A body's bytes as text (invalid UTF-8 becomes U+FFFD, as JSON.parse of the text sees it). */
export function bodyText(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/** The body's bytes as JSON, checked against `schema`. */
export function parseJson<S extends z.ZodType>(bytes: Uint8Array, schema: S, optional = false): z.output<S> {
  return parseJsonText(bodyText(bytes), schema, optional);
}

/** A body's text as JSON, checked against `schema`. */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S, optional = false): z.output<S> {
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new ServiceError(400, 'bad-json', `the body is not valid JSON (${(error as Error).message})`);
    }
  } else if (!optional) throw new ServiceError(400, 'no-body', 'this call needs a JSON body');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ServiceError(400, 'bad-body', describeZod(parsed.error));
  return parsed.data;
}
