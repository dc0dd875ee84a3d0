import type { Final } from '../app/pipeline.js';
import type { ServerConnection } from '../approvals/settings.js';
import type { Principal } from '../core/decide.js';
import type { ActionFacts } from '../core/types.js';
import type { LoadedConfig } from '../config/load.js';
import type { Execution } from './execute.js';

// What a brokered command did, linked to its decision by digest (and request): in the local audit log and,
// when the approval server was asked, in the server's. Both say whose credentials it ran with.

export interface ExecutionContext {
  final: Final;
  command: string;
  facts: ActionFacts;
  principal: Principal;
  credentials: string;
  /** The approval server the decision was asked of (the broker's), if any. */
  connection: ServerConnection | null;
  env: NodeJS.ProcessEnv;
  config?: LoadedConfig;
}

/** Problems recording, for stderr; recording never undoes what already ran. */
export async function recordBrokered(ctx: ExecutionContext, run: Execution): Promise<string[]> {
  const outcome = {
    ...(run.exitCode !== undefined ? { exitCode: run.exitCode } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
    durationMs: run.durationMs,
    ...(run.error ? { result: 'failed' as const } : {}),
    credentials: ctx.credentials,
  };
  const requestId = ctx.final.server?.requestId;
  const { recordExecution } = await import('../audit/local.js');
  const local = await recordExecution(
    {
      principal: ctx.principal,
      command: ctx.command,
      facts: ctx.facts,
      digest: ctx.final.binding.digest,
      environment: ctx.final.assessment.environment,
      ...(requestId ? { requestId } : {}),
      ...outcome,
    },
    { env: ctx.env, via: 'run', ...(ctx.config ? { config: ctx.config } : {}) },
  );
  const problems = local.ok ? [] : [`the execution could not be recorded in the local audit log`];
  const server = ctx.final.server?.consulted ? await reportToServer(ctx, requestId, outcome) : undefined;
  return server ? [...problems, server] : problems;
}

async function reportToServer(
  ctx: ExecutionContext,
  requestId: string | undefined,
  outcome: { exitCode?: number; signal?: string; durationMs: number; credentials: string },
): Promise<string | undefined> {
  const { connection } = ctx;
  if (!connection) return undefined;
  const { ApprovalClient } = await import('../approvals/http.js');
  try {
    await new ApprovalClient(connection.url, connection.token).reportExecution({
      digest: ctx.final.binding.digest,
      ...(requestId ? { requestId } : {}),
      ...outcome,
    });
    return undefined;
  } catch (error) {
    return `the approval server did not record the execution (${(error as Error).message})`;
  }
}
