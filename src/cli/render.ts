import type { Evaluation, ShellEvaluation } from '../app/evaluate.js';
import type { Final } from '../app/pipeline.js';
import { effectJson } from '../core/effect-json.js';
import type { Palette } from '../render/palette.js';

export { paletteFor, PLAIN, type Palette } from '../render/palette.js';
import type { Decision, Outcome, Risk } from '../core/types.js';

const OUTCOME_LABEL: Record<Outcome, string> = {
  allow: 'ALLOW',
  ask: 'ASK',
  'require-approval': 'REQUIRE APPROVAL',
  deny: 'DENY',
};

function riskColour(p: Palette, risk: Risk): (s: string) => string {
  return risk === 'critical' || risk === 'high' ? p.red : risk === 'medium' ? p.yellow : p.dim;
}

function approversText(approvals: number, group: string | undefined): string {
  return `${approvals} approver${approvals === 1 ? '' : 's'}${group ? ` from ${group}` : ''}`;
}

/** The policies' verdict as a label: "REQUIRE APPROVAL (2 approvers from platform)". */
function outcomeLabel(outcome: Outcome, decision: Decision): string {
  return outcome === 'require-approval'
    ? `${OUTCOME_LABEL[outcome]} (${approversText(decision.approvals, decision.approverGroup)})`
    : OUTCOME_LABEL[outcome];
}

/** Why the final outcome is what it is: the audit log's refusal, the server's answer, or the policies. */
export function finalReasons(final: Final): string[] {
  if (!final.audit.recorded && final.audit.refused) return [`audit log: ${final.audit.message}`];
  if (final.server && final.outcome !== final.decision.outcome)
    return [`approval server: ${final.server.message}`];
  return final.decision.reasons;
}

/**
 * Below the final verdict: the policies' own when the server or the audit log changed it, else the server's
 * answer when one was asked. Shared by `check` and `plan check`.
 */
export function verdictNotes(final: Final, p: Palette): string[] {
  const { decision } = final;
  if (final.outcome !== decision.outcome)
    return [
      `${p.bold('policy:')} ${outcomeLabel(decision.outcome, decision)}`,
      ...(decision.outcome === 'allow' ? [] : decision.reasons.map((r) => `  ${r}`)),
    ];
  return final.server ? [`${p.bold('approval server:')} ${final.server.message}`] : [];
}

/**
 * The result for a person: the final verdict first (it is what the exit code says), then what would be
 * destroyed, where, and why; when the server or the audit log changed the verdict, the policies' own.
 */
export function renderCheck(final: Final<ShellEvaluation>, p: Palette): string {
  const { assessment, decision, outcome } = final;
  const outcomeColour = outcome === 'allow' ? p.green : outcome === 'ask' ? p.yellow : p.red;
  const lines = [
    `${p.bold(outcomeColour(outcomeLabel(outcome, decision)))}  risk ${riskColour(p, assessment.risk)(assessment.risk)}, environment ${assessment.environment}`,
  ];
  const shown = assessment.effects.filter((e) => e.risk !== 'none');
  if (shown.length === 0) lines.push(p.dim('  nothing destructive found'));
  for (const e of shown) {
    const where = e.environment === 'unknown' ? 'environment unknown' : e.environment;
    lines.push(
      `  ${riskColour(p, e.risk)(e.risk.padEnd(8))} ${e.operation.padEnd(10)} ${e.tool}: ${e.target || '—'}`,
    );
    lines.push(`           ${p.dim(`${e.reason}; ${where}${e.reversible ? '' : ', irreversible'}`)}`);
  }
  if (assessment.environmentHints.length) {
    lines.push(
      p.dim(
        `  environment from: ${assessment.environmentHints.map((h) => `${h.source}=${h.value}`).join(', ')}`,
      ),
    );
  }
  if (outcome !== 'allow' || final.server)
    for (const r of finalReasons(final)) lines.push(`  ${p.bold('why:')} ${r}`);
  for (const line of verdictNotes(final, p)) lines.push(`  ${line}`);
  if (!final.audit.recorded && !final.audit.refused) lines.push(p.dim(`  audit log: ${final.audit.message}`));
  return `${lines.join('\n')}\n`;
}

/** The JSON of one checked action: the assessment and the policies' decision (explain, and before the gate). */
export function evaluationJson(result: Evaluation): {
  action: object;
  assessment: object;
  decision: Record<string, unknown>;
} {
  const { assessment, decision } = result;
  return {
    action: result.action,
    assessment: {
      risk: assessment.risk,
      destructive: assessment.destructive,
      readOnly: assessment.readOnly,
      environment: assessment.environment,
      effects: assessment.effects.map(effectJson),
      reasons: assessment.reasons,
      environmentHints: assessment.environmentHints,
    },
    decision: {
      outcome: decision.outcome,
      approvals: decision.approvals,
      ...(decision.approverGroup ? { approverGroup: decision.approverGroup } : {}),
      reasons: decision.reasons,
      policies: decision.policies.map((p) => p.id),
    },
  };
}

/**
 * The one JSON object of `--json`: `decision.outcome` is the final outcome (what the exit code says);
 * the policies' verdict is `decision.policyOutcome`, the server's answer `server`, the log's `audit`.
 */
export function finalJson(final: Final): object {
  const json = evaluationJson(final);
  return {
    ...json,
    decision: {
      ...json.decision,
      outcome: final.outcome,
      policyOutcome: final.decision.outcome,
      reasons: finalReasons(final),
    },
    ...(final.server ? { server: final.server } : {}),
    audit: final.audit,
  };
}
