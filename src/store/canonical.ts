import * as crypto from 'node:crypto';

/**
 * Characters after which a string is not written as it is between quotes: control characters, `"`, `\`
 * and lone surrogates (JSON.stringify escapes all of these; every other string it writes as it is).
 */
// eslint-disable-next-line no-control-regex -- JSON escapes control characters
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A string as JSON.stringify writes it; most need no escape, and then the native call is skipped. */
const quoted = (text: string) => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/** Keys in UTF-16 code unit order: insertion sort for the few keys most objects have, else the default sort. */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined` members dropped.
 * The same data always gives the same bytes, so a hash over it means the same thing on every replica.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('canonical JSON cannot hold NaN or Infinity');
    if (typeof value === 'bigint') return value.toString();
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
    return text;
  }
  // Built by concatenation: every approval digest and audit entry goes through here (check --batch: each line).
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (i) out += ',';
      out += v === undefined ? 'null' : canonicalJson(v);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of sortedKeys(record)) {
    const v = record[key];
    if (v === undefined || typeof v === 'function') continue;
    if (out.length > 1) out += ',';
    out += `${quoted(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** One call where Node has it (20.12 and later): no Hash object per digest. */
const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;

export function sha256Hex(text: string): string {
  return oneShotHash
    ? oneShotHash('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
