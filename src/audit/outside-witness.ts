import { ApprovalClient } from '../approvals/http.js';
import type { ServerConnection } from '../approvals/settings.js';
import { logIdOf } from './log-id.js';
import type { AuditLog } from './open.js';

// Sending this machine's checkpoints to the approval server, the outside witness. Best effort, off the
// decision's critical path: a decision is already recorded when this runs, and nothing here can undo or
// refuse it. What the server acknowledged, and why it was last not reached, is kept in the log's side
// table `audit_outside_witness`, so `audit verify` can say which checkpoints the server never saw.

/** How long one attempt may take, and how long to wait after a failure before the next. */
const WITNESS_TIMEOUT_MS = 2_000;
const WITNESS_RETRY_MS = 60_000;

export type WitnessSend = 'sent' | 'up-to-date' | 'waiting' | 'failed';

/** Send the newest local checkpoint unless the server has it, or a recent attempt failed. Never throws. */
export async function sendToOutsideWitness(
  log: AuditLog,
  client: Pick<ApprovalClient, 'url' | 'sendCheckpoint'>,
  now = Date.now(),
): Promise<WitnessSend> {
  try {
    const logId = logIdOf(log.location);
    const [state, latest] = await Promise.all([log.side.outsideWitness(logId), log.side.lastCheckpoint()]);
    const sameServer = state?.server === client.url;
    const acked = sameServer ? state!.ackedSeq : 0;
    if (!latest || latest.seq <= acked) return 'up-to-date';
    if (sameServer && state!.error && now - (state!.attemptedAt ?? 0) < WITNESS_RETRY_MS) return 'waiting';
    try {
      await client.sendCheckpoint({ log: logId, ...latest });
      await log.side.setOutsideWitness(logId, { server: client.url, ackedSeq: latest.seq, attemptedAt: now });
      return 'sent';
    } catch (error) {
      await log.side.setOutsideWitness(logId, {
        server: client.url,
        ackedSeq: acked,
        attemptedAt: now,
        error: error instanceof Error ? error.message : String(error),
      });
      return 'failed';
    }
  } catch {
    return 'failed';
  }
}

/** The same, to the server this process is configured with. */
export function sendToServer(log: AuditLog, connection: ServerConnection): Promise<WitnessSend> {
  const client = new ApprovalClient(connection.url, connection.token, { timeoutMs: WITNESS_TIMEOUT_MS });
  return sendToOutsideWitness(log, client);
}
