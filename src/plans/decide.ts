import {
  decide,
  type DetailedDecision,
  type EffectDecision,
  type PolicyEvaluator,
  type PolicyRequest,
  type PolicyVerdict,
  type Principal,
} from '../core/decide.js';
import { outcomeRank, type Outcome } from '../core/types.js';
import { unshownReason, UNSHOWN_TARGET, type PlanAssessment } from './assess.js';

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

/**
 * The floor under the decision on a plan that may not show all it does (errored or incomplete): never
 * allow, whatever the policies say. Ask outside production, deny where production may be at stake (an
 * unknown environment counts as production), with the reason said. Pure: returns the decision raised, or
 * the same decision when the plan shows all it does.
 */
export function planFloor(decision: DetailedDecision, assessment: PlanAssessment): DetailedDecision {
  const reason = unshownReason(assessment.plan);
  if (!reason) return decision;
  const unshown = assessment.effects.find(
    (e) => e.operation === 'execute-unverifiable' && e.target === UNSHOWN_TARGET,
  );
  const environment = unshown?.environment ?? assessment.environment;
  const floor: Outcome = environment === 'non-production' ? 'ask' : 'deny';
  const raised = outcomeRank(decision.outcome) < outcomeRank(floor);
  // The effect that stands for what the plan does not show carries the floor and says why.
  const perEffect = decision.perEffect.map((d): EffectDecision => {
    if (d.effect !== unshown) return d;
    if (outcomeRank(d.outcome) < outcomeRank(floor))
      return { effect: d.effect, outcome: floor, approvals: 0, matched: d.matched, reasons: [reason] };
    return d.reasons.includes(reason) ? d : { ...d, reasons: [reason, ...d.reasons] };
  });
  if (!raised) {
    const said = decision.reasons.some((r) => r.includes(reason));
    return { ...decision, reasons: said ? decision.reasons : [...decision.reasons, reason], perEffect };
  }
  return { outcome: floor, approvals: 0, reasons: [reason], policies: decision.policies, perEffect };
}

/**
 * The policy decision on a plan: every effect is asked about, with the plan's stateful count; then the
 * floor of a plan that does not show all it does.
 */
export function decidePlan(
  assessment: PlanAssessment,
  principal: Principal,
  evaluator: PolicyEvaluator,
): DetailedDecision {
  const decision = decide(assessment, assessment.kind, principal, planEvaluator(evaluator), {
    statefulCount: assessment.blast.statefulCount,
  });
  return planFloor(decision, assessment);
}
