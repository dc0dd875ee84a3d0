import { spawn } from 'node:child_process';
import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';

// The installed hook (`hook-fast.cjs --autostart <agent>`) decides its first call in its own process and
// starts the daemon in the background for the calls after it, which then cost a process start and one
// socket round trip. The daemon it starts leaves by itself once idle (--idle-exit). A marker file beside
// the state file keeps a burst of parallel tool calls from starting a daemon each.

/** How long a start in progress holds off further starts. */
const STARTING_MS = 30_000;
/** An autostarted daemon leaves after this long without a call. */
const AUTOSTART_IDLE_MINUTES = 30;

export function startingMarker(stateFile: string): string {
  return `${stateFile}.starting`;
}

/** Claim the right to start the daemon: false when another process did so less than 30 s ago. */
function claim(marker: string, now: number): boolean {
  try {
    closeSync(openSync(marker, 'wx', 0o600));
    return true;
  } catch {
    try {
      if (now - statSync(marker).mtimeMs < STARTING_MS) return false;
      unlinkSync(marker); // left by a start that failed: try again
      closeSync(openSync(marker, 'wx', 0o600));
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Start `node main.js daemon start` detached, unless a start is already under way. Never throws and
 * never waits: the hook has already answered.
 */
export function startDaemonInBackground(mainJs: string, stateFile: string, env: NodeJS.ProcessEnv): boolean {
  if (!claim(startingMarker(stateFile), Date.now())) return false;
  try {
    const child = spawn(
      process.execPath,
      [mainJs, 'daemon', 'start', '--port', '0', '--quiet', '--idle-exit', String(AUTOSTART_IDLE_MINUTES)],
      { detached: true, stdio: 'ignore', env: { ...env, INTERLOCK_DAEMON_STATE: stateFile }, cwd: '/' },
    );
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
