// `terraform apply PLANFILE` / `tofu apply PLANFILE`: what the apply does is exactly what the saved plan
// says. The checker hands over the effect the iac analyzer found (category "planned-apply", target = the
// plan path); this reads that plan, assesses it, and returns its effects and the file's SHA-256, which an
// approval binds to (a plan file changed after approval is a different action).

import { basename, isAbsolute, resolve } from 'node:path';
import type { PlacedEffect } from '../core/types.js';
import { DEFAULT_PLACEMENT, placeHints, type Placement } from '../core/place.js';
import type { ActionFacts } from '../core/types.js';
import { assessPlan, planHints, type PlanAssessment, type PlanKind } from '../plans/assess.js';
import { loadPlanFile, parsePlanText, type PlanTool, type Runner } from '../plans/load.js';

export interface PlanApplyInput {
  /** Directory the apply runs in (where `terraform init` ran; `terraform show` runs there). */
  cwd: string;
  /** The plan file as the command names it (relative to cwd, or absolute). */
  planPath: string;
  /** The agent's facts: TF_WORKSPACE / the selected workspace, AWS_PROFILE… place the effects. */
  facts?: Pick<ActionFacts, 'env' | 'terraformWorkspace' | 'readPlan'>;
  /** The program of the apply command; it reads the binary plan (the other one is tried next). */
  tool?: PlanTool;
  placement?: Placement;
  timeoutMs?: number;
  /** Runs `terraform show -json`; tests replace it. */
  run?: Runner;
}

export interface PlanApplyResult {
  /** Absolute path of the plan file. */
  planPath: string;
  /** SHA-256 (hex) of the plan file's bytes, when it could be read. */
  sha256?: string;
  kind: PlanKind;
  /** One effect per resource change of the plan; one unverifiable effect when the plan cannot be read. */
  effects: PlacedEffect[];
  /** Stateful resources the plan destroys or replaces: pass it to decide() as `statefulCount`. */
  statefulCount: number;
  assessment?: PlanAssessment;
  /** Why the plan could not be read (the effects then hold one execute-unverifiable effect). */
  error?: string;
}

/** Read and assess the plan a `terraform apply PLANFILE` would apply. Never throws. */
export async function assessPlanApply(input: PlanApplyInput): Promise<PlanApplyResult> {
  const planPath = isAbsolute(input.planPath) ? input.planPath : resolve(input.cwd, input.planPath);
  const tool = input.tool ?? 'terraform';
  const context = {
    ...(input.facts ? { facts: input.facts } : {}),
    ...(input.placement ? { placement: input.placement } : {}),
  };
  try {
    const read = input.facts?.readPlan
      ? await input.facts.readPlan(planPath, tool)
      : await loadPlanFile(planPath, {
          cwd: input.cwd,
          tool,
          ...(input.facts?.env ? { env: { ...process.env, ...input.facts.env } } : {}),
          ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
          ...(input.run ? { run: input.run } : {}),
        });
    const loaded = { sha256: read.sha256, plan: parsePlanText(read.text, basename(planPath)) };
    const assessment = assessPlan(loaded.plan, context);
    return {
      planPath,
      sha256: loaded.sha256,
      kind: assessment.kind,
      effects: assessment.effects,
      statefulCount: assessment.blast.statefulCount,
      assessment,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hints = planHints(
      {
        format: 'terraform',
        tool,
        changes: [],
        deferred: [],
        driftCount: 0,
        hints: [],
        flags: {},
        notes: [],
      },
      context,
    );
    const verdict = placeHints(hints, false, input.placement ?? DEFAULT_PLACEMENT);
    return {
      planPath,
      kind: 'terraform-plan',
      statefulCount: 0,
      error: message,
      effects: [
        {
          operation: 'execute-unverifiable',
          tool: 'terraform',
          target: planPath,
          reversible: false,
          risk: 'high',
          reason: `the plan file cannot be read, so what this apply does cannot be verified (${message})`,
          category: 'planned-apply',
          hints,
          environment: verdict.environment,
          environmentHints: verdict.because,
          destructive: true,
        },
      ],
    };
  }
}
