import type { LoadedConfig } from '../config/load.js';
import { serverTier } from '../config/server-tier.js';
import { parseDuration } from '../approvals/duration.js';
import { DEFAULT_BREAKER, DEFAULT_EXPIRY_MS, type BreakerSettings } from './service.js';

export interface ServeSettings {
  database?: string;
  webhookUrl?: string;
  /** The Slack app's signing secret, from INTERLOCK_SLACK_SIGNING_SECRET. */
  slackSigningSecret?: string;
  /** Or a file holding it (server.slackSigningSecretFile), read by `interlock serve`. */
  slackSigningSecretFile?: string;
  expiryMs: number;
  breaker: BreakerSettings;
  /** A project's `server:` keys, never used (src/config/server-tier.ts); `interlock serve` says so. */
  ignored?: string[];
}

/**
 * What `interlock serve` (and `token`, on the same database) runs with: environment variables first, then
 * the managed and the user's config.yaml, then defaults. Never a project's: the agent can write it.
 */
export function serveSettings(config: LoadedConfig | undefined, env: NodeJS.ProcessEnv): ServeSettings {
  const { settings: s, ignored } = serverTier(config?.layers ?? []);
  const database = env.INTERLOCK_DATABASE_URL || s.databaseUrl;
  const webhookUrl = env.INTERLOCK_WEBHOOK_URL || s.webhookUrl;
  const expiry = config?.approvalsExpiry.value;
  const slackSigningSecret = env.INTERLOCK_SLACK_SIGNING_SECRET?.trim();
  const slackSigningSecretFile = s.slackSigningSecretFile;
  return {
    ...(database ? { database } : {}),
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(slackSigningSecret
      ? { slackSigningSecret }
      : slackSigningSecretFile
        ? { slackSigningSecretFile }
        : {}),
    expiryMs: (expiry && parseDuration(expiry)) || DEFAULT_EXPIRY_MS,
    breaker: {
      maxDestructive: s.circuitBreaker?.maxDestructive ?? DEFAULT_BREAKER.maxDestructive,
      windowMs: (s.circuitBreaker?.windowMinutes ?? DEFAULT_BREAKER.windowMs / 60000) * 60000,
    },
    ...(ignored.length ? { ignored } : {}),
  };
}
