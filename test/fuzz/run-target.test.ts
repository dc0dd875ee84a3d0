import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChunk } from '../../src/bench/fuzz/run-target.js';
import type { Watchdog } from '../../src/bench/fuzz/watchdog.js';

// The fuzz bench runs thousands of inputs in one process. Node frees native addons' memory (tree-sitter's
// trees) from finalizers it runs on the event loop, so a stretch that never gives the loop a turn kept every
// tree it parsed: one shell process grew to 4.5 GB (issue 17). Between inputs the loop must turn.

const dog: Watchdog = { beat: () => undefined, stop: () => Promise.resolve() };

describe('a fuzz stretch', () => {
  it('lets the event loop turn between inputs, so native memory is freed as it goes', async () => {
    let queued = 0;
    let ran = 0;
    const behind: number[] = [];
    const result = await runChunk(
      'loop-turns',
      fc.nat(),
      () => {
        behind.push(queued - ran);
        queued++;
        setImmediate(() => ran++);
        return Promise.resolve(undefined);
      },
      { runs: 200, seed: 17, dog },
    );
    expect(result).toMatchObject({ runs: 200, failures: 0 });
    // Whatever an input left for the event loop has run before the next input starts.
    expect(behind.every((n) => n === 0)).toBe(true);
  });

  it('still counts every failure and keeps the shortest', async () => {
    const result = await runChunk(
      'failures',
      fc.string({ maxLength: 20 }),
      (s) => Promise.resolve(s.length % 2 ? 'odd' : undefined),
      { runs: 300, seed: 17, dog },
    );
    expect(result.runs).toBe(300);
    expect(result.failures).toBeGreaterThan(0);
    expect(result.examples.length).toBeLessThanOrEqual(5);
    expect(result.examples.every((e) => e.problem === 'odd')).toBe(true);
  });

  it('counts a check that throws as a failure and goes on to the end of the stretch', async () => {
    const result = await runChunk(
      'throws',
      fc.nat({ max: 9 }),
      (n) =>
        n === 3
          ? Promise.reject(new RangeError('Maximum call stack size exceeded'))
          : Promise.resolve(undefined),
      { runs: 200, seed: 17, dog },
    );
    expect(result.runs).toBe(200);
    expect(result.failures).toBeGreaterThan(0);
    expect(result.examples[0]?.problem).toMatch(/the check threw: crash: RangeError/);
  });
});
