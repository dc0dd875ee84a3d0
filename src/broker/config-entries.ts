import { isAbsolute } from 'node:path';
import { z } from 'zod';

// The broker's AWS and Kubernetes entries. Each one names what it may be used for and holds the credential
// source the agent never sees: an IAM user's keys that may only assume a role, or a kubeconfig context
// that may only impersonate a narrowed identity.

export const EntryName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "." or "-" (at most 64)');

export const AbsolutePath = z.string().refine(isAbsolute, 'an absolute path');

const RoleArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
    'an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)',
  );

export const AwsEntry = z
  .object({
    name: EntryName,
    /** The `--profile` the command names; an entry without one is for commands that name none. */
    match: z
      .object({ profile: z.string().min(1).optional() })
      .strict()
      .default({}),
    roleArn: RoleArn,
    /** The region of the STS endpoint, and the child's default region. */
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1')
      .default('us-east-1'),
    /** The broker's own keys: allowed to call sts:AssumeRole on roleArn, nothing else. */
    source: z
      .object({
        accessKeyId: z.string().min(16),
        secretAccessKey: z.string().min(16),
        sessionToken: z.string().min(1).optional(),
      })
      .strict(),
    /** Another STS endpoint (an STS-compatible service in tests); default https://sts.REGION.amazonaws.com. */
    endpoint: z
      .string()
      .regex(/^https?:\/\/[^/]/i, 'an http(s) URL')
      .optional(),
  })
  .strict();
export type AwsCredential = z.output<typeof AwsEntry>;

/**
 * Verbs an entry may never declare: reads (get, list, watch) are never held for approval, so they need no
 * broker; `*`, escalate, bind and impersonate grant more than any approved action.
 */
const BROADER_THAN_POLICY = new Set(['*', 'get', 'list', 'watch', 'escalate', 'bind', 'impersonate']);

const Verb = z
  .string()
  .regex(/^[a-z*]+$/, 'a Kubernetes verb (delete, patch…)')
  .refine((v) => !BROADER_THAN_POLICY.has(v), {
    error: (issue) =>
      `"${String(issue.input)}" grants more than the policies require: an entry allows only verbs that are held for approval (create, update, patch, delete, deletecollection)`,
  });

export const KubernetesEntry = z
  .object({
    name: EntryName,
    /** The `--context` the command names; an entry without one is for commands that name none. */
    match: z
      .object({ context: z.string().min(1).optional() })
      .strict()
      .default({}),
    /** The broker's kubeconfig (0600, the broker's own) and the context in it that runs the command. */
    kubeconfig: AbsolutePath,
    context: z.string().min(1),
    /** The identity the command runs as (`--as`), bound to a Role of only what is approved. */
    as: z.string().min(1),
    asGroups: z.array(z.string().min(1)).default([]),
    /** The verbs and namespaces this entry may run: what the policies hold for approval, and no more. */
    allows: z
      .object({
        verbs: z.array(Verb).min(1),
        namespaces: z
          .array(z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a namespace name (no "*")'))
          .min(1),
      })
      .strict(),
  })
  .strict();
export type KubernetesCredential = z.output<typeof KubernetesEntry>;
