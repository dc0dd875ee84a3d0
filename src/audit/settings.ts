import { z } from 'zod';
import type { LoadedConfig } from '../config/load.js';

// `audit:` in the user's config.yaml (~/.config/interlock/config.yaml). Only the user layer counts: a
// project's .interlock/ lives in a repository an agent can edit, and must not be able to move the log
// or the key out from under it. Environment variables still win (INTERLOCK_DATABASE, INTERLOCK_AUDIT_KEY…).

export const AuditConfig = z
  .object({
    /** The local decision log (a SQLite file). */
    database: z.string().min(1).optional(),
    /** The Ed25519 private key that signs checkpoints. */
    signingKey: z.string().min(1).optional(),
    /** The public keyring verification uses. */
    keyring: z.string().min(1).optional(),
    checkpoint: z
      .object({
        entries: z.number().int().min(1).max(1_000_000).optional(),
        minutes: z.number().min(0.1).max(1440).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type AuditConfig = z.infer<typeof AuditConfig>;

export function auditSettings(config: LoadedConfig | undefined): AuditConfig {
  const user = config?.layers.find((l) => l.scope === 'user');
  const raw = (user?.config as Record<string, unknown> | undefined)?.audit;
  if (raw === undefined) return {};
  const parsed = AuditConfig.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `${user?.configFile ?? 'config.yaml'}: audit: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'audit'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
