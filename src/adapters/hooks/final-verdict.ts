import type { Final } from '../../app/pipeline.js';
import { clip, PASS_VERDICT, type HookVerdict } from './types.js';
import { verdictFromDecision } from './verdict.js';

// From a final result of the pipeline (policies, approval server, audit log) to what the agent and its user
// read: shared by the agent hooks and the MCP proxy. Pure.

/** A change (not a read) that lands in production or somewhere unknown. */
export function productionScoped(final: Final): boolean {
  const { environment, destructive, effects } = final.assessment;
  return environment !== 'non-production' && (destructive || effects.some((e) => e.operation !== 'read'));
}

/**
 * What the agent and its user read of a final result. The audit log's refusal and the approval server's
 * answer come first when they changed the policies' verdict: with a server, require-approval becomes a
 * request the agent is told to wait for (the identical retry after approval is allowed once).
 */
export function finalVerdict(final: Final, what: string): HookVerdict {
  const local = final.decision.outcome;
  if (!final.audit.recorded && final.audit.refused) {
    const { message } = final.audit;
    return {
      outcome: 'deny',
      decided: local,
      userMessage: clip(`Interlock blocked this call: ${message}`),
      agentMessage: clip(
        `Interlock could not record this production-scoped action in its audit log, so it was blocked (${message}). Tell the user; do not work around it.`,
      ),
    };
  }
  const server = final.server;
  if (!server || final.outcome === local) {
    const verdict = verdictFromDecision(final.decision, final.assessment.effects, what);
    // Allow only where a policy of the user's or the team's says so: the built-in packs' "harmless" is no
    // opinion, so the agent's own permission rules (which an allow would skip in Claude Code) still apply.
    return verdict.outcome === 'allow' && !explicitAllow(final)
      ? {
          ...PASS_VERDICT(`Interlock found nothing to hold in ${what}; the agent's own permissions apply.`),
          decided: 'allow',
        }
      : verdict;
  }
  const outcome = final.outcome === 'require-approval' ? 'deny' : final.outcome;
  return {
    outcome,
    decided: local,
    userMessage: clip(`Interlock approval server: ${server.message}`),
    agentMessage: clip(
      outcome === 'allow'
        ? `Approved by peers on the Interlock server: ${server.message}`
        : server.requestId
          ? `${server.message} Do not try another form of this command; wait for the approvers, then retry exactly the same command.`
          : server.message,
    ),
  };
}

/** An allow that a policy outside the built-in packs gave explicitly. */
function explicitAllow(final: Final): boolean {
  return final.decision.policies.some((p) => p.outcome === 'allow' && !p.source.startsWith('pack:'));
}
