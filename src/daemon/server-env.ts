import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { userConfigDir } from '../config/discover.js';
import { loadConfig } from '../config/load.js';
import { serverConnection } from '../approvals/settings.js';

// The approval server the daemon asks on the hooks' behalf, and the token it asks with. Both are the
// daemon's own: from the environment it was started with, else the user's config.yaml and a token file only
// the daemon's user can read. A call never names them: the hook forwards no secrets (so no token), and a
// server URL in a call's variables could send the daemon's token to a server the agent runs.

const SERVER_VARIABLES = ['INTERLOCK_SERVER_URL', 'INTERLOCK_TOKEN'] as const;

/** The token file (`~/.config/interlock/token`), when it is the daemon user's own and private (0600). */
function tokenFile(env: Record<string, string>): string | undefined {
  const path = join(userConfigDir(env), 'token');
  try {
    const stat = statSync(path);
    if ((stat.mode & 0o077) !== 0 || (process.getuid && stat.uid !== process.getuid())) return undefined;
    return readFileSync(path, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The daemon's own server variables, resolved once at start (none when no server is configured). */
export function daemonServerEnv(env: Record<string, string>): Record<string, string> {
  const token = env.INTERLOCK_TOKEN?.trim() || tokenFile(env);
  let url = env.INTERLOCK_SERVER_URL?.trim();
  if (!url) {
    try {
      const connection = serverConnection(
        { INTERLOCK_TOKEN: token ?? 'none' },
        loadConfig(env.HOME ?? '/', env),
      );
      if (connection && 'url' in connection) url = connection.url;
    } catch {
      // a broken config.yaml: no server from it (production-scoped actions then fail closed)
    }
  }
  return {
    ...(url ? { INTERLOCK_SERVER_URL: url } : {}),
    ...(token && url ? { INTERLOCK_TOKEN: token } : {}),
  };
}

/** A call's variables with the server variables replaced by the daemon's own. */
export function withDaemonServer(
  callEnv: Record<string, string>,
  server: Record<string, string>,
): Record<string, string> {
  const env = { ...callEnv };
  for (const name of SERVER_VARIABLES) delete env[name];
  return { ...env, ...server };
}

/** Where the system daemon keeps its audit log and key: never where a call's variables point. */
const STATE_VARIABLES = [
  'INTERLOCK_DATABASE',
  'INTERLOCK_AUDIT_KEY',
  'INTERLOCK_AUDIT_KEYRING',
  'XDG_STATE_HOME',
  'INTERLOCK_SYSTEM_ROOT',
] as const;

/** A call's variables with the state variables replaced by the system daemon's own. */
export function withOwnState(
  callEnv: Record<string, string>,
  daemonEnv: Record<string, string>,
): Record<string, string> {
  const env = { ...callEnv };
  for (const name of STATE_VARIABLES) {
    delete env[name];
    if (daemonEnv[name] !== undefined) env[name] = daemonEnv[name];
  }
  return env;
}
