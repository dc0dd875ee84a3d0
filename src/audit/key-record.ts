import { z } from 'zod';
import type { AuditEntry } from '../store/types.js';
import type { KeyEntry } from './keys.js';
import type { AuditLog } from './open.js';

// Signing keys recorded in the log they sign. `interlock keys init|rotate` appends an `audit.key` entry
// for the new key and signs a checkpoint over it at once (a rotation's entry with the key it retires), so
// the log says which keys may sign it. A key that appears only in the keyring file was put there by hand:
// `audit verify` calls it foreign. (Someone who can append to the log and read the key can still record
// one; what stops a rewrite after that is the outside witness, src/audit/outside-witness.ts.)

export const KEY_ENTRY_TYPE = 'audit.key';

const KeyData = z.object({
  event: z.enum(['added', 'rotated']),
  keyId: z.string(),
  publicKey: z.string(),
  retired: z.string().optional(),
});

export interface RecordedKey {
  seq: number;
  keyId: string;
  publicKey: string;
}

/** The key an `audit.key` entry records, or undefined for any other entry (or a malformed one). */
export function recordedKeyOf(e: AuditEntry): RecordedKey | undefined {
  if (e.type !== KEY_ENTRY_TYPE) return undefined;
  try {
    const data = KeyData.safeParse((JSON.parse(e.body) as { data?: unknown }).data);
    return data.success ? { seq: e.seq, keyId: data.data.keyId, publicKey: data.data.publicKey } : undefined;
  } catch {
    return undefined;
  }
}

/** Append the entry that records a new key. The caller signs a checkpoint over it. */
export async function recordKey(
  log: AuditLog,
  key: KeyEntry,
  actor: string,
  retired?: string,
): Promise<AuditEntry> {
  return log.store.transact((tx) =>
    tx.appendAudit({
      type: KEY_ENTRY_TYPE,
      actor,
      at: Date.now(),
      data: {
        source: 'local',
        event: retired ? 'rotated' : 'added',
        keyId: key.id,
        publicKey: key.publicKey,
        ...(retired ? { retired } : {}),
      },
    }),
  );
}
