import { join } from 'node:path';

// Where Interlock keeps its own state when it runs as its own system user (`interlock setup --system`).
// Every path hangs off `root` ('/' on a real machine) so that tests install into a throwaway prefix.
// Node built-ins only: the hook's fast entry imports this.

export const SYSTEM_USER = 'interlock';

export interface SystemPaths {
  root: string;
  /** Managed configuration, root:root 0755: what no agent can write. */
  configDir: string;
  /** The marker that says "this machine runs Interlock as its own user" (root-owned, 0644). */
  marker: string;
  /** The daemon's private state (interlock 0700): token, verdict memo, code cache, audit log and key. */
  stateDir: string;
  /** Where the daemon announces itself (interlock 0755): daemon.json 0644 and daemon.sock 0666. */
  runDir: string;
  stateFile: string;
  socket: string;
  /** The daemon's own configuration home (its token file, verdict memo, code cache). */
  daemonConfigHome: string;
  auditDir: string;
  signingKey: string;
  auditDatabase: string;
  /** The systemd unit, written only where systemd runs. */
  unit: string;
}

export function systemPaths(root = '/'): SystemPaths {
  const configDir = join(root, 'etc', 'interlock');
  const stateDir = join(root, 'var', 'lib', 'interlock');
  const runDir = join(root, 'run', 'interlock');
  const auditDir = join(stateDir, 'audit');
  return {
    root,
    configDir,
    marker: join(configDir, 'system.json'),
    stateDir,
    runDir,
    stateFile: join(runDir, 'daemon.json'),
    socket: join(runDir, 'daemon.sock'),
    daemonConfigHome: join(stateDir, 'config'),
    auditDir,
    signingKey: join(auditDir, 'signing-key.pem'),
    auditDatabase: join(auditDir, 'audit.db'),
    unit: join(root, 'etc', 'systemd', 'system', 'interlock.service'),
  };
}

/** The environment the system daemon runs with: all of its state under its own directories. */
export function systemDaemonEnv(paths: SystemPaths): Record<string, string> {
  return {
    HOME: paths.stateDir,
    XDG_CONFIG_HOME: paths.daemonConfigHome,
    XDG_STATE_HOME: paths.stateDir,
    INTERLOCK_DAEMON_STATE: paths.stateFile,
    INTERLOCK_AUDIT_KEY: paths.signingKey,
    INTERLOCK_DATABASE: paths.auditDatabase,
    INTERLOCK_SYSTEM_ROOT: paths.root,
  };
}
