import type { Principal } from '../core/decide.js';
import { outcomeRank, type ActionFacts, type Outcome } from '../core/types.js';
import {
  evaluate,
  type Evaluation,
  type EvaluationOf,
  type PipelineRuntime,
  type Proposal,
} from './evaluate.js';
import { askServer, type GateSettings, type ServerAnswer } from './gate.js';

// One pipeline for every entry point (check, check --batch, explain, plan check, the hooks in process and
// in the daemon): assess → place → decide (evaluate.ts) → gate (the approval server, gate.ts) → record
// (the local audit log). Entry points only translate their input into a Proposal and the Final back out.

/** Whether the local audit log holds this decision. */
export type AuditStatus =
  | { recorded: true }
  | {
      recorded: false;
      /** True when the action is refused because it could not be recorded (production-scoped work). */
      refused: boolean;
      message: string;
    };

/** An evaluation with everything after it: the server's answer, the audit log, and what happens now. */
export type Final<E extends Evaluation = Evaluation> = E & {
  /** The final outcome: the policies' verdict, then the approval server's, then the audit log's. */
  outcome: Outcome;
  server?: ServerAnswer;
  audit: AuditStatus;
};

export interface RunOptions extends Omit<GateSettings, 'config'> {
  /** What took the decision, for the audit log: "check", "plan check", "hook:claude-code"… */
  via: string;
}

/**
 * What happens now. A local deny stands whatever a server says; the server turns require-approval into
 * allow (an approved grant, used once) or deny, and may tighten anything else (a freeze), never loosen it.
 * An action that had to be recorded and was not is denied.
 */
export function finalOutcome(local: Outcome, server: ServerAnswer | undefined, audit: AuditStatus): Outcome {
  if (!audit.recorded && audit.refused) return 'deny';
  if (!server || local === 'deny') return local;
  if (local === 'require-approval') return server.outcome === 'allow' ? 'allow' : 'deny';
  return outcomeRank(server.outcome) > outcomeRank(local) ? server.outcome : local;
}

interface Gated {
  evaluation: Evaluation;
  principal: Principal;
  facts: ActionFacts;
  server?: ServerAnswer;
}

/** An action already evaluated (here, or in a batch's worker thread), and what it was evaluated with. */
export interface Evaluated {
  evaluation: Evaluation;
  principal: Principal;
  facts: ActionFacts;
}

/** The gate's settings: the run's options and the runtime's config (made once for a batch's lines). */
function gateSettings(rt: PipelineRuntime, options: RunOptions): GateSettings {
  return { ...options, ...(rt.config ? { config: rt.config } : {}) };
}

/** Ask the server about an evaluated action: everything but the audit log. */
async function gated(item: Evaluated, settings: GateSettings): Promise<Gated> {
  const server = await askServer(item.evaluation, item.principal, settings);
  return { ...item, ...(server ? { server } : {}) };
}

// Loaded when first needed (a one-shot command that records nothing never loads it), then kept: resolving a
// dynamic import again costs the daemon a module-map lookup on every call.
let localAuditModule: Promise<typeof import('../audit/local.js')> | undefined;
const localAudit = () => (localAuditModule ??= import('../audit/local.js'));

/** Record decisions in one commit and work out each final outcome. */
async function recorded(items: readonly Gated[], rt: PipelineRuntime, options: RunOptions): Promise<Final[]> {
  const { recordLocalDecisions, mustRecord, unrecordedMessage } = await localAudit();
  const result = await recordLocalDecisions(
    items.map((i) => ({
      check: i.evaluation,
      principal: i.principal,
      facts: i.facts,
      digest: i.evaluation.binding.digest,
      ...(i.server ? { server: i.server } : {}),
      outcome: finalOutcome(i.evaluation.decision.outcome, i.server, { recorded: true }),
    })),
    { env: options.env, via: options.via, ...(rt.config ? { config: rt.config } : {}) },
  );
  return items.map((i) => {
    const refused = mustRecord(i.evaluation);
    const audit: AuditStatus = result.ok
      ? { recorded: true }
      : { recorded: false, refused, message: unrecordedMessage(result.cause, refused) };
    return {
      ...i.evaluation,
      ...(i.server ? { server: i.server } : {}),
      audit,
      outcome: finalOutcome(i.evaluation.decision.outcome, i.server, audit),
    };
  });
}

/** The whole pipeline for one action. Throws InputError for input that cannot be assessed. */
export async function run<P extends Proposal>(
  proposal: P,
  facts: ActionFacts,
  principal: Principal,
  rt: PipelineRuntime,
  options: RunOptions,
): Promise<Final<EvaluationOf<P>>> {
  const evaluation = await evaluate(proposal, facts, principal, rt);
  const [final] = await recorded(
    [await gated({ evaluation, facts, principal }, gateSettings(rt, options))],
    rt,
    options,
  );
  return final as Final<EvaluationOf<P>>;
}

/**
 * Many actions (check --batch), evaluated in order, here or in worker threads: each goes through the
 * same stages after evaluation as in `run`, and the audit log gets one commit for all of them. An action
 * whose evaluation failed keeps its error in its place, and the others go on.
 */
export async function settleMany(
  evaluated: readonly (Evaluated | { error: unknown })[],
  rt: PipelineRuntime,
  options: RunOptions,
): Promise<(Final | { error: unknown })[]> {
  const settings = gateSettings(rt, options);
  const done: (Gated | { error: unknown })[] = [];
  for (const item of evaluated) {
    if ('error' in item) done.push(item);
    else
      try {
        done.push(await gated(item, settings));
      } catch (error) {
        done.push({ error });
      }
  }
  const ok = done.filter((d): d is Gated => !('error' in d));
  const finals = await recorded(ok, rt, options);
  let next = 0;
  return done.map((d) => ('error' in d ? d : finals[next++]!));
}
