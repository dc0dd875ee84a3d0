import type { ShellCheck } from '../app/checker.js';
import { effectJson } from '../core/effect-json.js';
import type { Outcome, Risk } from '../core/types.js';

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const COLOURS: Palette = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  bold: wrap(1, 22),
  dim: wrap(2, 22),
};
export const PLAIN: Palette = {
  red: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
  bold: (s) => s,
  dim: (s) => s,
};

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function paletteFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Palette {
  return stream.isTTY && !env.NO_COLOR ? COLOURS : PLAIN;
}

const OUTCOME_LABEL: Record<Outcome, string> = {
  allow: 'ALLOW',
  ask: 'ASK',
  'require-approval': 'REQUIRE APPROVAL',
  deny: 'DENY',
};

function riskColour(p: Palette, risk: Risk): (s: string) => string {
  return risk === 'critical' || risk === 'high' ? p.red : risk === 'medium' ? p.yellow : p.dim;
}

/** The result for a person: the verdict first, then what would be destroyed, where, and why. */
export function renderCheck(result: ShellCheck, p: Palette): string {
  const { assessment, decision } = result;
  const outcomeColour =
    decision.outcome === 'allow' ? p.green : decision.outcome === 'ask' ? p.yellow : p.red;
  let headline = OUTCOME_LABEL[decision.outcome];
  if (decision.outcome === 'require-approval') {
    headline += ` (${decision.approvals} approver${decision.approvals === 1 ? '' : 's'}${decision.approverGroup ? ` from ${decision.approverGroup}` : ''})`;
  }
  const lines = [
    `${p.bold(outcomeColour(headline))}  risk ${riskColour(p, assessment.risk)(assessment.risk)}, environment ${assessment.environment}`,
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
  if (decision.outcome !== 'allow') for (const r of decision.reasons) lines.push(`  ${p.bold('why:')} ${r}`);
  return `${lines.join('\n')}\n`;
}

/** The one JSON object of `--json`: the action, the assessment and the decision. */
export function checkJson(result: ShellCheck): object {
  const { assessment, decision } = result;
  return {
    action: result.action,
    assessment: {
      risk: assessment.risk,
      destructive: assessment.destructive,
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
