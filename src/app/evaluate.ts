import type { ShellAssessment } from '../assess/shell.js';
import { fileWriteEffects, type SensitiveChange } from '../assess/file-write.js';
import { mcpEffects, type McpCall } from '../assess/mcp-call.js';
import { actionDigest, planAction, shellAction } from '../approvals/digest.js';
import type { ActionView } from '../approvals/api.js';
import type { LoadedConfig } from '../config/load.js';
import { decide, type DetailedDecision, type Principal } from '../core/decide.js';
import { DEFAULT_PLACEMENT, type Placement } from '../core/place.js';
import { summarize } from '../core/summarize.js';
import {
  describeAction,
  type ActionFacts,
  type FileWriteAction,
  type McpCallAction,
  type PlacedAssessment,
  type PlanAction,
  type ShellAction,
} from '../core/types.js';
import type { PlanAssessment } from '../plans/assess.js';
import type { PlanCheck } from '../plans/check.js';
import type { LoadedPlan } from '../plans/load.js';
import type { Checker, SavedPlan } from './checker.js';
import type { LoadedPolicies } from './policies.js';

// The first half of the pipeline: assess what a proposal does, place every effect (core/place.ts), and ask
// the policies. One function per kind of action; every entry point comes through `evaluate`.

/** What an entry point hands the pipeline, before anything is known about it. */
export type Proposal =
  | { kind: 'shell'; command: string }
  | { kind: 'plan'; plan: LoadedPlan; environment?: string; workspace?: string }
  | { kind: 'file-write'; tool: string; changes: readonly SensitiveChange[] }
  | { kind: 'mcp-call'; call: McpCall };

/** What the pipeline needs loaded: policies always, the shell checker only for shell commands. */
export type PipelineRuntime = LoadedPolicies & { checker?: Checker };

interface Decided<A, S extends PlacedAssessment> {
  action: A;
  assessment: S;
  decision: DetailedDecision;
  /** What an approval binds to: the action as the server shows it, and the digest of everything that matters. */
  binding: { view: ActionView; digest: string };
}

export type ShellEvaluation = Decided<ShellAction, ShellAssessment> & { plans?: SavedPlan[] };
export type PlanEvaluation = Decided<PlanAction, PlanAssessment> & { plan: PlanCheck };
type FileWriteEvaluation = Decided<FileWriteAction, PlacedAssessment>;
type McpCallEvaluation = Decided<McpCallAction, PlacedAssessment>;
export type Evaluation = ShellEvaluation | PlanEvaluation | FileWriteEvaluation | McpCallEvaluation;

/** The configuration's environment patterns and its answer for "unknown". */
export function placementOf(config: LoadedConfig | undefined): Placement {
  if (!config) return DEFAULT_PLACEMENT;
  return {
    patterns: config.patterns,
    unknownAs: config.unknownEnvironment.value === 'non-production' ? 'non-production' : 'unknown',
  };
}

/** The evaluation a proposal of each kind gets. */
export type EvaluationOf<P extends Proposal> = P extends { kind: 'shell' }
  ? ShellEvaluation
  : P extends { kind: 'plan' }
    ? PlanEvaluation
    : P extends { kind: 'file-write' }
      ? FileWriteEvaluation
      : McpCallEvaluation;

/** Assess, place and decide one proposal. Throws InputError for input that cannot be assessed. */
export async function evaluate<P extends Proposal>(
  proposal: P,
  facts: ActionFacts,
  principal: Principal,
  rt: PipelineRuntime,
): Promise<EvaluationOf<P>> {
  return (await evaluateAny(proposal, facts, principal, rt)) as EvaluationOf<P>;
}

async function evaluateAny(
  proposal: Proposal,
  facts: ActionFacts,
  principal: Principal,
  rt: PipelineRuntime,
): Promise<Evaluation> {
  switch (proposal.kind) {
    case 'shell':
      return evaluateShell(proposal.command, facts, principal, rt);
    case 'plan':
      return evaluatePlan(proposal, facts, principal, rt);
    case 'file-write': {
      const action: FileWriteAction = {
        kind: 'file-write',
        tool: proposal.tool,
        paths: proposal.changes.map((c) => c.file.path),
      };
      const effects = fileWriteEffects(proposal.tool, proposal.changes, facts, placementOf(rt.config));
      return decided(action, summarize(effects), principal, rt, facts, { changes: proposal.changes });
    }
    case 'mcp-call': {
      const { call } = proposal;
      const action: McpCallAction = {
        kind: 'mcp-call',
        tool: call.tool,
        ...(call.server ? { server: call.server } : {}),
      };
      const effects = mcpEffects(call, placementOf(rt.config));
      return decided(action, summarize(effects), principal, rt, facts, { args: call.args });
    }
  }
}

async function evaluateShell(
  command: string,
  facts: ActionFacts,
  principal: Principal,
  rt: PipelineRuntime,
): Promise<ShellEvaluation> {
  if (!rt.checker) throw new Error('the shell parser is not loaded (internal error)');
  const check = await rt.checker.check(command, facts, principal);
  const { action: view, digest } = shellAction(command, facts, {
    inputs: check.assessment.inputs,
    ...(check.plans ? { plans: check.plans } : {}),
  });
  return { ...check, binding: { view, digest } };
}

async function evaluatePlan(
  proposal: Extract<Proposal, { kind: 'plan' }>,
  facts: ActionFacts,
  principal: Principal,
  rt: PipelineRuntime,
): Promise<PlanEvaluation> {
  const { checkLoadedPlan } = await import('../plans/check.js');
  const context = {
    facts,
    placement: placementOf(rt.config),
    ...(proposal.environment ? { environment: proposal.environment } : {}),
    ...(proposal.workspace ? { workspace: proposal.workspace } : {}),
  };
  const plan = checkLoadedPlan(proposal.plan, { context, principal, evaluator: rt.evaluator });
  const kind = plan.assessment.kind;
  const binding = planAction(plan.file, plan.sha256, {
    kind,
    ...(proposal.environment ? { environment: proposal.environment } : {}),
    ...(proposal.workspace ? { workspace: proposal.workspace } : {}),
  });
  return {
    action: { kind, file: plan.file, sha256: plan.sha256 },
    assessment: plan.assessment,
    decision: plan.decision,
    binding: { view: binding.action, digest: binding.digest },
    plan,
  };
}

/** File writes and MCP calls: decide the placed effects; the digest covers everything the action names. */
function decided<A extends FileWriteAction | McpCallAction>(
  action: A,
  assessment: PlacedAssessment,
  principal: Principal,
  rt: PipelineRuntime,
  facts: ActionFacts,
  detail: Record<string, unknown>,
): Decided<A, PlacedAssessment> {
  const decision = decide(assessment, action.kind, principal, rt.evaluator);
  const view: ActionView = { kind: action.kind, command: describeAction(action), cwd: facts.cwd };
  const digest = actionDigest({ v: 1, ...action, cwd: facts.cwd, detail });
  return { action, assessment, decision, binding: { view, digest } };
}
