import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Rolling a deployment back, or scaling one to zero to pause it, is routine in dev or staging. In production
// or an unrecognised cluster the change keeps its risk, and scaling a whole namespace down is never routine.
const cases: [string, Outcome][] = [
  ['kubectl rollout undo deploy/api -n staging', 'allow'],
  ['kubectl scale deploy/api --replicas=0 -n dev', 'allow'],
  ['kubectl rollout undo deploy/api -n prod', 'require-approval'],
  ['kubectl rollout undo deploy/api', 'require-approval'],
  ['kubectl scale deploy/api --replicas=0 -n production', 'require-approval'],
  ['kubectl scale deploy/api --replicas=0', 'require-approval'],
  ['kubectl scale deploy --all --replicas=0 -A', 'require-approval'],
  ['kubectl --context kind-kind scale deploy --all --replicas=0', 'ask'],
  ['kubectl scale deploy --all --replicas=0 -n staging', 'ask'],
];

describe('routine kubectl changes outside production', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
