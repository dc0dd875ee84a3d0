import { loadConfig, type LoadedConfig } from '../config/load.js';
import { ApprovalClient } from '../approvals/http.js';
import { serverConnection } from '../approvals/settings.js';

/** The configuration of this directory, or undefined when there is none or it is broken (env still works). */
export function configFor(cwd: string, env: NodeJS.ProcessEnv): LoadedConfig | undefined {
  try {
    return loadConfig(cwd, env);
  } catch {
    return undefined;
  }
}

/** A client for the configured approval server, or the reason there is none (printed by the caller). */
export function clientFromEnvironment(
  cwd: string,
  env: NodeJS.ProcessEnv,
): { client: ApprovalClient } | { error: string } {
  const connection = serverConnection(env, configFor(cwd, env));
  if (!connection)
    return {
      error:
        'no approval server is configured: set INTERLOCK_SERVER_URL (or server.url in .interlock/config.yaml) and INTERLOCK_TOKEN',
    };
  if ('error' in connection) return connection;
  return { client: new ApprovalClient(connection.url, connection.token) };
}
