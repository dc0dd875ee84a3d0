import type { LoadedConfig } from '../config/load.js';
import { auditConfigSchema, type AuditConfig } from '../config/schema.js';

export type { AuditConfig };

// `audit:` in the user's config.yaml (~/.config/interlock/config.yaml). Only the user layer counts: a
// project's .interlock/ lives in a repository an agent can edit, and must not be able to move the log
// or the key out from under it. Environment variables still win (INTERLOCK_DATABASE, INTERLOCK_AUDIT_KEY…).

export function auditSettings(config: LoadedConfig | undefined): AuditConfig {
  const user = config?.layers.find((l) => l.scope === 'user');
  const raw = (user?.config as Record<string, unknown> | undefined)?.audit;
  if (raw === undefined) return {};
  const parsed = auditConfigSchema().safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `${user?.configFile ?? 'config.yaml'}: audit: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'audit'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
