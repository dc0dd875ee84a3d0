import { z } from 'zod';

// The outside witness's part of the API: a client sends the signed checkpoints of its own audit log, and
// reads back the newest one the server holds for it (see src/server/checkpoints.ts).

export const LogId = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'a log id is 32 hex digits (see src/audit/log-id.ts)');

export const CheckpointBody = z.object({
  log: LogId,
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a hash is 64 hex digits'),
  at: z.number().int().min(0),
  keyId: z.string().regex(/^ed25519:[0-9a-f]{16}$/, 'a key id looks like ed25519:0123456789abcdef'),
  signature: z.string().regex(/^[A-Za-z0-9+/=]{40,200}$/, 'a signature is base64'),
});
export type CheckpointInput = z.output<typeof CheckpointBody>;

export const CheckpointView = CheckpointBody.extend({ receivedAt: z.number() });
export type CheckpointView = z.infer<typeof CheckpointView>;

/** POST: what the server holds now; `stored` is false when it held this checkpoint already. */
export const CheckpointStored = z.object({ stored: z.boolean(), checkpoint: CheckpointView });
/**
 * GET: the newest checkpoint of the log (null when the server never saw one), and every one it holds, oldest
 * first: a verifier holds the log against all of them, so a rewrite is caught even after a forged newer one.
 */
export const LatestCheckpoint = z.object({
  checkpoint: CheckpointView.nullable(),
  history: z.array(z.object({ seq: z.number(), hash: z.string(), at: z.number() })),
});
export type LatestCheckpoint = z.infer<typeof LatestCheckpoint>;
