import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadParsers } from '../../src/app/checker.js';
import { faultProblem, faultyChecker } from '../../src/bench/fuzz/fault-target.js';
import { anyText, mangled, placeFacts, shellCommand } from '../../src/bench/fuzz/shell-grammar.js';
import { analyzerPrograms, shellProblem } from '../../src/bench/fuzz/shell-target.js';
import { sharedRuntime } from '../support/runtime.js';
import { DEADLINE_MS, holds, SEED } from './support.js';

// Property-based tests of the shell front end (issue 17): a few hundred inputs with a fixed seed, so a
// failure here is reproducible. `npm run bench fuzz` runs a million per target.

const PROGRAMS = analyzerPrograms();

describe('fuzzing the shell front end', () => {
  it('answers any text: no crash, no hang, the same answer twice, never allow in production on an error', async () => {
    const rt = await sharedRuntime();
    await fc.assert(
      fc.asyncProperty(anyText, placeFacts, (text, place) =>
        holds(shellProblem(rt, text, place, { deadlineMs: DEADLINE_MS })),
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('answers shell-like commands built from the analyzers’ programs, damaged or not', async () => {
    const rt = await sharedRuntime();
    await fc.assert(
      fc.asyncProperty(mangled(shellCommand(PROGRAMS)), placeFacts, (command, place) =>
        holds(shellProblem(rt, command, place, { deadlineMs: DEADLINE_MS })),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('reads generated scripts the command runs the same way', async () => {
    const rt = await sharedRuntime();
    const scripts = shellCommand(PROGRAMS);
    await fc.assert(
      fc.asyncProperty(scripts, placeFacts, (script, place) =>
        holds(shellProblem(rt, 'bash ./ops.sh && make x', place, { deadlineMs: DEADLINE_MS, script })),
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('denies in production whatever internal error an input meets (parser, analyzer, policy)', async () => {
    const rt = await sharedRuntime();
    const faulty = faultyChecker(await loadParsers(), rt.evaluator);
    const fault = fc.record({
      where: fc.constantFrom('parser' as const, 'analyzer' as const, 'policy' as const),
      nth: fc.integer({ min: 1, max: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(mangled(shellCommand(PROGRAMS)), placeFacts, fault, (command, place, f) =>
        holds(faultProblem(faulty, command, place, f)),
      ),
      { seed: SEED, numRuns: 400 },
    );
  });
});
