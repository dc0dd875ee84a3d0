import type { VerifyProblem } from './entry-check.js';
import type { Keyring } from './keys.js';
import type { RecordedKey } from './key-record.js';
import type { Checkpoint } from './side-tables.js';

// What `audit verify` holds a log against beyond its own chain, once the chain is walked: the keys the log
// records (src/audit/key-record.ts) and the checkpoints the approval server witnessed for it
// (src/audit/outside-witness.ts). Pure: the caller reads the log, the keyring and the server.

const iso = (ms: number) => new Date(ms).toISOString();

/** A key in the keyring that no `audit.key` entry records, a checkpoint by one, or checkpoints deleted. */
export function keyProblem(
  keyring: Keyring | undefined,
  recorded: readonly RecordedKey[],
  checkpoints: readonly Checkpoint[],
  keyringFile?: string,
): VerifyProblem | undefined {
  const byId = new Map(recorded.map((k) => [k.keyId, k]));
  for (const k of keyring?.entries ?? []) {
    const r = byId.get(k.id);
    if (!r || r.publicKey !== k.publicKey)
      return {
        seq: 0,
        kind: 'foreign-key',
        message: `the keyring${keyringFile ? ` ${keyringFile}` : ''} holds key ${k.id}, which ${r ? 'has another public key than the one' : 'no entry of'} the log records: it was not added through \`interlock keys\` (remove it, or find out who put it there)`,
      };
  }
  for (const c of checkpoints) {
    const r = byId.get(c.keyId);
    if (!r || r.seq > c.seq)
      return {
        seq: c.seq,
        kind: 'foreign-key',
        message: `the checkpoint at entry ${c.seq} is signed by key ${c.keyId}, which the log ${r ? `records only later, at entry ${r.seq}` : 'never records'}: it was not made through \`interlock keys\``,
      };
  }
  const newest = recorded.at(-1);
  if (newest && !checkpoints.some((c) => c.seq >= newest.seq))
    return {
      seq: newest.seq,
      kind: 'checkpoints-missing',
      message: `the log records signing key ${newest.keyId} at entry ${newest.seq}, and \`interlock keys\` signs a checkpoint over it at once, but no checkpoint covers that entry: checkpoints were deleted`,
    };
  return undefined;
}

/** A checkpoint the approval server holds for this log. */
export interface WitnessedPoint {
  seq: number;
  hash: string;
  at: number;
}

/** The log against every checkpoint the server witnessed: a cut tail, a rewrite, a wipe, deleted checkpoints. */
export function outsideProblem(
  server: string,
  witnessed: readonly WitnessedPoint[],
  last: number,
  hashAt: ReadonlyMap<number, string>,
  checkpoints: readonly Checkpoint[],
): VerifyProblem | undefined {
  const local = new Map(checkpoints.map((c) => [c.seq, c]));
  for (const w of witnessed) {
    const when = `the approval server ${server} holds a checkpoint for entry ${w.seq}, signed on ${iso(w.at)}`;
    if (w.seq > last)
      return {
        seq: last + 1,
        kind: 'truncated',
        message: `the log ends at entry ${last}, but ${when}: entries ${last + 1}–${w.seq} were removed (the tail was cut, or the log was wiped and started again)`,
      };
    const found = hashAt.get(w.seq);
    if (found !== undefined && found !== w.hash)
      return {
        seq: w.seq,
        kind: 'rewritten',
        message: `entry ${w.seq} is not the one ${when}: the log was rewritten (or wiped and started again) up to there`,
      };
    if (found !== undefined && local.get(w.seq)?.hash !== w.hash)
      return {
        seq: w.seq,
        kind: 'checkpoints-missing',
        message: `${when}, and the log has no such checkpoint: checkpoints were deleted`,
      };
  }
  return undefined;
}
