/**
 * Environment variables sent to the daemon with a call: what tells where a command lands (profiles,
 * contexts, hosts, workspaces), never what looks like a secret.
 */
const SECRET_NAME =
  /(SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|COOKIE|SESSION_?KEY|_PAT$|^PAT$)/i;

/** `scheme://user:password@host` keeps its host (it says where) and loses its password. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;

/** The string-valued entries of an environment (process.env, or one received as JSON); anything else is dropped. */
export function stringEnv(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function forwardableEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || SECRET_NAME.test(name)) continue;
    out[name] = value.replace(URL_PASSWORD, '$1:***@');
  }
  return out;
}
