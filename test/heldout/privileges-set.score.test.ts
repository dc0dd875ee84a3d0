import { describe, expect, it } from 'vitest';
import { privilegesSet } from './privileges-set.js';
import { scoreSet } from './score-set.js';

// Scores the privileges held-out set (privileges-set.ts; criteria in score-set.ts). The floors sit below the
// numbers measured on the first run, so only a real regression fails this test. Each run writes every miss
// and false block to bench-results/privileges-heldout.json.

// Measured on 2026-11-30 (first run): recall 92.3 % (96/104), false blocks 1.0 % (1/96), strict 95.5 % of
// all 200 cases. The build before the accounts, host-administration, registries and overwrites analyzers
// (3ae36bf): recall 26.0 %, false blocks 1.0 %, strict 61.0 %.
const FLOORS = { recall: 0.87, maxFalseBlocks: 0.04, cases: 200 };

describe('held-out privileges set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(privilegesSet, 'privileges-heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
