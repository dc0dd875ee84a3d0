import type { Principal } from '../core/decide.js';
import { knownReadOnly } from '../core/read-only.js';
import type { PlacedAssessment } from '../core/types.js';
import type { Decision, Outcome } from '../core/types.js';
import type { RequestState } from '../store/types.js';
import type { ActionView, AssessmentView, DecisionBody, DecisionReply, DecisionView } from './api.js';
import { ApprovalClient, ClientError, type ClientOptions } from './http.js';
import type { WireFacts, WireProposal } from './wire.js';
import type { ServerConnection } from './settings.js';

// The agent's side of peer approval. Given a checked action and the facts it was checked with, ask the
// approval server what may happen now: the server applies freezes and the circuit breaker to every action
// that changes something, and for a require-approval decision it creates the request (or finds the one
// for this exact action) and hands out an approved grant exactly once.
//
// Caller: the pipeline's gate stage (src/app/gate.ts), for every entry point. It gets back
// {outcome, requestId, message} and shows `message` to the agent.

export interface GateOptions extends ClientOptions {
  server: ServerConnection;
  /** Wait this long for the approvers (0: answer at once with a deny that says how to retry). */
  waitMs?: number;
  /** How often to ask while waiting (default 1 s, slowing to 5 s). */
  pollMs?: number;
  /** Told once when a request is waiting, so a person watching knows what to do. */
  onPending?: (reply: DecisionReply) => void;
}

export interface GateResult {
  /** What the caller should do now. require-approval never comes back: it becomes allow or deny. */
  outcome: Outcome;
  message: string;
  requestId?: string;
  state?: RequestState;
  /** False when the server was not asked (a read-only action that policy allows). */
  consulted: boolean;
}

/** An evaluated action (src/app/evaluate.ts): what is sent, and what the agent side decided. */
export interface GateInput {
  action: ActionView;
  /** The action and the facts it was assessed with: all the server gets, and what the digest covers. */
  wire: { proposal: WireProposal; facts: WireFacts };
  assessment: AssessmentView;
  decision: Decision;
  principal: Principal;
}

/**
 * Actions known to only read that policy allows need no server; everything else goes through it, so that
 * a freeze stops what Interlock does not recognise too (`python3 job.py`, `./ops.sh`).
 */
export function needsServer(assessment: AssessmentView, decision: Decision): boolean {
  return decision.outcome !== 'allow' || !knownReadOnly(assessment);
}

/** The assessment as the server stores it (placed effects, without analyzer internals): shell or plan. */
export function assessmentView(assessment: PlacedAssessment): AssessmentView {
  return {
    risk: assessment.risk,
    destructive: assessment.destructive,
    environment: assessment.environment,
    environmentHints: assessment.environmentHints.map((h) => ({
      source: h.source,
      value: h.value.slice(0, 4096),
    })),
    effects: assessment.effects.slice(0, 1000).map((e) => ({
      operation: e.operation,
      tool: e.tool.slice(0, 200),
      target: e.target.slice(0, 4000),
      environment: e.environment,
      risk: e.risk,
      reversible: e.reversible,
      reason: e.reason.slice(0, 4000),
      destructive: e.destructive,
      ...(e.category ? { category: e.category } : {}),
    })),
    reasons: assessment.reasons.slice(0, 200),
    readOnly: assessment.readOnly,
  };
}

