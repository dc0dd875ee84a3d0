import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fixturePlans, mutatedPlanText, planProblem } from '../../src/bench/fuzz/plan-target.js';
import { sharedRuntime } from '../support/runtime.js';
import { DEADLINE_MS, holds, SEED } from './support.js';

// Property-based tests of the plan readers (issue 17): the fixture plans, mutated. `npm run bench fuzz`
// runs a million.

describe('fuzzing the plan readers', () => {
  it('parse a mutated plan or refuse it with a message; a production plan that destroys is never allowed', async () => {
    const { evaluator } = await sharedRuntime();
    await fc.assert(
      fc.asyncProperty(mutatedPlanText(fixturePlans()), (text) =>
        holds(planProblem(text, evaluator, DEADLINE_MS)),
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
