import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readState, type DaemonState } from './state-file.js';
import { SYSTEM_USER, systemPaths, type SystemPaths } from './system-paths.js';

// Which of Interlock's own files the hook may believe. In single-user mode everything is the agent's
// user's, so nothing can be told apart. Once `interlock setup --system` ran, Interlock's state belongs to
// root or the `interlock` user, and a file the agent's user owns (a daemon.json it wrote, a verdict memo it
// edited) is not Interlock's: the hook ignores it. Ownership is what the kernel vouches for; content is not.
// Node built-ins only: the hook's fast entry imports this.

export interface SystemMode {
  paths: SystemPaths;
  /** The system user's name and the uids whose files count as Interlock's (root and that user). */
  user: string;
  trustedUids: readonly number[];
}

/** The uid of `name` in /etc/passwd (parsed: no process to spawn on the hook's path). */
function passwdUid(name: string, passwd = '/etc/passwd'): number | undefined {
  try {
    for (const line of readFileSync(passwd, 'utf8').split('\n')) {
      const [user, , uid] = line.split(':');
      if (user === name && uid && /^\d+$/.test(uid)) return Number(uid);
    }
  } catch {
    // no passwd file
  }
  return undefined;
}

/** Owned by a trusted uid, and nobody else may write it. */
function ownedByInterlock(stat: Stats, trustedUids: readonly number[]): boolean {
  return trustedUids.includes(stat.uid) && (stat.mode & 0o022) === 0;
}

function markerOf(root: string): SystemMode | undefined {
  const paths = systemPaths(root);
  try {
    // The marker and its directory are root's, or anyone could have written them.
    // Absent on most machines: asked without throwing (an error's stack costs the hook on every call).
    const dir = statSync(paths.configDir, { throwIfNoEntry: false });
    if (!dir || !ownedByInterlock(dir, [0])) return undefined;
    const stat = lstatSync(paths.marker);
    if (!stat.isFile() || !ownedByInterlock(stat, [0])) return undefined;
    const marker = JSON.parse(readFileSync(paths.marker, 'utf8')) as {
      mode?: unknown;
      user?: unknown;
      uid?: unknown;
    };
    if (marker.mode !== 'system') return undefined;
    const user = typeof marker.user === 'string' && marker.user ? marker.user : SYSTEM_USER;
    const uid = passwdUid(user) ?? (typeof marker.uid === 'number' ? marker.uid : undefined);
    return { paths, user, trustedUids: uid === undefined ? [0] : [0, uid] };
  } catch {
    return undefined;
  }
}

/** The real root's state directory without a marker (set up by hand or half-removed): still system mode. */
function stateDirOf(root: string): SystemMode | undefined {
  const paths = systemPaths(root);
  try {
    if (!statSync(paths.stateDir, { throwIfNoEntry: false })) return undefined;
  } catch {
    return undefined;
  }
  const uid = passwdUid(SYSTEM_USER);
  return { paths, user: SYSTEM_USER, trustedUids: uid === undefined ? [0] : [0, uid] };
}

/**
 * Is Interlock set up to run as its own user here? The real root always counts; INTERLOCK_SYSTEM_ROOT (a
 * test's prefix) can add a root but never switch the real one off.
 */
export function systemMode(env: NodeJS.ProcessEnv = process.env): SystemMode | undefined {
  const extra = env.INTERLOCK_SYSTEM_ROOT?.trim();
  return markerOf('/') ?? (extra && extra !== '/' ? markerOf(extra) : undefined) ?? stateDirOf('/');
}

/**
 * The system daemon's state, when its directory, state file and socket are all Interlock's own; otherwise
 * why not. Liveness is left to the socket: a process of another user cannot be signalled to test it.
 */
export function trustedSystemDaemon(mode: SystemMode): { state: DaemonState } | { untrusted: string } {
  const { paths, trustedUids } = mode;
  const check = (path: string, kind: 'dir' | 'file' | 'socket'): string | undefined => {
    let stat: Stats;
    try {
      stat = lstatSync(path);
    } catch {
      return `${path} does not exist`;
    }
    const right = kind === 'dir' ? stat.isDirectory() : kind === 'file' ? stat.isFile() : stat.isSocket();
    if (!right) return `${path} is not a ${kind}`;
    // A socket must be connectable by agents (0666); what protects it is its directory.
    const owned = kind === 'socket' ? trustedUids.includes(stat.uid) : ownedByInterlock(stat, trustedUids);
    return owned ? undefined : `${path} is not owned by root or ${mode.user} (uid ${stat.uid})`;
  };
  const problem =
    check(paths.runDir, 'dir') ?? check(paths.stateFile, 'file') ?? check(paths.socket, 'socket');
  if (problem) return { untrusted: problem };
  const state = readState(paths.stateFile);
  if (!state) return { untrusted: `${paths.stateFile} is not a daemon state file` };
  if (state.socket !== paths.socket) return { untrusted: `${paths.stateFile} names another socket` };
  return { state };
}
