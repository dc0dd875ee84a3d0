import { createHmac, timingSafeEqual } from 'node:crypto';

export * from './state-file.js';
export { forwardableEnv } from './forwardable-env.js';

// Over HTTP (a port any local process may grab), the daemon signs each answer: an HMAC with the secret of
// the state file over the request's nonce and the body.

export function sign(token: string, nonce: string, body: string): string {
  return createHmac('sha256', token).update(nonce).update('\n').update(body).digest('hex');
}

export function verify(token: string, nonce: string, body: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(sign(token, nonce, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