/** The decision as the server stores it. */
export function decisionView(decision: Decision): DecisionView {
  return {
    outcome: decision.outcome,
    approvals: decision.approvals,
    ...(decision.approverGroup ? { approverGroup: decision.approverGroup } : {}),
    reasons: decision.reasons.slice(0, 200),
    policies: decision.policies.slice(0, 500).map((p) => ({
      id: p.id,
      outcome: p.outcome,
      source: p.source,
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.message ? { message: p.message } : {}),
    })),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Production, or a place nobody recognised: where a failure to reach or use the server must deny. */
export function productionScoped(assessment: AssessmentView, decision: Decision): boolean {
  return (
    decision.outcome === 'require-approval' ||
    assessment.environment !== 'non-production' ||
    assessment.effects.some((e) => e.operation !== 'read' && e.environment !== 'non-production')
  );
}

/** Ask the server about one action; wait for approval when asked to. Never throws for server trouble. */
export async function gate(input: GateInput, options: GateOptions): Promise<GateResult> {
  const local = input.decision.outcome;
  if (!needsServer(input.assessment, input.decision))
    return { outcome: local, message: 'read-only: no approval server needed', consulted: false };
  const client = new ApprovalClient(options.server.url, options.server.token, options);
  const body: DecisionBody = {
    proposal: input.wire.proposal,
    facts: input.wire.facts,
    local: decisionView(input.decision),
    ...(input.principal.type === 'Agent'
      ? {
          agent: {
            ...(input.principal.vendor ? { vendor: input.principal.vendor } : {}),
            ...(input.principal.model ? { model: input.principal.model } : {}),
            ...(input.principal.session ? { session: input.principal.session } : {}),
          },
        }
      : {}),
  };
  try {
    let reply = await client.decide(body);
    if (reply.outcome !== 'pending') return fromReply(reply);
    options.onPending?.(reply);
    const waitMs = options.waitMs ?? 0;
    if (waitMs <= 0) return pendingDeny(reply, input);
    const deadline = Date.now() + waitMs;
    let pause = options.pollMs ?? 1000;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return pendingDeny(reply, input, waitMs);
      await sleep(Math.min(pause, left));
      pause = Math.min(pause * 1.5, 5000);
      const request = await client.getRequest(reply.requestId!);
      if (request.state === 'pending') continue;
      // Decided: the same decision call now consumes an approval, or reports the denial or expiry.
      reply = await client.decide(body);
      if (reply.outcome !== 'pending') return fromReply(reply);
      // Expired or cancelled and a new request was made: keep waiting for that one.
    }
  } catch (error) {
    const why = error instanceof ClientError || error instanceof Error ? error.message : String(error);
    if (productionScoped(input.assessment, input.decision))
      return {
        outcome: 'deny',
        consulted: false,
        message: `Interlock could not ask the approval server (${why}), so this production-scoped action is denied (failing closed). Tell the user; retry when the server is reachable.`,
      };
    return {
      outcome: local === 'require-approval' ? 'deny' : local,
      consulted: false,
      message: `the approval server could not be asked (${why}); the local decision stands`,
    };
  }
}

function fromReply(reply: DecisionReply): GateResult {
  const outcome: Outcome = reply.outcome === 'pending' ? 'deny' : reply.outcome;
  return {
    outcome,
    message: reply.message,
    consulted: true,
    ...(reply.requestId ? { requestId: reply.requestId } : {}),
    ...(reply.state ? { state: reply.state } : {}),
  };
}

function pendingDeny(reply: DecisionReply, input: GateInput, waitedMs?: number): GateResult {
  const id = reply.requestId!;
  const a = reply.approvals;
  const needs = a
    ? `${a.required} approval${a.required === 1 ? '' : 's'}${a.group ? ` from ${a.group}` : ''} (${a.given} so far)`
    : 'approval';
  const expires = reply.expiresAt
    ? new Date(reply.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z')
    : undefined;
  const what = input.action.kind === 'shell' ? 'command' : 'action';
  const waited = waitedMs ? `Waited ${Math.round(waitedMs / 1000)} s; it is still pending. ` : '';
  return {
    outcome: 'deny',
    requestId: id,
    state: 'pending',
    consulted: true,
    message:
      `Interlock: this ${what} needs peer approval: ${needs}. ${waited}Approval request ${id} is waiting${expires ? ` (it expires at ${expires})` : ''}. ` +
      `Do not run it now and do not work around it. Tell the user that an approver must review it (\`interlock approvals show ${id}\`, then \`interlock approvals approve ${id}\`). ` +
      `Once it is approved, retry exactly the same ${what} from the same directory: it will be allowed once. A changed ${what} is a new request.`,
  };
}
