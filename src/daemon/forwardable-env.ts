import { secretName, withoutUrlPasswords } from '../core/secret-values.js';

/** The string-valued entries of an environment (process.env, or one received as JSON); anything else is dropped. */
export function stringEnv(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * Environment variables sent to the daemon with a call: what tells where a command lands (profiles,
 * contexts, hosts, workspaces), never what looks like a secret.
 */
export function forwardableEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || secretName(name)) continue;
    out[name] = withoutUrlPasswords(value);
  }
  return out;
}
