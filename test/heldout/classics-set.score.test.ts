import { describe, expect, it } from 'vitest';
import { classicsSet } from './classics-set.js';
import { scoreSet } from './score-set.js';

// Scores held-out set 11 (classics-set.ts; criteria in score-set.ts). The floors sit below the numbers
// measured, so only a real regression fails this test. Each run writes every miss and false block to
// bench-results/classics-heldout.json.

// Measured on 2026-12-02 (twelfth session; written blind by a helper and committed, 36b3c79, before it was
// scored): the build of that commit recall 90.9 % (130/143), false blocks 8.1 % (11/136), strict 91.4 %.
// The same day, after its misses were read and the general gaps behind them fixed (git leases to shared
// branches, submodule deinit, filter-repo --analyze, chmod/chown/setfacl by what they hand out, find -delete by
// its patterns, emptied files, disk tools' reads, mount points, fork loops in interpreters, package managers
// removing themselves), so no longer held-out: recall 98.6 % (141/143), false blocks 0.7 % (1/136), strict 98.9 %.
const FLOORS = { recall: 0.98, maxFalseBlocks: 0.02, cases: 279 };

describe('held-out classics set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const total = await scoreSet(classicsSet, 'classics-heldout');
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
