import type { AuditLog } from '../audit/open.js';
import { logIdOf } from '../audit/log-id.js';
import type { OutsideEvidence } from '../audit/verify.js';
import { sendToServer, type WitnessSend } from '../audit/outside-witness.js';
import { serverConnection } from '../approvals/settings.js';
import { ApprovalClient } from '../approvals/http.js';
import { configFor } from './server-connection.js';

// What `audit verify` holds a log kept on this machine against: the checkpoints the approval server
// witnessed for it. Someone who can rewrite the log can read the signing key and delete the witness file
// too, so nothing on this machine alone proves a log whole. Without an approval server, verification
// says so and fails, unless the person verifying accepts that explicitly (--allow-no-witness).

export interface OutsideOptions {
  server?: boolean;
  database?: string;
  allowNoWitness?: boolean;
}

/**
 * A log this machine's recorder writes: the default one (what `audit verify` reads with no --database), or
 * a SQLite file whose entries say so (`source: local`, a recorded key). The server's own log is not.
 */
export async function isLocalLog(log: AuditLog, options: OutsideOptions): Promise<boolean> {
  if (options.server || log.store.kind !== 'sqlite') return false;
  if (!options.database) return true;
  const [first] = await log.store.auditEntries(1, 1);
  return !first || first.type === 'audit.key' || first.body.includes('"source":"local"');
}

/**
 * For any other SQLite log: what the server witnessed of it, if anything (a wiped log started again with
 * entries that do not say `source: local` is still held against the server's copy).
 */
export async function witnessedIfAny(
  log: AuditLog,
  options: OutsideOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OutsideEvidence | undefined> {
  if (options.server || log.store.kind !== 'sqlite') return undefined;
  const connection = serverConnection(env, configFor(process.cwd(), env));
  if (!connection || 'error' in connection) return undefined;
  try {
    const client = new ApprovalClient(connection.url, connection.token);
    const { history } = await client.checkpoints(logIdOf(log.location));
    return history.length ? { server: connection.url, checkpoints: history } : undefined;
  } catch {
    return undefined;
  }
}

const ACCEPT = 'pass --allow-no-witness to accept what this machine alone can vouch for';

export async function outsideEvidence(
  log: AuditLog,
  options: OutsideOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OutsideEvidence> {
  const fatal = !options.allowNoWitness;
  const connection = serverConnection(env, configFor(process.cwd(), env));
  if (!connection)
    return {
      missing: `no outside witness: no approval server is configured (INTERLOCK_SERVER_URL and INTERLOCK_TOKEN), so a rewrite re-signed with this machine's key, or a wipe with the witness file deleted, could not be told apart from an intact log; configure the server that keeps this log's checkpoints, or ${ACCEPT}`,
      fatal,
    };
  if ('error' in connection) return { missing: connection.error, fatal };
  const logId = logIdOf(log.location);
  try {
    const { history } = await new ApprovalClient(connection.url, connection.token).checkpoints(logId);
    return { server: connection.url, checkpoints: history, ...(await note(log, logId, history.at(-1)?.seq)) };
  } catch (error) {
    return {
      server: connection.url,
      missing: `cannot ask the outside witness (${(error as Error).message}): the log cannot be held against the checkpoints it keeps; retry when it answers, or ${ACCEPT}`,
      fatal,
    };
  }
}

/** What the server has not seen: checkpoints not sent yet, and why the last attempt failed. */
async function note(log: AuditLog, logId: string, witnessed = 0): Promise<{ note?: string }> {
  const newest = (await log.side.lastCheckpoint())?.seq ?? 0;
  if (newest <= witnessed) return {};
  const state = await log.side.outsideWitness(logId);
  const why = state?.error
    ? ` (last attempt ${new Date(state.attemptedAt ?? 0).toISOString()}: ${state.error})`
    : '';
  return {
    note: `the approval server has witnessed this log up to entry ${witnessed || 'none'}; checkpoints after it (to entry ${newest}) have not reached it yet${why}: it is sent again with the next decision`,
  };
}

/** Send the newest checkpoint to the approval server, when one is configured. */
export async function sendToConfiguredServer(
  log: AuditLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WitnessSend | undefined> {
  const connection = serverConnection(env, configFor(process.cwd(), env));
  return connection && !('error' in connection) ? sendToServer(log, connection) : undefined;
}
