import { describe, expect, it } from 'vitest';
import { dataSet } from './data-set.js';
import { scoreSet } from './score-set.js';

// Scores held-out set 13 (data-set.ts; criteria in score-set.ts). The floors sit below the numbers
// measured, so only a real regression fails this test. Each run writes every miss and false block to
// bench-results/data-heldout.json.

// Measured on 2026-12-02 (thirteenth session; written blind by a helper and committed, f420adb, before it
// was scored): the build of 2e4610f recall 93.1 % (135/145), false blocks 14.9 % (21/141), strict 89.2 %.
// The same day, after its misses were read and the general gaps behind them fixed (migration rollbacks,
// messages acknowledged or consumed, s3cmd, EXPIRE 0, _reindex, restic unlock --remove-all, computed mongo
// collections; dry runs of az, zfs, wal-g; rolled-back SQL transactions; SQLite files in /tmp), so no longer
// held-out: recall 100 % (145/145), false blocks 9.9 % (14/141), strict 95.1 %.
const FLOORS = { recall: 0.99, maxFalseBlocks: 0.11, cases: 286 };

describe('held-out data set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(dataSet, 'data-heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
