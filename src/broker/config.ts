import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { MANAGED_CONFIG_DIR } from '../config/managed.js';
import { InputError } from '../core/errors.js';
import { AbsolutePath, AwsEntry, EntryName, KubernetesEntry } from './config-entries.js';

// The broker's credentials: a file only its owner reads. The agent never sees it, so its owner must be root
// or the identity the broker runs as, and nobody else may read it (a readable file would hand the agent
// the privileged password it is being kept from).

/** Where the broker looks when no other file is given: beside the managed configuration, root-owned 0600. */
export const DEFAULT_BROKER_CONFIG = join(MANAGED_CONFIG_DIR, 'broker.yaml');

const PostgresEntry = z
  .object({
    name: EntryName,
    match: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).optional(),
        database: z.string().min(1).optional(),
      })
      .strict(),
    role: z.string().min(1),
    password: z.string().min(1).optional(),
    passwordFile: AbsolutePath.optional(),
  })
  .strict()
  .refine((e) => (e.password === undefined) !== (e.passwordFile === undefined), {
    message: 'give exactly one of password or passwordFile',
  });

export const BrokerConfig = z
  .object({
    /** The psql the broker runs, by absolute path: never one found on the agent's PATH. */
    psql: AbsolutePath.default('/usr/bin/psql'),
    /** The aws CLI the broker runs (the official installer's path by default), never the agent's PATH's. */
    awsCli: AbsolutePath.default('/usr/local/bin/aws'),
    kubectl: AbsolutePath.default('/usr/bin/kubectl'),
    /**
     * The approval server the broker asks. Only this file names it: the agent sets the environment and can
     * write the user's config, and a server of its own would approve anything. Without it nothing that
     * needs approval runs.
     */
    server: z
      .object({ url: z.string().regex(/^https?:\/\/[^/]/i, 'an http(s) URL') })
      .strict()
      .optional(),
    postgres: z.array(PostgresEntry).default([]),
    aws: z.array(AwsEntry).default([]),
    kubernetes: z.array(KubernetesEntry).default([]),
  })
  .strict();
export type BrokerConfig = z.output<typeof BrokerConfig>;
export type PostgresCredential = BrokerConfig['postgres'][number];
export type { AwsCredential, KubernetesCredential } from './config-entries.js';

const GROUP_OR_WORLD = 0o077;

/** Why a secret file may not be used, or undefined when only its owner can read it. */
function exposure(path: string, st: Stats, owners: readonly number[]): string | undefined {
  if (!st.isFile()) return `${path} is not a regular file (symbolic links are refused)`;
  if (!owners.includes(st.uid))
    return `${path} is owned by uid ${st.uid}; it must belong to root or the broker's own user (uid ${owners.at(-1)})`;
  if (st.mode & GROUP_OR_WORLD)
    return `${path} is readable or writable by group or others (mode ${(st.mode & 0o777).toString(8)}); run chmod 600 ${path}`;
  return undefined;
}

/** A file's text, only when its owner alone can read it. Throws InputError naming the file. */
export function readSecretFile(path: string, what: string): string {
  const owners = [0, process.getuid?.() ?? 0];
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (error) {
    throw new InputError(
      `${what} ${path} cannot be read (${(error as NodeJS.ErrnoException).code}); nothing ran`,
    );
  }
  const problem = exposure(path, st, owners);
  if (problem) throw new InputError(`${what} refused: ${problem}; nothing ran`);
  return readFileSync(path, 'utf8');
}

/** Load and validate the broker configuration. Throws InputError naming the file and the field. */
export function loadBrokerConfig(path: string = DEFAULT_BROKER_CONFIG): BrokerConfig {
  const text = readSecretFile(path, 'broker configuration');
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new InputError(`broker configuration ${path} is not YAML (${(error as Error).message})`);
  }
  const parsed = BrokerConfig.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`broker configuration ${path}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The password of an entry: inline, or from its own file, which must be as private as the config. */
export function passwordOf(entry: PostgresCredential): string {
  if (entry.password !== undefined) return entry.password;
  return readSecretFile(entry.passwordFile!, `password file of broker entry ${entry.name}`).trim();
}
