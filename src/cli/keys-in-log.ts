import { writeCheckpoint } from '../audit/checkpoint.js';
import { osUser } from '../audit/actor.js';
import { recordKey } from '../audit/key-record.js';
import type { KeyEntry, SigningKey } from '../audit/keys.js';
import { openAuditLog } from '../audit/open.js';
import { defaultLocalDatabase } from '../audit/paths.js';
import { configuredAudit } from './audit-store.js';
import { sendToConfiguredServer } from './audit-outside.js';

/**
 * Record a key `interlock keys` made in this machine's audit log, and sign a checkpoint over that entry at
 * once: with the new key when it is the first, with the key it retires on a rotation. The checkpoint goes
 * to the approval server when one is configured. Returns where it was recorded.
 */
export async function recordKeyInLog(
  key: KeyEntry,
  signer: SigningKey,
  witnessDir: string,
  retired?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const database = defaultLocalDatabase(env, configuredAudit(env).database);
  let log;
  try {
    log = await openAuditLog(database, env);
    await recordKey(log, key, osUser(env), retired);
    await writeCheckpoint(log, { key: signer, witnessDir });
    await sendToConfiguredServer(log, env); // best effort: never throws
  } catch (error) {
    // The key file is written; without its entry, `audit verify` of this log will call it foreign.
    throw new Error(
      `key ${key.id} was made, but could not be recorded in the audit log ${database} (${(error as Error).message}): make the log writable, move the key file aside and run \`interlock keys init\` again`,
    );
  } finally {
    await log?.close();
  }
  return database;
}
