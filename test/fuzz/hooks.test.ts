import fc from 'fast-check';
import { describe, it } from 'vitest';
import { agentId, hookProblem, hookStdin } from '../../src/bench/fuzz/hook-target.js';
import { DEADLINE_MS, holds, SEED } from './support.js';

// Property-based tests of the hook envelopes (issue 17): every agent's stdin, well-formed or not.

describe('fuzzing the hook envelopes', () => {
  it('answer any stdin in the agent’s protocol, block what they cannot read, hand commands on as sent', async () => {
    await fc.assert(
      fc.asyncProperty(agentId, hookStdin, (agent, raw) => holds(hookProblem(agent, raw, DEADLINE_MS))),
      { seed: SEED, numRuns: 2_000 },
    );
  });
});
