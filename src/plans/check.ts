import type { DetailedDecision, PolicyEvaluator, Principal } from '../core/decide.js';
import { assessPlan, type PlanAssessment, type PlanContext } from './assess.js';
import { decidePlan } from './decide.js';
import { loadPlanFile, type LoadedPlan, type LoadOptions, type PlanTool } from './load.js';
import type { ParsedPlan } from './types.js';

/** A plan file, assessed and decided. */
export interface PlanCheck {
  file: string;
  sha256: string;
  bytes: number;
  convertedBy?: PlanTool;
  assessment: PlanAssessment;
  decision: DetailedDecision;
}

export function checkParsedPlan(
  plan: ParsedPlan,
  context: PlanContext,
  principal: Principal,
  evaluator: PolicyEvaluator,
): { assessment: PlanAssessment; decision: DetailedDecision } {
  const assessment = assessPlan(plan, context);
  return { assessment, decision: decidePlan(assessment, principal, evaluator) };
}

/** Read, assess and decide a plan file. Throws InputError for a file that is not a readable plan. */
export async function checkPlanFile(
  file: string,
  options: LoadOptions & { context?: PlanContext; principal: Principal; evaluator: PolicyEvaluator },
): Promise<PlanCheck> {
  return checkLoadedPlan(await loadPlanFile(file, options), options);
}

export function checkLoadedPlan(
  loaded: LoadedPlan,
  options: { context?: PlanContext; principal: Principal; evaluator: PolicyEvaluator },
): PlanCheck {
  const { assessment, decision } = checkParsedPlan(
    loaded.plan,
    options.context ?? {},
    options.principal,
    options.evaluator,
  );
  const result: PlanCheck = {
    file: loaded.path,
    sha256: loaded.sha256,
    bytes: loaded.bytes,
    assessment,
    decision,
  };
  if (loaded.convertedBy) result.convertedBy = loaded.convertedBy;
  return result;
}
