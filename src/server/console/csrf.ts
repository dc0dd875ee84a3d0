import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { Session } from './session.js';

// Two checks on every POST: the form's synchronizer token must be its session's, and the browser must not
// say the request came from another site (Origin, Sec-Fetch-Site). SameSite=Strict cookies are a third.

export type CsrfRefusal = { reason: string };

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why this POST is refused, or undefined when it may go on. */
export function csrfRefusal(
  c: Context,
  session: Session | undefined,
  token: string | undefined,
  scheme: 'http' | 'https',
): CsrfRefusal | undefined {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { reason: `the form was sent from another site (Sec-Fetch-Site: ${site})` };
  const origin = c.req.header('origin');
  const host = c.req.header('host');
  // Under Referrer-Policy: no-referrer, Chromium sends `Origin: null` on its own forms; the browser's
  // Sec-Fetch-Site (which no page can set) then vouches for them.
  const vouched = origin === 'null' && site === 'same-origin';
  if (origin !== undefined && !vouched && origin !== `${scheme}://${host}`)
    return { reason: `the form was sent from ${origin}, not from this console` };
  if (!session) return { reason: 'your session has ended' };
  if (!token || !sameToken(token, session.csrf))
    return { reason: 'the form did not carry this session’s anti-forgery token' };
  return undefined;
}
