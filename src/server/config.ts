import { z } from 'zod';
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

const WebhookUrl = z.url({ protocol: /^https?$/, error: 'not an http(s) URL' });

/** Why a webhook URL from --webhook or INTERLOCK_WEBHOOK_URL cannot be used (config.yaml's is checked on load). */
export function webhookUrlProblem(url: string): string | undefined {
  const parsed = WebhookUrl.safeParse(url);
  return parsed.success
    ? undefined
    : `the webhook URL "${url}" is ${parsed.error.issues[0]!.message}: give the receiver's https:// URL (--webhook, INTERLOCK_WEBHOOK_URL or server.webhookUrl)`;
}
