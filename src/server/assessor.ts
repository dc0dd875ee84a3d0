import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { changedFile, userInterlockDir } from '../analyzers/sensitive-files.js';
import {
  evaluate,
  type Evaluation,
  type PipelineRuntime,
  type PlanEvaluation,
  type Proposal,
} from '../app/evaluate.js';
import type { ActionView, DecisionInput, DecisionView, DecisionWire } from '../approvals/api.js';
import { assessmentView, decisionView } from '../approvals/client.js';
import { wireDigest } from '../approvals/digest.js';
import { replayFacts } from '../approvals/facts-wire.js';
import type { WireProposal } from '../approvals/wire.js';
import type { Principal } from '../core/decide.js';
import { InputError } from '../core/errors.js';
import { knownReadOnly } from '../core/read-only.js';
import { outcomeRank, type ActionFacts } from '../core/types.js';
import { parsePlanText } from '../plans/load.js';
import { renderPlanMarkdown } from '../plans/render.js';
import type { Identity } from '../store/types.js';
import { ServiceError } from './errors.js';

// The server's own judgement of an action. The agent's side sends the action and the facts it was assessed
// with; the server replays those facts (no disk is touched), runs the same pipeline with its own policies,
// and computes the digest of exactly what it received. Reviewers see this assessment, and a grant binds
// to this digest: a request that describes one action cannot carry the approval of another.
//
// The agent's own decision (`local`) can only make the result stricter: a deny or an ask stays one, and
// its approval count and group raise the server's.

/** Who the policies see: the token's identity (never the body), with the agent's self-description. */
function principalOf(caller: Identity, body: DecisionWire): Principal {
  if (caller.kind === 'human') return { type: 'Human', id: caller.name, groups: caller.groups };
  return {
    type: 'Agent',
    id: caller.name,
    ...(caller.actsFor ? { actsFor: caller.actsFor } : {}),
    ...(body.agent?.vendor ? { vendor: body.agent.vendor } : {}),
    ...(body.agent?.model ? { model: body.agent.model } : {}),
    ...(body.agent?.session ? { session: body.agent.session } : {}),
  };
}

/** The pipeline's proposal for what was sent; a file the server also finds sensitive is judged its way. */
function proposalOf(wire: WireProposal, facts: ActionFacts): Proposal {
  switch (wire.kind) {
    case 'shell':
      return { kind: 'shell', command: wire.command };
    case 'plan': {
      const label = basename(wire.file);
      const plan = {
        path: wire.file,
        sha256: createHash('sha256').update(wire.text, 'utf8').digest('hex'),
        bytes: Buffer.byteLength(wire.text, 'utf8'),
        text: wire.text,
        plan: parsePlanText(wire.text, label),
      };
      return {
        kind: 'plan',
        plan,
        ...(wire.environment ? { environment: wire.environment } : {}),
        ...(wire.workspace ? { workspace: wire.workspace } : {}),
      };
    }
    case 'file-write': {
      const ctx = {
        cwd: facts.cwd,
        home: facts.home,
        userConfigDir: userInterlockDir(facts.env, facts.home),
      };
      const changes = wire.changes.map(({ change, ...claimed }) => ({
        file: changedFile(claimed.path, ctx) ?? claimed,
        change,
      }));
      return { kind: 'file-write', tool: wire.tool, changes };
    }
    case 'mcp-call':
      return {
        kind: 'mcp-call',
        call: {
          tool: wire.call.tool,
          args: wire.call.args,
          ...(wire.call.server ? { server: wire.call.server } : {}),
          ...(wire.call.launch ? { launch: wire.call.launch } : {}),
          ...(wire.call.declares ? { declares: wire.call.declares } : {}),
        },
      };
  }
}

/** The server's decision, made stricter by the agent side's own where that is stricter. */
export function strictest(server: DecisionView, local: DecisionView | undefined): DecisionView {
  if (!local) return server;
  const rank = outcomeRank(local.outcome) - outcomeRank(server.outcome);
  const outcome = rank > 0 ? local.outcome : server.outcome;
  const out: DecisionView = {
    ...server,
    outcome,
    approvals: Math.max(server.approvals, outcome === 'require-approval' ? local.approvals : 0),
  };
  if (rank > 0) {
    // The agent side's policies asked for more: reviewers see that it was their reason, marked as such.
    out.reasons = [...server.reasons, ...local.reasons.map((r) => `the requester's own policies: ${r}`)];
    out.policies = [...server.policies, ...local.policies.map((p) => ({ ...p, id: `requester:${p.id}` }))];
  }
  const group = server.approverGroup ?? (outcome === 'require-approval' ? local.approverGroup : undefined);
  if (group) out.approverGroup = group;
  else delete out.approverGroup;
  return out;
}

/** Evaluations remembered per runtime (a reloaded configuration starts afresh), most recent last. */
const remembered = new WeakMap<PipelineRuntime, Map<string, DecisionInput>>();
const REMEMBERED_MAX = 4096;

/**
 * Assess and decide what the agent's side sent, as the server sees it. The same body from the same
 * principal is the same evaluation (the core is pure and the facts are replayed), so an agent retrying or
 * polling a pending action is answered from memory.
 */
export async function assessOnServer(
  caller: Identity,
  body: DecisionWire,
  runtime: PipelineRuntime,
): Promise<DecisionInput> {
  const digest = wireDigest(body.proposal, body.facts);
  const principal = principalOf(caller, body);
  const key = `${digest}:${JSON.stringify([principal, body.local ?? null])}`;
  let memo = remembered.get(runtime);
  if (!memo) remembered.set(runtime, (memo = new Map()));
  const known = memo.get(key);
  if (known) {
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const input = await assessAfresh(caller, body, runtime, principal, digest);
  if (memo.size >= REMEMBERED_MAX) memo.delete(memo.keys().next().value!);
  memo.set(key, input);
  return input;
}

async function assessAfresh(
  caller: Identity,
  body: DecisionWire,
  runtime: PipelineRuntime,
  principal: Principal,
  digest: string,
): Promise<DecisionInput> {
  const facts = replayFacts(body.facts);
  let evaluation: Evaluation;
  try {
    evaluation = await evaluate(proposalOf(body.proposal, facts), facts, principal, runtime);
  } catch (error) {
    if (error instanceof InputError) throw new ServiceError(400, 'bad-action', error.message);
    throw error;
  }
  const decision = strictest(decisionView(evaluation.decision), body.local);
  const input: DecisionInput = {
    action: 'plan' in evaluation ? withPlanReview(evaluation, decision) : evaluation.binding.view,
    digest,
    assessment: assessmentView(evaluation.assessment),
    decision,
    readOnly: knownReadOnly(evaluation.assessment),
    ...(caller.kind === 'agent' && body.agent ? { agent: body.agent } : {}),
  };
  return input;
}

/** A plan's request keeps the plan as `plan check --format markdown` renders it, with the server's verdict. */
function withPlanReview(evaluation: PlanEvaluation, decision: DecisionView): ActionView {
  const check = {
    ...evaluation.plan,
    decision: { ...evaluation.plan.decision, outcome: decision.outcome, reasons: decision.reasons },
  };
  return { ...evaluation.binding.view, planReview: renderPlanMarkdown(check).slice(0, 200_000) };
}
