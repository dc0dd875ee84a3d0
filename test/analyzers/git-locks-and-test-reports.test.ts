import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// A lock file a stopped git command left behind guards nothing once removed: the index or ref beside it is
// untouched. Test runners' report directories are written again on the next run. The rest of .git is history.
const cases: [string, Outcome][] = [
  ['rm -f .git/index.lock', 'allow'],
  ['rm .git/refs/heads/main.lock', 'allow'],
  ['rm -f ../api/.git/index.lock', 'allow'],
  ['rm -rf playwright-report test-results blob-report', 'allow'],
  ['rm -rf htmlcov', 'allow'],
  ['rm -f .git/index', 'ask'],
  ['rm -f .git/*.lock', 'ask'],
  ['rm -rf .git/refs', 'ask'],
  ['rm -rf .git', 'ask'],
  ['rm -rf src/test-data', 'ask'],
];

describe('git lock files and test reports', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
