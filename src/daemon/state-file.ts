import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userConfigDir } from '../config/discover.js';

// The daemon announces itself in a state file only its user can read: where it listens, its pid, and a
// secret. The hook process talks to the daemon only when that file names a live process, and trusts an
// answer only when it proves it knows the secret, so a process that merely grabs the port is not believed.
// Node built-ins only, and not node:crypto: the hook's fast entry imports this.

export const PROTOCOL = 1;
export const DEFAULT_PORT = 47_811;
export const NONCE_HEADER = 'x-interlock-nonce';
export const SIGNATURE_HEADER = 'x-interlock-signature';

export interface DaemonState {
  protocol: number;
  pid: number;
  host: string;
  port: number;
  token: string;
  startedAt: string;
  /** A Unix socket speaking one JSON line each way: the cheapest way in for a hook process. */
  socket?: string;
  /** Which build of Interlock answers (see buildId): a hook from another build does not ask this one. */
  build?: string;
  /** Started to leave when idle (an autostarted daemon): a hook from a newer build may replace it. */
  replaceable?: boolean;
}

/**
 * The build of Interlock installed beside `cliDir` (dist/cli): the size and time of the bundled hook,
 * which every build rewrites. Undefined when there is no bundle (running from sources).
 */
export function buildId(cliDir: string): string | undefined {
  try {
    const st = statSync(join(cliDir, 'hook-bundle.cjs'));
    return `${st.size}:${Math.round(st.mtimeMs)}`;
  } catch {
    return undefined;
  }
}

export function stateFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.INTERLOCK_DAEMON_STATE || join(userConfigDir(env), 'daemon.json');
}

/** The daemon's socket sits beside its state file (daemon.json → daemon.sock), in a directory only its
 * user can enter. */
export function socketPath(file: string): string {
  return `${file.replace(/\.json$/, '')}.sock`;
}

export function readState(file: string): DaemonState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as Partial<DaemonState>;
    if (
      state.protocol !== PROTOCOL ||
      typeof state.pid !== 'number' ||
      typeof state.port !== 'number' ||
      typeof state.token !== 'string' ||
      typeof state.host !== 'string' ||
      (state.socket !== undefined && typeof state.socket !== 'string') ||
      (state.build !== undefined && typeof state.build !== 'string')
    )
      return undefined;
    return state as DaemonState;
  } catch {
    return undefined;
  }
}

/** `shared`: the system daemon's file, which every agent's hook reads (0644); its directory, not the
 * file's secrecy, is what keeps others from replacing it. */
export function writeState(file: string, state: DaemonState, options: { shared?: boolean } = {}): void {
  const mode = options.shared ? 0o644 : 0o600;
  mkdirSync(dirname(file), { recursive: true, mode: options.shared ? 0o755 : 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

/** Remove the state file if it still describes this process. */
export function clearState(file: string, pid = process.pid): void {
  const state = readState(file);
  if (state && state.pid !== pid) return;
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: another user's process took the pid, which is not our daemon either.
    return false;
  }
}
