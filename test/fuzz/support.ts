import { expect } from 'vitest';

// Shared by the fuzz tests: a fixed seed (a failure is reproducible) and a deadline that only a hang misses.

export const SEED = 17;
/** A hang, not a slow machine: one input takes milliseconds here. */
export const DEADLINE_MS = 5_000;

/** The property holds when the target finds nothing wrong; fast-check then shrinks the input that failed. */
export async function holds(problem: Promise<string | undefined>): Promise<void> {
  expect(await problem).toBeUndefined();
}
