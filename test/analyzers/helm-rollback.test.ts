import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// A rollback is an upgrade to an earlier revision: routine in dev or staging, as an upgrade is. In production
// or an unrecognised cluster it keeps its risk; --force (resources deleted and re-created) asks everywhere.
const cases: [string, Outcome][] = [
  ['helm rollback myapp 3 -n dev --kube-context kind-kind', 'allow'],
  ['helm rollback api -n staging', 'allow'],
  ['helm rollback api 3 -n staging --force', 'ask'],
  ['helm rollback api 12 -n prod', 'require-approval'],
  ['helm rollback api 3', 'require-approval'],
  ['helm --kube-context prod-eu rollback api -n dev', 'require-approval'],
];

describe('helm rollback', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
