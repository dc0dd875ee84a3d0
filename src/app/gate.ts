import { serverConnection, type ServerConnection } from '../approvals/settings.js';
import type { RequestState } from '../store/types.js';
import type { Principal } from '../core/decide.js';
import type { Outcome } from '../core/types.js';
import type { LoadedConfig } from '../config/load.js';
import type { Evaluation } from './evaluate.js';

// The pipeline's gate: with an approval server configured (INTERLOCK_SERVER_URL or server.url, and
// INTERLOCK_TOKEN), the server has the last word on every action that changes something: freezes, the
// circuit breaker, and peer approval for require-approval. Without one, the local decision stands.

/** The approval server's answer, as the caller reports it. */
export interface ServerAnswer {
  /** What the server says may happen now (require-approval never comes back: it is allow or deny). */
  outcome: Outcome;
  message: string;
  requestId?: string;
  state?: RequestState;
  /** False when the server could not be asked (the answer then fails closed in production). */
  consulted: boolean;
}

export interface GateSettings {
  env: NodeJS.ProcessEnv;
  config?: LoadedConfig;
  /** Wait this long for the approvers (0: answer at once, with a deny that says how to retry). */
  waitMs?: number;
  /** Told once when a request waits for approvers, so a person watching knows what to do. */
  onPending?: (requestId: string, message: string) => void; /**
   * The server to ask, chosen by the caller instead of the environment and user config (the broker names its
   * own: the agent sets those); null means no server.
   */
  connection?: ServerConnection | null;
}

/** Undefined when no server is configured, or when the action only reads and policy allows it. */
export async function askServer(
  evaluated: Evaluation,
  principal: Principal,
  settings: GateSettings,
): Promise<ServerAnswer | undefined> {
  const connection =
    settings.connection !== undefined
      ? (settings.connection ?? undefined)
      : serverConnection(settings.env, settings.config);
  if (!connection) return undefined;
  // The HTTP client loads only when a server is configured.
  const { assessmentView, gate, needsServer, productionScoped } = await import('../approvals/client.js');
  const assessment = assessmentView(evaluated.assessment);
  if (!needsServer(assessment, evaluated.decision)) return undefined;
  if ('error' in connection) {
    const production = productionScoped(assessment, evaluated.decision);
    return {
      outcome: production ? 'deny' : evaluated.decision.outcome,
      consulted: false,
      message: `${connection.error}${production ? '; this production-scoped action is denied until it is fixed' : ''}`,
    };
  }
  const answer = await gate(
    {
      action: evaluated.binding.view,
      wire: evaluated.wire,
      assessment,
      decision: evaluated.decision,
      principal,
    },
    {
      server: connection,
      waitMs: settings.waitMs ?? 0,
      onPending: (reply) => settings.onPending?.(reply.requestId ?? '', reply.message),
    },
  );
  return {
    outcome: answer.outcome,
    message: answer.message,
    consulted: answer.consulted,
    ...(answer.requestId ? { requestId: answer.requestId } : {}),
    ...(answer.state ? { state: answer.state } : {}),
  };
}
