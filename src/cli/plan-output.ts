import type { PlanEvaluation } from '../app/evaluate.js';
import type { Final } from '../app/pipeline.js';
import type { PlanCheck } from '../plans/check.js';
import { planJson, renderPlanMarkdown, renderPlanText } from '../plans/render.js';
import type { CliIo } from './io.js';
import { finalReasons, paletteFor, PLAIN, verdictNotes } from './render.js';

// `plan check` prints the plan renderers' output with the final outcome in the headline (what the exit
// code says); when the approval server or the audit log changed the policies' verdict, both are shown.

/** The plan check as the renderers see it, with the final outcome and its reasons. */
function withFinalOutcome(final: Final<PlanEvaluation>): PlanCheck {
  return {
    ...final.plan,
    decision: { ...final.plan.decision, outcome: final.outcome, reasons: finalReasons(final) },
  };
}

function policyNote(final: Final<PlanEvaluation>): string {
  const lines = verdictNotes(final, PLAIN);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function finalPlanOutput(
  final: Final<PlanEvaluation>,
  format: 'text' | 'markdown' | 'json',
  io: CliIo,
): string {
  const shown = withFinalOutcome(final);
  if (format === 'json') {
    const json = planJson(shown) as { decision: object };
    return `${JSON.stringify({
      ...json,
      decision: { ...json.decision, policyOutcome: final.decision.outcome },
      ...(final.server ? { server: final.server } : {}),
      audit: final.audit,
    })}\n`;
  }
  if (format === 'markdown') return renderPlanMarkdown(shown) + policyNote(final);
  return renderPlanText(shown, paletteFor(io.stdout, io.env)) + policyNote(final);
}
