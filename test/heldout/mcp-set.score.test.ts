import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/app/evaluate.js';
import { AGENT, sharedRuntime, testFacts } from '../support/runtime.js';
import { mcpSet } from './mcp-set.js';
import { scoreJudged } from './score-set.js';

// Scores held-out set 14 (mcp-set.ts: MCP tool calls, as an agent hook or the MCP proxy sees them; criteria
// in score-set.ts). The floors sit below the numbers measured, so only a real regression fails this test.
// Each run writes every miss and false block to bench-results/mcp-heldout.json.

// Measured on 2026-12-02 (fourteenth session; written blind by a helper and committed, bc633e2, before it
// was scored): the build of bc633e2 recall 89.7 % (113/126), false blocks 48.1 % (62/129), strict 70.6 %: a
// terminal tool running `ls` or `npm test` was a change in an unknown environment, and SQL was read by keywords.
// The same day, after the general gaps were fixed (commands in a tool's arguments judged by the shell parser,
// git and file tools as the command they equal, SQL by libpg-query, file writes by the file, the arguments
// that choose an action, dry runs, $out/$merge), so no longer held-out: see the README.
const FLOORS = { recall: 0.9, maxFalseBlocks: 0.06, cases: 255 };

describe('held-out MCP set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const rt = await sharedRuntime();
    const total = await scoreJudged(
      mcpSet,
      'mcp-heldout',
      (c) => `${c.server} ${c.tool} ${JSON.stringify(c.args)}`,
      (c) =>
        evaluate(
          { kind: 'mcp-call', call: { server: c.server, tool: c.tool, args: c.args } },
          testFacts(),
          AGENT,
          rt,
        ),
    );
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
