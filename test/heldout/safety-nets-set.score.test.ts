import { describe, expect, it } from 'vitest';
import { safetyNetsSet } from './safety-nets-set.js';
import { scoreSet } from './score-set.js';

// Scores held-out set 7 (safety-nets-set.ts; criteria in score-set.ts). The floors sit below the numbers
// measured, so only a real regression fails this test. Each run writes every miss and false block to
// bench-results/safety-nets-heldout.json.
const FLOORS = { recall: 0.5, maxFalseBlocks: 0.1, cases: 270 };

describe('held-out safety-nets set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(safetyNetsSet, 'safety-nets-heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
