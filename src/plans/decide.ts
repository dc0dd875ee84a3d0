import {
  decide,
  type DetailedDecision,
  type PolicyEvaluator,
  type PolicyRequest,
  type PolicyVerdict,
  type Principal,
} from '../core/decide.js';
import type { PlanAssessment } from './assess.js';

/**
 * A plan can have 100k effects, and one Cedar evaluation costs ~0.2 ms. Effects of one plan differ mostly
 * in their target; when no policy reads `context.target` (a policy can only read it by that name), requests
 * that differ only in the target get the same answer, so they are evaluated once.
 */
export function planEvaluator(evaluator: PolicyEvaluator): PolicyEvaluator {
  const policies = (evaluator as { policies?: readonly { text?: unknown }[] }).policies;
  const readsTarget =
    !Array.isArray(policies) || policies.some((p) => typeof p.text !== 'string' || p.text.includes('target'));
  const cache = new Map<string, PolicyVerdict>();
  return {
    evaluate(request: PolicyRequest): PolicyVerdict {
      const context = readsTarget ? request.context : { ...request.context, target: '' };
      const key = JSON.stringify([request.principal, request.operation, context]);
      let verdict = cache.get(key);
      if (!verdict) {
        verdict = evaluator.evaluate(request);
        if (cache.size < 10_000) cache.set(key, verdict);
      }
      return verdict;
    },
  };
}

/** The policy decision on a plan: every effect is asked about, with the plan's stateful count. */
export function decidePlan(
  assessment: PlanAssessment,
  principal: Principal,
  evaluator: PolicyEvaluator,
): DetailedDecision {
  return decide(assessment, assessment.kind, principal, planEvaluator(evaluator), {
    statefulCount: assessment.blast.statefulCount,
  });
}
