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
  const log = await openAuditLog(defaultLocalDatabase(env, configuredAudit(env).database), env);
  try {
    await recordKey(log, key, osUser(env), retired);
    await writeCheckpoint(log, { key: signer, witnessDir });
    await sendToConfiguredServer(log, env);
    return log.location;
  } finally {
    await log.close();
  }
}
