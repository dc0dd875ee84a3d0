import type { AuditTuple } from '../store/types.js';
import { entryFits, entryHash } from './entry-check.js';
import { KEY_ENTRY_TYPE } from './key-record.js';

// The common case of `audit verify`, an entry that fits and needs nothing else, in a function of its own:
// V8 optimises this small loop quickly and once, where optimising the whole of verifyAuditLog (recompiled
// after each deopt of its rarely taken paths) cost more CPU than the checks themselves.

/** Where the walk stands: the seq the next entry must have and the hash it must link to. */
export interface WalkCursor {
  expected: number;
  /** Undefined for the anchor (the first entry checked after a checkpoint). */
  prev: string | undefined;
}

/**
 * Accepts entries from `page[i]` on while each is in place, links, hashes and matches its columns, has a
 * seq below `stopAt` (the next one that carries a checkpoint, is watched, or is past the end asked for) and
 * is not an `audit.key` entry. Returns the index of the first entry it did not accept: the caller looks at
 * that one with every check and explanation.
 */
export function walkFitting(page: AuditTuple[], i: number, cursor: WalkCursor, stopAt: number): number {
  let expected = cursor.expected;
  let prev = cursor.prev;
  for (; i < page.length; i++) {
    const t = page[i]!;
    const seq = t[0];
    if (seq >= stopAt || t[2] === KEY_ENTRY_TYPE) break;
    if (!entryFits(t, expected, prev, entryHash(t[5], t[4]))) break;
    prev = t[6];
    expected = seq + 1;
  }
  cursor.expected = expected;
  cursor.prev = prev;
  return i;
}

/** The seqs the walk must stop at, ascending, and the next one from a given seq on. */
export class StopPoints {
  private readonly seqs: number[];
  private index = 0;

  constructor(
    seqs: Iterable<number>,
    private readonly to: number,
  ) {
    this.seqs = [...new Set(seqs)].sort((a, b) => a - b);
  }

  /** The first stop at or after `seq` (the walk only moves forward). */
  from(seq: number): number {
    while (this.index < this.seqs.length && this.seqs[this.index]! < seq) this.index++;
    return Math.min(this.seqs[this.index] ?? Number.POSITIVE_INFINITY, this.to + 1);
  }
}
