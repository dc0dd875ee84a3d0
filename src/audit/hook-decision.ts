import type { AuditLog } from './open.js';
import { queryLog } from './query.js';

// The pre-tool decision a post-tool report belongs to: the latest decision the same agent's hook recorded
// for the same command in the same directory. Its digest links the execution to it in the log (the digest
// binds every fact the command was assessed with, which cannot be recomputed once it has run), and its
// time gives the duration when the agent does not report one.

/** How far back a decision is looked for: a long `terraform apply` still finds its decision. */
const LOOKBACK_MS = 12 * 60 * 60 * 1000;

export interface HookDecision {
  digest: string;
  at: number;
  requestId?: string;
  environment?: string;
}

export async function findHookDecision(
  log: AuditLog,
  wanted: { agent: string; command: string; cwd: string; now: number },
): Promise<HookDecision | undefined> {
  let found: HookDecision | undefined;
  const entries = queryLog(log.store, log.side, {
    since: wanted.now - LOOKBACK_MS,
    types: ['decision'],
    agent: wanted.agent,
  });
  for await (const v of entries) {
    if (v.data.via !== `hook:${wanted.agent}` || v.command !== wanted.command || v.cwd !== wanted.cwd)
      continue;
    if (!v.digest || v.at > wanted.now) continue;
    found = {
      digest: v.digest,
      at: v.at,
      ...(v.requestId ? { requestId: v.requestId } : {}),
      ...(v.environment ? { environment: v.environment } : {}),
    };
  }
  return found;
}
