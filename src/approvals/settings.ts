import type { LoadedConfig } from '../config/load.js';
export interface ServerConnection {
  url: string;
  token: string;
}

/**
 * How this process reaches the approval server: INTERLOCK_SERVER_URL (or `server.url` in the user's own
 * config.yaml, never a project's) and INTERLOCK_TOKEN. Undefined when no server is configured; an error when the URL is there but the token is not.
 */
export function serverConnection(
  env: NodeJS.ProcessEnv,
  config?: LoadedConfig,
): ServerConnection | { error: string } | undefined {
  // Only the user's own configuration (or the environment) names the server: a project's .interlock/ lives
  // in a repository the agent can edit, and a server the agent runs would then decide, and get its token.
  const user = config?.layers.find((l) => l.scope === 'user')?.config.server;
  const url = env.INTERLOCK_SERVER_URL?.trim() || user?.url;
  if (!url) return undefined;
  if (!/^https?:\/\/[^/]/i.test(url))
    return {
      error: `the approval server URL "${url}" is not an http(s) URL (INTERLOCK_SERVER_URL or server.url)`,
    };
  const token = env.INTERLOCK_TOKEN?.trim();
  if (!token)
    return {
      error: `an approval server is configured (${url}) but INTERLOCK_TOKEN is not set; ask an admin for a token (interlock token create)`,
    };
  return { url, token };
}
