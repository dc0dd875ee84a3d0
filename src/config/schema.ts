import { z } from 'zod';

// The schemas are built on first use, not when the module loads: building them costs a one-shot command
// several milliseconds of its start-up, and most runs read no config file and no policy tests.

/** One value, made the first time it is asked for. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** `audit:` in the user's config.yaml: where the local log and its keys live (read by src/audit/settings.ts). */
export const auditConfigSchema = once(() =>
  z
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
    .strict(),
);
export type AuditConfig = z.infer<ReturnType<typeof auditConfigSchema>>;

/** A name pattern: a plain word matches as a token ("prod" matches "billing-prod-eu"); `/re/i` is a regex. */
const pattern = () => z.string().min(1, 'a pattern cannot be empty');

/** Settings the managed tier may hand to lower tiers, which then set them freely instead of only tightening. */
const DELEGABLE = [
  'packs',
  'policies',
  'approvals.default',
  'approvals.group',
  'approvals.expiry',
  'environments.unknown',
  'environments.replaceDefaults',
  'environments.nonProduction',
] as const;
export type Delegable = (typeof DELEGABLE)[number];

export const configFileSchema = once(() =>
  z
    .object({
      /** Managed tier only: settings the user and project tiers may loosen, not only tighten. */
      delegate: z.array(z.enum(DELEGABLE)).optional(),
      environments: z
        .object({
          production: z.array(pattern()).optional(),
          staging: z.array(pattern()).optional(),
          development: z.array(pattern()).optional(),
          nonProduction: z.array(pattern()).optional(),
          /** Keep the built-in patterns and add these (default), or use only these. */
          replaceDefaults: z.boolean().optional(),
          /** How an environment nobody recognised is treated for destructive effects. */
          unknown: z.enum(['production', 'non-production']).optional(),
        })
        .strict()
        .optional(),
      approvals: z
        .object({
          /** Approvers for policies that say @approvals("default"). */
          default: z.number().int().min(1).max(20).optional(),
          group: z.string().min(1).optional(),
          expiry: z
            .string()
            .regex(/^\d+[smhd]$/, 'use a duration such as 30m, 1h or 2d')
            .optional(),
        })
        .strict()
        .optional(),
      /** Built-in policy packs to turn on, in addition to the team's own policies/*.cedar. */
      packs: z.array(z.string().min(1)).optional(),
      /** The audit log: local log path, signing key, checkpoint cadence. Only the user's config.yaml may set it. */
      audit: auditConfigSchema().optional(),
      /** The peer approval server (`interlock serve`) and how clients reach it. Tokens never go here: INTERLOCK_TOKEN. */
      server: z
        .object({
          /** Where `interlock check`, hooks and `interlock approvals` reach the server (INTERLOCK_SERVER_URL wins). */
          url: z
            .url({ protocol: /^https?$/, error: 'use an http(s) URL such as http://127.0.0.1:47812' })
            .optional(),
          /** `postgres://…` for replicas sharing one state, or a SQLite file path (INTERLOCK_DATABASE_URL wins). */
          databaseUrl: z.string().min(1).optional(),
          /** Slack-compatible incoming webhook for new and decided requests (INTERLOCK_WEBHOOK_URL wins). */
          webhookUrl: z.url({ protocol: /^https?$/, error: 'use an http(s) URL' }).optional(),
          /** A file (0600) holding the Slack app's signing secret, for Approve/Deny buttons (INTERLOCK_SLACK_SIGNING_SECRET wins). */
          slackSigningSecretFile: z.string().min(1).optional(),
          circuitBreaker: z
            .object({
              /** More than this many destructive requests by one agent in the window freezes it; 0 turns it off. */
              maxDestructive: z.number().int().min(0).max(100000).optional(),
              windowMinutes: z.number().int().min(1).max(1440).optional(),
            })
            .strict()
            .optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
);

export type ConfigFile = z.infer<ReturnType<typeof configFileSchema>>;

const policyTestCaseSchema = once(() =>
  z
    .object({
      name: z.string().optional(),
      command: z.string().min(1, 'command cannot be empty'),
      cwd: z.string().optional(),
      env: z.record(z.string(), z.string()).optional(),
      agent: z.string().optional(),
      expect: z.enum(['allow', 'ask', 'require-approval', 'deny']),
      approvals: z.number().int().min(0).optional(),
      group: z.string().optional(),
    })
    .strict(),
);

export const policyTestFileSchema = once(() =>
  z.union([z.array(policyTestCaseSchema()), z.object({ tests: z.array(policyTestCaseSchema()) }).strict()]),
);
export type PolicyTestCase = z.infer<ReturnType<typeof policyTestCaseSchema>>;
