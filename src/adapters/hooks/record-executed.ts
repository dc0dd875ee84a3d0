import { actionDigest } from '../../approvals/digest.js';
import { serverConnection } from '../../approvals/settings.js';
import { osUser } from '../../audit/actor.js';
import { findHookDecision, type HookDecision } from '../../audit/hook-decision.js';
import { recordExecution } from '../../audit/local.js';
import { openAuditLog } from '../../audit/open.js';
import { defaultLocalDatabase } from '../../audit/paths.js';
import { auditSettings } from '../../audit/settings.js';
import type { Principal } from '../../core/decide.js';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import type { Executed } from './post-tool.js';
import { VENDORS } from './types.js';

// What the agent's post-tool hook saw run, in the local audit log (linked to its pre-tool decision by the
// decision's digest) and, with an approval server configured, in the server's. It ran with the agent's own
// credentials: nothing is named (`credentials` names only the broker's). Never throws; problems are returned
// for stderr, since the post-tool hook never blocks or fails the agent.

/** The approval server gets this long: the agent waits for the hook. */
const SERVER_TIMEOUT_MS = 1500;

export interface RecordContext {
  env: NodeJS.ProcessEnv;
  now: number;
}

function principalOf(x: Executed, env: NodeJS.ProcessEnv): Principal {
  return {
    type: 'Agent',
    id: x.agent,
    vendor: VENDORS[x.agent],
    ...(x.model ? { model: x.model } : {}),
    ...(x.session ? { session: x.session } : {}),
    actsFor: osUser(env),
  };
}

async function decisionOf(x: Executed, ctx: RecordContext): Promise<HookDecision | undefined> {
  const path = defaultLocalDatabase(ctx.env, auditSettings(undefined).database);
  const log = await openAuditLog(path, ctx.env);
  try {
    return await findHookDecision(log, { agent: x.agent, command: x.command, cwd: x.cwd, now: ctx.now });
  } finally {
    await log.close();
  }
}

export async function recordExecuted(x: Executed, ctx: RecordContext): Promise<string[]> {
  const problems: string[] = [];
  const decision = await decisionOf(x, ctx).catch((error: unknown) => {
    problems.push(`the pre-tool decision could not be looked up (${(error as Error).message})`);
    return undefined;
  });
  // Without its decision, the digest of the command and directory alone (what `check` records in tests).
  const digest = decision?.digest ?? actionDigest({ v: 1, kind: 'shell', command: x.command, cwd: x.cwd });
  const durationMs = x.durationMs ?? (decision ? Math.max(0, ctx.now - decision.at) : undefined);
  const outcome = {
    ...(x.exitCode !== undefined ? { exitCode: x.exitCode } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    result: x.result,
  };
  const local = await recordExecution(
    {
      principal: principalOf(x, ctx.env),
      command: x.command,
      cwd: x.cwd,
      digest,
      ...(decision?.environment ? { environment: decision.environment } : {}),
      ...(decision?.requestId ? { requestId: decision.requestId } : {}),
      ...outcome,
    },
    { env: ctx.env, via: `hook:${x.agent}`, now: ctx.now },
  );
  if (!local.ok)
    problems.push(`the execution could not be recorded in the local audit log (${local.message})`);
  const server = await reportToServer(x, ctx, {
    digest,
    ...(decision?.requestId ? { requestId: decision.requestId } : {}),
    ...outcome,
  });
  return server ? [...problems, server] : problems;
}

/** The user's configuration names the server; a broken one leaves only the environment. */
function configOf(cwd: string, env: NodeJS.ProcessEnv): LoadedConfig | undefined {
  try {
    return loadConfig(cwd, env);
  } catch {
    return undefined;
  }
}

async function reportToServer(
  x: Executed,
  ctx: RecordContext,
  body: {
    digest: string;
    requestId?: string;
    exitCode?: number;
    durationMs?: number;
    result: Executed['result'];
  },
): Promise<string | undefined> {
  const connection = serverConnection(ctx.env, configOf(x.cwd, ctx.env));
  if (!connection) return undefined;
  if ('error' in connection) return connection.error;
  const { ApprovalClient } = await import('../../approvals/http.js');
  try {
    await new ApprovalClient(connection.url, connection.token, {
      timeoutMs: SERVER_TIMEOUT_MS,
    }).reportExecution(body);
    return undefined;
  } catch (error) {
    return `the approval server did not record the execution (${(error as Error).message})`;
  }
}
