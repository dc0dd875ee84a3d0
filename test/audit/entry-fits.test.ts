import { describe, expect, it } from 'vitest';
import { entryFits, entryHash } from '../../src/audit/entry-check.js';
import { buildAuditEntry, GENESIS_HASH } from '../../src/store/audit.js';
import type { AuditTuple } from '../../src/store/types.js';

// The fast path of `audit verify` compares the columns with the hashed body in place, digit by digit:
// it must say yes exactly when the columns are the body's, whatever the numbers look like.

function tuple(seq: number, at: number, type = 'decision', actor = 'claude'): AuditTuple {
  const e = buildAuditEntry({ type, actor, at, data: { x: 1 } }, seq, GENESIS_HASH);
  return [e.seq, e.at, e.type, e.actor, e.body, e.prevHash, e.hash];
}

const fits = (t: AuditTuple, expected = t[0]) => entryFits(t, expected, GENESIS_HASH, entryHash(t[5], t[4]));

describe('entryFits', () => {
  it.each([
    [1, 0],
    [9, 10],
    [10, 1_700_000_000_000],
    [123_456, Number.MAX_SAFE_INTEGER],
    [5, -3],
    [7, 1.5],
  ])('accepts an intact entry (seq %d, at %d)', (seq, at) => {
    expect(fits(tuple(seq, at))).toBe(true);
  });

  it.each([
    [999_999_999_999_999, 999_999_999_999_999],
    [1_000_000_000_000_000, 1_000_000_000_000_001],
    [100, 1e21],
    [11, -0],
  ])('accepts an intact entry around the digits read in place (seq %d, at %d)', (seq, at) => {
    expect(fits(tuple(seq, at))).toBe(true);
  });

  // A body rewritten with its hash recomputed, so that only the columns can tell.
  const rewritten = (t: AuditTuple, from: string, to: string): AuditTuple => {
    const body = t[4].replace(from, to);
    return [t[0], t[1], t[2], t[3], body, t[5], entryHash(t[5], body)];
  };

  it.each([
    ['a leading zero on at', '"at":12,', '"at":012,'],
    ['a leading zero on seq', '"seq":12,', '"seq":012,'],
    ['at with a fraction', '"at":12,', '"at":12.0,'],
    ['seq with a sign', '"seq":12,', '"seq":+12,'],
    ['seq with an exponent', '"seq":12,', '"seq":1.2e1,'],
  ])('refuses a body whose number is not the one JSON writes for the column: %s', (_, from, to) => {
    const t = tuple(12, 12);
    expect(t[4]).toContain(from);
    expect(fits(rewritten(t, from, to))).toBe(false);
  });

  it('accepts names that JSON must escape', () => {
    expect(fits(tuple(3, 5, 'a"b', 'ünï\\cödé'))).toBe(true);
  });

  it.each([
    ['at one digit shorter', (t: AuditTuple): AuditTuple => [t[0], 1, t[2], t[3], t[4], t[5], t[6]]],
    ['at one digit longer', (t: AuditTuple): AuditTuple => [t[0], 120, t[2], t[3], t[4], t[5], t[6]]],
    ['seq a suffix of the body seq', (t: AuditTuple): AuditTuple => [2, t[1], t[2], t[3], t[4], t[5], t[6]]],
    ['another type', (t: AuditTuple): AuditTuple => [t[0], t[1], 'approval', t[3], t[4], t[5], t[6]]],
    ['another actor', (t: AuditTuple): AuditTuple => [t[0], t[1], t[2], 'claudex', t[4], t[5], t[6]]],
  ])('refuses columns that differ from the body: %s', (_, change) => {
    const changed = change(tuple(12, 12));
    expect(fits(changed, changed[0])).toBe(false);
  });

  it('refuses an entry out of place or with another hash', () => {
    const t = tuple(4, 4);
    expect(fits(t, 5)).toBe(false);
    expect(entryFits(t, 4, GENESIS_HASH, '0'.repeat(64))).toBe(false);
    expect(entryFits(t, 4, 'f'.repeat(64), entryHash(t[5], t[4]))).toBe(false);
  });
});
