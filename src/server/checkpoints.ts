import type { CheckpointInput, CheckpointView, LatestCheckpoint } from '../approvals/checkpoint-api.js';
import type { Identity, Store, WitnessedCheckpoint } from '../store/types.js';
import { ServiceError } from './errors.js';

// The server as an outside witness of the audit logs kept on agents' machines. Whoever can rewrite such a
// log can also re-sign it (the key sits beside it) and delete its witness file; they cannot reach this
// store. Per token and log, checkpoints only move forward: an older or a different one for a seq already
// held is refused, so the copy here is the one a later `interlock audit verify` holds the log against.

const view = (c: WitnessedCheckpoint): CheckpointView => ({
  log: c.logId,
  seq: c.seq,
  hash: c.hash,
  at: c.at,
  keyId: c.keyId,
  signature: c.signature,
  receivedAt: c.receivedAt,
});

/** Keep a checkpoint the caller sends for one of its logs (recorded in the server's own audit log too). */
export async function witnessCheckpoint(
  store: Store,
  caller: Identity,
  body: CheckpointInput,
  now = Date.now(),
): Promise<{ stored: boolean; checkpoint: CheckpointView }> {
  return store.transact(async (tx) => {
    const latest = await tx.latestWitnessedCheckpoint(caller.id, body.log);
    if (latest && latest.seq === body.seq && latest.hash === body.hash)
      return { stored: false, checkpoint: view(latest) };
    if (latest && body.seq <= latest.seq)
      throw new ServiceError(
        409,
        latest.seq === body.seq ? 'checkpoint-conflict' : 'checkpoint-regressed',
        latest.seq === body.seq
          ? `this server holds another hash for entry ${body.seq} of log ${body.log}: the log was rewritten since it was sent`
          : `this server holds a checkpoint at entry ${latest.seq} of log ${body.log}, newer than entry ${body.seq}: the log was cut or replaced since`,
      );
    const row: WitnessedCheckpoint = {
      tokenId: caller.id,
      logId: body.log,
      seq: body.seq,
      hash: body.hash,
      at: body.at,
      keyId: body.keyId,
      signature: body.signature,
      receivedAt: now,
    };
    await tx.insertWitnessedCheckpoint(row);
    await tx.appendAudit({
      type: 'checkpoint.witnessed',
      actor: caller.name,
      at: now,
      data: { tokenId: caller.id, log: body.log, seq: body.seq, hash: body.hash, keyId: body.keyId },
    });
    return { stored: true, checkpoint: view(row) };
  });
}

/** The newest checkpoint the caller sent for this log (or null), and the seq and hash of every one. */
export async function latestCheckpoint(
  store: Store,
  caller: Identity,
  logId: string,
): Promise<LatestCheckpoint> {
  const all = await store.witnessedCheckpoints(caller.id, logId);
  const latest = all.at(-1);
  return {
    checkpoint: latest ? view(latest) : null,
    history: all.map((c) => ({ seq: c.seq, hash: c.hash, at: c.at })),
  };
}
