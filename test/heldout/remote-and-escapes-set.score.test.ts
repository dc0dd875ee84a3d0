import { describe, expect, it } from 'vitest';
import { remoteAndEscapesSet } from './remote-and-escapes-set.js';
import { scoreSet } from './score-set.js';

// Scores held-out set 5 (remote-and-escapes-set.ts; criteria in score-set.ts). The floors sit below the
// numbers measured on the first run, so only a real regression fails this test. Each run writes every miss
// and false block to bench-results/remote-and-escapes-heldout.json.

// Measured on 2026-11-30 (first run, the sixth session's build 590b929): recall 83.3 % (95/114), false blocks
// 5.4 % (6/112), strict 88.9 %; the session's starting build (a34f746): recall 39.5 %, false blocks 4.5 %, strict 67.3 %.
const FLOORS = { recall: 0.8, maxFalseBlocks: 0.08, cases: 220 };

describe('held-out remote-and-escapes set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(remoteAndEscapesSet, 'remote-and-escapes-heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
