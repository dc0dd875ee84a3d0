// The daemon's Unix socket: one JSON line from the hook process, one JSON line back, then the daemon
// closes. The socket lives in a directory only its user can enter, and the answer carries the secret of
// the state file (which only that user can read), so a process that took over the path is not believed.
// Over a Unix socket nobody else can read or change the bytes in between, which is why presenting the
// secret proves as much here as the HMAC does over TCP, without loading node:crypto in the hook process.
// This file is imported by the hook's fast entry: no imports at all.

export interface SocketRequest {
  agent: string;
  /** The agent's hook input, exactly as read from stdin. */
  payload: string;
  cwd: string;
  env: Record<string, string>;
}

export interface SocketReply {
  /** The DaemonAnswer as JSON text, or absent with an error. */
  answer?: string;
  /** The secret of the state file. */
  proof?: string;
  error?: string;
}

/** Compare two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export const MAX_SOCKET_LINE = 32 * 1024 * 1024;

/** A plan file larger than this is checked in the caller's process: its bytes, base64, fit on one line. */
export const MAX_SERVED_PLAN_BYTES = 16 * 1024 * 1024;

/** What the daemon answers a hook call with: what the hook process prints and exits with. */
export interface DaemonAnswer {
  stdout: string;
  exitCode: number;
  stderr?: string;
}

export function isDaemonAnswer(value: unknown): value is DaemonAnswer {
  const v = value as Partial<DaemonAnswer> | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof v.stdout === 'string' &&
    typeof v.exitCode === 'number' &&
    (v.stderr === undefined || typeof v.stderr === 'string')
  );
}
