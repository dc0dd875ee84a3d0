import type { Checkpoint } from './side-tables.js';

// When a checkpoint is due: every N entries or M minutes, whichever comes first (no I/O, no crypto).

export const DEFAULT_CHECKPOINT_ENTRIES = 1000;
export const DEFAULT_CHECKPOINT_MS = 5 * 60 * 1000;

export interface CheckpointPolicy {
  everyEntries: number;
  everyMs: number;
}

/** Whether the newest entries need a checkpoint now. */
export function checkpointDue(
  tip: { seq: number } | undefined,
  last: Pick<Checkpoint, 'seq' | 'at'> | undefined,
  now: number,
  policy: CheckpointPolicy,
): boolean {
  if (!tip || tip.seq <= (last?.seq ?? 0)) return false;
  if (!last) return true;
  return tip.seq - last.seq >= policy.everyEntries || now - last.at >= policy.everyMs;
}
