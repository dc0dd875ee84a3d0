import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/app/policies.js';
import type { PolicyRequest } from '../../src/core/decide.js';
import { CedarPolicyEvaluator } from '../../src/policy/engine.js';

// A decision must be a function of its input. Cedar refused a request with a lone surrogate (`\ud800`) in
// any context field, while the verdict memo answered the same request from a field-less key: asked once
// (the refusal fails closed), allowed the next time (found by the decisions fuzzer, seed 9142).

const request = (target: string): PolicyRequest => ({
  principal: { type: 'Agent', id: 'fuzz', actsFor: 'dev' },
  operation: 'create',
  context: {
    kind: 'shell',
    operation: 'create',
    risk: 'none',
    riskLevel: 0,
    destructive: false,
    reversible: true,
    environment: 'non-production',
    tool: 'redirect',
    target,
    category: '',
    effectCount: 1,
    destructiveCount: 0,
    statefulCount: 0,
  },
});

describe('Cedar and lone surrogates', () => {
  it('evaluates a request with a lone surrogate as it evaluates the same text made well-formed', async () => {
    const { evaluator } = await loadPolicies({
      cwd: '/nonexistent-lone-surrogate',
      env: { HOME: '/nonexistent' },
    });
    const cedar = evaluator as CedarPolicyEvaluator;
    const lone = cedar.evaluateUncached(request('/work/\ud800/x'));
    const replaced = cedar.evaluateUncached(request('/work/\ufffd/x'));
    expect(lone.errors).toEqual([]);
    expect(lone.matched.map((p) => p.id)).toEqual(replaced.matched.map((p) => p.id));
    expect(lone.matched.map((p) => p.id)).toEqual(
      cedar.evaluateUncached(request('/work/a/x')).matched.map((p) => p.id),
    );
  });
});
