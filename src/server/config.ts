import type { LoadedConfig } from '../config/load.js';
import { parseDuration } from '../approvals/duration.js';
import { serverConfig } from '../approvals/settings.js';
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
}

/** What `interlock serve` runs with: environment variables first, then configuration, then defaults. */
export function serveSettings(config: LoadedConfig | undefined, env: NodeJS.ProcessEnv): ServeSettings {
  const s = serverConfig(config);
  const database = env.INTERLOCK_DATABASE_URL || s.databaseUrl;
  const webhookUrl = env.INTERLOCK_WEBHOOK_URL || s.webhookUrl;
  const expiry = config?.approvalsExpiry.value;
  const slackSigningSecret = env.INTERLOCK_SLACK_SIGNING_SECRET?.trim();
  // A project's files are the agent's to edit: a secret it names would let the agent sign its own clicks.
  const slackSigningSecretFile = config?.layers
    .filter((l) => l.scope !== 'project')
    .map((l) => l.config.server?.slackSigningSecretFile)
    .findLast((f) => f !== undefined);
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
  };
}
