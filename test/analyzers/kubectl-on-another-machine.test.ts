import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// kubectl run on another machine (`ssh bastion kubectl delete ns billing`) acts in that machine's current
// context, not the edge's: it was placed by the edge's dev context and only asked about.

describe('kubectl and helm on another machine', () => {
  it.each([
    'ssh bastion kubectl delete ns billing',
    "ssh bastion 'kubectl delete deploy billing'",
    'ssh bastion helm uninstall billing',
    'ssh bastion kubectl exec deploy/api -- rm -rf /data',
  ])("%s is not placed by this machine's context", async (command) => {
    const r = await check(command, { kubeContext: 'dev-cluster' });
    expect(r.assessment.environment, JSON.stringify(r.assessment.effects)).toBe('unknown');
    expect(r.decision.outcome).toBe('require-approval');
  });

  it('its own --context still places it', async () => {
    const r = await check('ssh bastion kubectl --context prod delete deploy billing', {
      kubeContext: 'dev-cluster',
    });
    expect(r.assessment.environment).toBe('production');
  });

  it("here, the edge's current context places it", async () => {
    const r = await check('kubectl delete deploy billing', { kubeContext: 'dev-cluster' });
    expect(r.assessment.environment).toBe('non-production');
    expect(r.decision.outcome).toBe('ask');
  });
});
