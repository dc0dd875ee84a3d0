import { describe, expect, it } from 'vitest';
import { unrecognisedSet } from './unrecognised-set.js';
import { scoreSet } from './score-set.js';

// Scores held-out set 6 (unrecognised-set.ts; criteria in score-set.ts). The floors sit below the
// numbers measured on the first run, so only a real regression fails this test. Each run writes every miss
// and false block to bench-results/unrecognised-heldout.json.

// Measured on 2026-12-01 (seventh session; the set was written blind by a helper and scored once on each
// build before any of its cases was read): the session's starting build (951ba44) recall 71.6 % (96/134), false
// blocks 4.7 % (6/128), strict 83.2 %; the build with that session's analyzers (2627590) recall 87.3 % (117/134),
// false blocks 2.3 % (3/128), strict 92.4 %.
const FLOORS = { recall: 0.84, maxFalseBlocks: 0.05, cases: 260 };

describe('held-out unrecognised-tools set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(unrecognisedSet, 'unrecognised-heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
