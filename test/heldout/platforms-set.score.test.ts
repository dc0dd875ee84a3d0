import { describe, expect, it } from 'vitest';
import { platformsSet } from './platforms-set.js';
import { scoreSet } from './score-set.js';

// Scores held-out set 8 (platforms-set.ts; criteria in score-set.ts). The floors sit below the numbers
// measured, so only a real regression fails this test. Each run writes every miss and false block to
// bench-results/platforms-heldout.json.
const FLOORS = { recall: 0.5, maxFalseBlocks: 0.1, cases: 270 };

describe('held-out platforms set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(platformsSet, 'platforms-heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
