import { describe, expect, it } from 'vitest';
import { ownSet } from './own-set.js';
import { scoreSet } from './score-set.js';

// Scores the held-out set (see score-set.ts for the criteria). The floors sit below the numbers measured
// when the set was written (see the README's "Measured"), so only a real regression fails this test. Each
// run writes every miss and false block to bench-results/heldout.json.

// Measured on 2026-11-30 (first run): recall 67.5 %, false blocks 2.1 %, strict 82.4 % of all cases.
const FLOORS = { recall: 0.6, maxFalseBlocks: 0.05, cases: 320 };

describe('held-out set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(ownSet, 'heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
