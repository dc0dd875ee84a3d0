import type { ShellCheck } from '../app/checker.js';
import type { LoadedConfig } from '../config/load.js';
import { InputError } from '../core/errors.js';
import type { Principal } from '../core/decide.js';
import type { ActionFacts, Outcome } from '../core/types.js';
import { gateShellCheck, needsServer, assessmentView, type GateResult } from './client.js';
import { parseDuration } from './duration.js';
import { serverConnection } from './settings.js';

// What `interlock check` does with an approval server configured: one call, and what to print.

export interface CheckGate {
  outcome: Outcome;
  /** For `--json`: {outcome, message, requestId?, state?}. */
  json: Record<string, unknown>;
  /** For people: lines to print after the assessment. */
  text: string;
}

/** Undefined when no server is configured (the local decision stands). Throws InputError for a bad --wait. */
export async function gateCheck(
  result: ShellCheck,
  facts: ActionFacts,
  principal: Principal,
  options: { wait?: string; env: NodeJS.ProcessEnv; config?: LoadedConfig; log?: (line: string) => void },
): Promise<CheckGate | undefined> {
  const connection = serverConnection(options.env, options.config);
  if (!connection) return undefined;
  let waitMs = 0;
  if (options.wait !== undefined) {
    const parsed = parseDuration(options.wait);
    if (parsed === undefined)
      throw new InputError(`--wait ${options.wait} is not a duration; use e.g. 90s, 5m or 1h`);
    waitMs = parsed;
  }
  let gated: GateResult;
  if ('error' in connection) {
    if (!needsServer(assessmentView(result.assessment), result.decision)) return undefined;
    const production =
      result.assessment.environment !== 'non-production' || result.decision.outcome === 'require-approval';
    gated = {
      outcome: production ? 'deny' : result.decision.outcome,
      consulted: false,
      message: `${connection.error}${production ? '; this production-scoped action is denied until it is fixed' : ''}`,
    };
  } else {
    gated = await gateShellCheck(result, facts, principal, {
      server: connection,
      waitMs,
      onPending: (reply) =>
        waitMs > 0 &&
        options.log?.(
          `interlock: waiting up to ${options.wait} for approval of ${reply.requestId} (${reply.message})`,
        ),
    });
  }
  if (!gated.consulted && gated.outcome === result.decision.outcome && gated.message.startsWith('read-only'))
    return undefined;
  return {
    outcome: gated.outcome,
    json: {
      outcome: gated.outcome,
      message: gated.message,
      ...(gated.requestId ? { requestId: gated.requestId } : {}),
      ...(gated.state ? { state: gated.state } : {}),
    },
    text: `  approval server: ${gated.outcome.toUpperCase()} — ${gated.message}\n`,
  };
}
