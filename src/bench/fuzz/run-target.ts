import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { problemOfError } from './verdicts.js';
import type { Watchdog } from './watchdog.js';

// One stretch of one fuzz target in this process: `runs` inputs from `seed`, every failure counted (the
// property never fails, so fast-check neither stops nor shrinks), the shortest failing inputs kept.

const EXAMPLES_KEPT = 5;

export interface Failure {
  input: string;
  problem: string;
}

export interface ChunkResult {
  runs: number;
  seconds: number;
  failures: number;
  /** The shortest failing inputs, with what was wrong. */
  examples: Failure[];
}

export type Check<T> = (input: T) => Promise<string | undefined>;

/** Keep the `EXAMPLES_KEPT` shortest failures. */
export function keepShortest(examples: Failure[]): Failure[] {
  return examples.sort((a, b) => a.input.length - b.input.length).slice(0, EXAMPLES_KEPT);
}

export async function runChunk<T>(
  name: string,
  inputs: fc.Arbitrary<T>,
  check: Check<T>,
  options: { runs: number; seed: number; dog: Watchdog; lastInputFile?: string | undefined },
): Promise<ChunkResult> {
  let examples: Failure[] = [];
  let failures = 0;
  let done = 0;
  const start = performance.now();
  const property = fc.asyncProperty(inputs, async (input) => {
    const shown = fc.stringify(input);
    options.dog.beat(`${name}: ${shown}`);
    // Kept before it runs: what aborts the whole process (a V8 fatal error) is left in the file.
    if (options.lastInputFile) writeFileSync(options.lastInputFile, `${name}: ${shown}\n`);
    // A check that throws is a failure like any other: left to fast-check, it ended the stretch early and
    // was reported as fewer inputs with no failure (a stack overflow in the hooks target, issue 17).
    const problem = await Promise.resolve()
      .then(() => check(input))
      .catch((error: unknown) => `the check threw: ${problemOfError(error)}`);
    done++;
    // A turn of the event loop between inputs, as a daemon or server has between requests: Node runs the
    // native addons' finalizers (tree-sitter's trees) from the event loop, so a chunk that only ever awaits
    // resolved promises frees none of them and its RSS grows by gigabytes (issue 17).
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!problem) return;
    failures++;
    examples = keepShortest([...examples, { input: shown.slice(0, 2_000), problem }]);
  });
  const details = await fc.check(property, { numRuns: options.runs, seed: options.seed });
  if (details.failed) {
    // Whatever still escaped the property (fast-check's own error, the stringify of an input).
    failures++;
    const input = fc.stringify(details.counterexample).slice(0, 2_000);
    examples = keepShortest([
      ...examples,
      { input, problem: `the stretch stopped: ${String(details.errorInstance)}` },
    ]);
  }
  return { runs: done, seconds: (performance.now() - start) / 1000, failures, examples };
}
