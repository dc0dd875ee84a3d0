import { existsSync } from 'node:fs';
import { canonicalJson } from '../store/canonical.js';
import { readSigningKey, signMessage, type SigningKey } from './keys.js';
import type { AuditLog } from './open.js';
import {
  checkpointDue,
  DEFAULT_CHECKPOINT_ENTRIES,
  DEFAULT_CHECKPOINT_MS,
  type CheckpointPolicy,
} from './checkpoint-policy.js';
import { keyPaths } from './paths.js';
import type { Checkpoint } from './side-tables.js';
import { writeWitness } from './witness.js';

// Signed checkpoints: every N entries or M minutes, the hash of the newest entry is signed with the
// server's Ed25519 key. The hash covers every entry before it, so one signature vouches for the whole chain
// up to there: a rewrite of the chain (even with every hash recomputed) no longer matches it, and a tail cut
// behind it is missing entries it vouched for.

/** The exact bytes that are signed. */
export function checkpointMessage(c: Pick<Checkpoint, 'seq' | 'hash' | 'at' | 'keyId'>): string {
  return canonicalJson({
    v: 1,
    purpose: 'interlock-audit-checkpoint',
    seq: c.seq,
    hash: c.hash,
    at: c.at,
    keyId: c.keyId,
  });
}

export interface Signer {
  key: SigningKey;
  /** Where witness files go (next to the key). */
  witnessDir?: string;
}

/** Sign the newest entry of the log now (if it is not signed yet). Returns the new checkpoint. */
export async function writeCheckpoint(
  log: AuditLog,
  signer: Signer,
  now = Date.now(),
): Promise<Checkpoint | undefined> {
  const tip = await log.side.lastEntry();
  const last = await log.side.lastCheckpoint();
  if (!tip || tip.seq <= (last?.seq ?? 0)) return undefined;
  const base = { seq: tip.seq, hash: tip.hash, at: now, keyId: signer.key.id };
  const checkpoint: Checkpoint = { ...base, signature: signMessage(signer.key, checkpointMessage(base)) };
  const inserted = await log.side.insertCheckpoint(checkpoint);
  if (!inserted) return undefined;
  if (signer.witnessDir) writeWitness(signer.witnessDir, log.location, checkpoint);
  return checkpoint;
}

/** Sign if due. */
async function checkpointIfDue(
  log: AuditLog,
  signer: Signer,
  policy: CheckpointPolicy,
  now = Date.now(),
): Promise<Checkpoint | undefined> {
  const tip = await log.side.lastEntry();
  const last = await log.side.lastCheckpoint();
  if (!checkpointDue(tip, last, now, policy)) return undefined;
  return writeCheckpoint(log, signer, now);
}

/** The signer configured on this machine, or undefined when no key was made (`interlock keys init`). */
export function localSigner(
  env: NodeJS.ProcessEnv = process.env,
  key?: string,
  configured: { signingKey?: string } = {},
): Signer | undefined {
  const paths = keyPaths(env, key ? { key } : {}, configured);
  if (!existsSync(paths.privateKey)) return undefined;
  return { key: readSigningKey(paths.privateKey), witnessDir: paths.witnessDir };
}

export interface CheckpointJobOptions extends Partial<CheckpointPolicy> {
  log: AuditLog;
  signer: Signer;
  /** How often to look whether a checkpoint is due (default 10 s). */
  pollMs?: number;
  onError?: (error: unknown) => void;
  onCheckpoint?: (checkpoint: Checkpoint) => void;
  now?: () => number;
}

export interface CheckpointJob {
  /** Look now, sign if due. */
  runOnce(): Promise<Checkpoint | undefined>;
  /** Stop looking, and sign whatever is not signed yet (a clean shutdown leaves no unsigned tail). */
  stop(): Promise<void>;
}

/** The server's checkpoint job: every `pollMs`, sign the newest entry once N entries or M minutes passed. */
export function startCheckpointJob(options: CheckpointJobOptions): CheckpointJob {
  const policy: CheckpointPolicy = {
    everyEntries: options.everyEntries ?? DEFAULT_CHECKPOINT_ENTRIES,
    everyMs: options.everyMs ?? DEFAULT_CHECKPOINT_MS,
  };
  const now = options.now ?? Date.now;
  let running: Promise<Checkpoint | undefined> = Promise.resolve(undefined);
  const run = (force: boolean) => {
    running = running
      .catch(() => undefined)
      .then(async () => {
        try {
          const made = force
            ? await writeCheckpoint(options.log, options.signer, now())
            : await checkpointIfDue(options.log, options.signer, policy, now());
          if (made) options.onCheckpoint?.(made);
          return made;
        } catch (error) {
          options.onError?.(error);
          return undefined;
        }
      });
    return running;
  };
  const timer = setInterval(() => void run(false), options.pollMs ?? 10_000);
  timer.unref();
  return {
    runOnce: () => run(false),
    async stop() {
      clearInterval(timer);
      await run(true);
    },
  };
}
