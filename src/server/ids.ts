import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case: no i, l, o, u

/** A random id like `req_7k2m9qx4ht1c`: short enough to type, 60 bits so collisions do not happen. */
export function newId(prefix: string, length = 12): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${prefix}_${out}`;
}

export const RequestId = z.string().regex(/^req_[0-9a-z]{6,40}$/, 'a request id looks like req_7k2m9qx4ht1c');
