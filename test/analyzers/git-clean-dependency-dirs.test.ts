import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Under directories only package managers and tools fill (node_modules, __pycache__) git clean removes
// nothing anyone wrote, whatever -x says. Anywhere else -x still asks, as does a list with any other path.
const cases: [string, Outcome][] = [
  ['git clean -fdx node_modules/', 'allow'],
  ['git clean -fdx ./node_modules __pycache__/', 'allow'],
  ['git clean -fdx node_modules/ src/', 'ask'],
  ['git clean -xdf build/', 'ask'],
  ['git clean -fdx', 'ask'],
  ['git clean -fdx .', 'ask'],
];

describe('git clean under dependency directories', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
