import type { ShellAssessment } from '../assess/shell.js';
import { fileWriteEffects, type SensitiveChange } from '../assess/file-write.js';
import { mcpCommandLines, mcpEffects, mcpShellEffects, sqlIn, type McpCall } from '../assess/mcp-call.js';
import { planView, readInputs, shellView, wireDigest } from '../approvals/digest.js';
import { recordFacts, referencedNames, type FactRecorder } from '../approvals/facts-wire.js';
import type { WireFacts, WireProposal } from '../approvals/wire.js';
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
  type PlacedEffect,
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
  /** The action and the facts it was assessed with, as the approval server receives them. */
  wire: { proposal: WireProposal; facts: WireFacts };
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
  // Every fact the assessment asks for is recorded: the server assesses again from exactly these.
  const recorder = recordFacts(facts);
  switch (proposal.kind) {
    case 'shell':
      return evaluateShell(proposal.command, recorder, principal, rt);
    case 'plan':
      return evaluatePlan(proposal, recorder, principal, rt);
    case 'file-write': {
      const action: FileWriteAction = {
        kind: 'file-write',
        tool: proposal.tool,
        paths: proposal.changes.map((c) => c.file.path),
      };
      const effects = fileWriteEffects(
        proposal.tool,
        proposal.changes,
        recorder.facts,
        placementOf(rt.config),
      );
      const wire: WireProposal = {
        kind: 'file-write',
        tool: proposal.tool,
        changes: proposal.changes.map((c) => ({ ...c.file, change: c.change })),
      };
      return decided(action, summarize(effects), principal, rt, recorder, wire);
    }
    case 'mcp-call': {
      const { call } = proposal;
      const action: McpCallAction = {
        kind: 'mcp-call',
        tool: call.tool,
        ...(call.server ? { server: call.server } : {}),
      };
      const effects = await mcpCallEffects(call, recorder.facts, principal, rt);
      const wire: WireProposal = { kind: 'mcp-call', call: { ...call, args: call.args ?? null } };
      return decided(action, summarize(effects), principal, rt, recorder, wire);
    }
  }
}

/**
 * An MCP call's effects: the shell commands it runs (or does the equivalent of) assessed as commands, in the
 * directory its arguments name; else its SQL, name and arguments (assess/mcp-call.ts).
 */
async function mcpCallEffects(
  call: McpCall,
  facts: ActionFacts,
  principal: Principal,
  rt: PipelineRuntime,
): Promise<PlacedEffect[]> {
  const placement = placementOf(rt.config);
  const lines = mcpCommandLines(call);
  if (!lines.length)
    return mcpEffects(call, facts, placement, sqlIn(call).length ? await sqlParserOf(rt) : undefined);
  if (!rt.checker) throw new Error('the shell parser is not loaded (internal error)');
  const shell: PlacedEffect[] = [];
  for (const line of lines) {
    const where = line.cwd ? { ...facts, cwd: line.cwd } : facts;
    shell.push(...(await rt.checker.check(line.command, where, principal)).assessment.effects);
  }
  return mcpShellEffects(call, lines, shell, placement);
}

async function sqlParserOf(rt: PipelineRuntime) {
  if (!rt.checker) throw new Error('the SQL parser is not loaded (internal error)');
  return rt.checker.sqlParser();
}

/** What the approval server receives, and the digest of it. */
function wired(proposal: WireProposal, recorder: FactRecorder, view: ActionView) {
  const facts = recorder.snapshot();
  return { wire: { proposal, facts }, binding: { view, digest: wireDigest(proposal, facts) } };
}

async function evaluateShell(
  command: string,
  recorder: FactRecorder,
  principal: Principal,
  rt: PipelineRuntime,
): Promise<ShellEvaluation> {
  if (!rt.checker) throw new Error('the shell parser is not loaded (internal error)');
  const { facts } = recorder;
  const check = await rt.checker.check(command, facts, principal);
  // What the command may read, and the variables it names, are bound by content and value.
  if (facts.files) readInputs(check.assessment.inputs, facts.files);
  recorder.bindVariables(referencedNames(command));
  return { ...check, ...wired({ kind: 'shell', command }, recorder, shellView(command, facts)) };
}

async function evaluatePlan(
  proposal: Extract<Proposal, { kind: 'plan' }>,
  recorder: FactRecorder,
  principal: Principal,
  rt: PipelineRuntime,
): Promise<PlanEvaluation> {
  const { checkLoadedPlan } = await import('../plans/check.js');
  const context = {
    facts: recorder.facts,
    placement: placementOf(rt.config),
    ...(proposal.environment ? { environment: proposal.environment } : {}),
    ...(proposal.workspace ? { workspace: proposal.workspace } : {}),
  };
  const plan = checkLoadedPlan(proposal.plan, { context, principal, evaluator: rt.evaluator });
  const kind = plan.assessment.kind;
  const wire: WireProposal = {
    kind: 'plan',
    file: plan.file,
    text: proposal.plan.text,
    ...(proposal.environment ? { environment: proposal.environment } : {}),
    ...(proposal.workspace ? { workspace: proposal.workspace } : {}),
  };
  const view = planView(plan.file, plan.sha256, {
    kind,
    ...(proposal.workspace ? { workspace: proposal.workspace } : {}),
  });
  return {
    action: { kind, file: plan.file, sha256: plan.sha256 },
    assessment: plan.assessment,
    decision: plan.decision,
    ...wired(wire, recorder, view),
    plan,
  };
}

/** File writes and MCP calls: decide the placed effects; the digest covers everything the action names. */
function decided<A extends FileWriteAction | McpCallAction>(
  action: A,
  assessment: PlacedAssessment,
  principal: Principal,
  rt: PipelineRuntime,
  recorder: FactRecorder,
  wire: WireProposal,
): Decided<A, PlacedAssessment> {
  const decision = decide(assessment, action.kind, principal, rt.evaluator);
  const view: ActionView = { kind: action.kind, command: describeAction(action), cwd: recorder.facts.cwd };
  return { action, assessment, decision, ...wired(wire, recorder, view) };
}
