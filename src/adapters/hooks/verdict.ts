import type { PlacedEffect } from '../../core/types.js';
import type { Decision } from '../../core/types.js';
import { clip, type HookVerdict } from './types.js';

// From a policy decision to what the agent and its user read. Pure.

const VERBS: Record<PlacedEffect['operation'], string> = {
  read: 'read',
  create: 'create',
  modify: 'modify',
  delete: 'delete',
  replace: 'replace',
  'execute-unverifiable': 'run code that cannot be checked first, from',
};

function describeEffect(e: PlacedEffect): string {
  const where = e.environment === 'unknown' ? 'an unrecognised environment' : e.environment;
  return `${VERBS[e.operation]} ${e.target || e.tool} (${e.tool}, ${where}${e.reversible ? '' : ', irreversible'})`;
}

function effectsLine(effects: readonly PlacedEffect[]): string {
  const risky = effects.filter((e) => e.risk !== 'none');
  const shown = risky.slice(0, 3);
  if (!shown.length) return '';
  const more = risky.length - shown.length;
  return `${shown.map(describeEffect).join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** End a reason with a full stop, so the sentences that follow read as sentences. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?\u2026]$/.test(t) ? t : `${t}.`;
}

function approversText(approvals: number | undefined, group: string | undefined): string {
  const n = approvals || 1;
  return `${n} approver${n === 1 ? '' : 's'}${group ? ` from ${group}` : ''}`;
}

/**
 * The verdict for a policy decision. `what` names the action ("this command", "this edit of .env").
 * With no approval server configured, require-approval is an `ask`: the local user confirms, told who
 * should have approved (with a server, the pipeline's gate turns it into a request instead).
 */
export function verdictFromDecision(
  decision: Decision,
  effects: readonly PlacedEffect[],
  what: string,
): HookVerdict {
  const impact = effectsLine(effects);
  const policy = decision.reasons.map(sentence).join(' ');
  const detail = clip(
    `${what[0]!.toUpperCase()}${what.slice(1)}${impact ? ` would ${impact}` : ' was assessed'}. Policy: ${policy}`,
  );
  switch (decision.outcome) {
    case 'allow':
      return {
        outcome: 'allow',
        decided: 'allow',
        userMessage: `Interlock allowed ${what}: nothing destructive found.`,
        agentMessage: `Interlock allowed ${what}.`,
        detail,
      };
    case 'ask':
      return {
        outcome: 'ask',
        decided: 'ask',
        detail,
        userMessage: clip(`Interlock: confirm ${what}? ${detail}`),
        agentMessage: clip(
          `Interlock asked the user to confirm ${what}. ${detail} If the user declines, do not retry it in another form; ask them how to proceed.`,
        ),
      };
    case 'require-approval': {
      const approvers = approversText(decision.approvals, decision.approverGroup);
      const verdict: HookVerdict = {
        outcome: 'ask',
        decided: 'require-approval',
        approvals: decision.approvals,
        detail,
        userMessage: clip(
          `Interlock: ${what} requires approval by ${approvers} before it runs. ${detail} No approval server is configured (INTERLOCK_SERVER_URL), so you are asked instead: confirm only if you may approve it.`,
        ),
        agentMessage: clip(
          `Interlock requires approval by ${approvers} for ${what}; the user was asked to confirm in their place. ${detail} If it is declined, stop and tell the user what needs approval; do not work around it.`,
        ),
      };
      if (decision.approverGroup) verdict.approverGroup = decision.approverGroup;
      return verdict;
    }
    case 'deny':
      return {
        outcome: 'deny',
        decided: 'deny',
        detail,
        userMessage: clip(`Interlock denied ${what}. ${detail}`),
        agentMessage: clip(
          `Interlock denied ${what}. ${detail} Do not retry it in another form; tell the user what you wanted to do and why.`,
        ),
      };
  }
}

/**
 * For agents whose pre-tool hooks cannot ask the user (Gemini CLI, Codex): an `ask` becomes a deny that
 * tells the model to ask the user in the conversation instead. Fails closed: an unsupported "ask" would
 * let the tool run.
 */
export function askAsDeny(verdict: HookVerdict, agentName: string): HookVerdict {
  if (verdict.outcome !== 'ask') return verdict;
  const needs =
    verdict.decided === 'require-approval'
      ? `approval by ${approversText(verdict.approvals, verdict.approverGroup)}`
      : "the user's confirmation";
  const detail = verdict.detail ?? verdict.agentMessage;
  return {
    ...verdict,
    outcome: 'deny',
    userMessage: clip(
      `Interlock blocked this: it needs ${needs}, and ${agentName} hooks cannot ask you. ${detail} Run it yourself if you approve.`,
    ),
    agentMessage: clip(
      `Interlock blocked this: it needs ${needs}, and ${agentName} hooks cannot ask the user. ${detail} Tell the user what you wanted to run and why, and let them run it themselves if they approve.`,
    ),
  };
}
