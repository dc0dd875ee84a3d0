import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Deleting a pod (its controller starts another) or a job (to run it again) is routine in dev and staging.
// The same deletion in production, in a cluster nobody recognised, across every namespace or in a system
// namespace keeps its full risk, and so does every other kind in dev.
const cases: [string, Outcome][] = [
  ['kubectl delete pod api-7d9f8b-x2x9k -n dev', 'allow'],
  ['kubectl --context kind-kind delete pod api-0', 'allow'],
  ['kubectl delete pod -l app=api -n staging', 'allow'],
  ['kubectl delete pods --all -n dev', 'allow'],
  ['kubectl delete pod web-0 -n dev --force --grace-period=0', 'allow'],
  ['kubectl delete job migrate-123 -n dev', 'allow'],
  ['kubectl delete pod api-0 -n production', 'require-approval'],
  ['kubectl --context prod-eu delete pod api-0 -n dev', 'require-approval'],
  ['kubectl delete pod api-0', 'require-approval'],
  ['kubectl delete pods -l app=worker -n jobs', 'require-approval'],
  ['kubectl delete job db-migrate -n prod', 'require-approval'],
  ['kubectl delete pods --all -A', 'require-approval'],
  ['kubectl delete pod coredns-0 -n kube-system', 'require-approval'],
  ['kubectl delete ns production', 'require-approval'],
  ['kubectl delete cronjob nightly -n dev', 'ask'],
  ['kubectl delete pvc data-0 -n dev', 'ask'],
  ['kubectl delete deployment api -n dev', 'ask'],
];

describe('routine kubectl deletions outside production', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
