import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../src/store/canonical.js';

// Digests and the audit chain hash canonical JSON: its bytes must never change for the same data.

/** The definition, written the plain way: sorted entries (UTF-16 code units), undefined dropped. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units, drops undefined members and keeps array holes as null', () => {
    const value = { b: [1, undefined, 'x'], a: { d: undefined, c: true }, '\uffff': 1, '😀': 2, f: () => 1 };
    expect(canonicalJson(value)).toBe('{"a":{"c":true},"b":[1,null,"x"],"😀":2,"\uffff":1}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ only: undefined })).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('escapes strings and keys exactly as JSON.stringify does', () => {
    const texts = [
      'plain',
      'a"b',
      'back\\slash',
      'tab\tnew\nline',
      '\u0000\u001f\u007f',
      '\u2028\u2029',
      'lone \ud800 x',
      '\udfff',
      '😀',
      'é',
    ];
    for (const text of texts) {
      expect(canonicalJson(text)).toBe(JSON.stringify(text));
      expect(canonicalJson({ [text]: text })).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
    }
  });

  it('sorts many keys as few: integer-like keys too', () => {
    const keys = Array.from({ length: 40 }, (_, i) => (i % 3 ? `k${39 - i}` : String(39 - i)));
    const value = Object.fromEntries(keys.map((k) => [k, 1]));
    expect(canonicalJson(value)).toBe(reference(value));
    const few = { 10: 1, 9: 2, b: 3, a: 4 };
    expect(canonicalJson(few)).toBe('{"10":1,"9":2,"a":4,"b":3}');
  });

  it('gives the same bytes as the definition for any JSON-like value', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string({ unit: 'binary' }),
        fc.array(tie('any')),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('any')),
      ),
    })).any;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), value), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { seed: 17, numRuns: 2000 },
    );
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes of the text, lone surrogates as U+FFFD as before', () => {
    for (const text of ['', 'abc', '😀é', 'lone \ud800 x'])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
