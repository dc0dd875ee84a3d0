import { createHmac, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userConfigDir } from '../config/discover.js';

// The daemon announces itself in a state file only its user can read: where it listens, its pid, and a
// secret. The hook process talks to the daemon only when that file names a live process, and trusts an
// answer only when it is signed with the secret, so a process that merely grabs the port is not believed.

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
}

export function stateFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.INTERLOCK_DAEMON_STATE || join(userConfigDir(env), 'daemon.json');
}

export function readState(file: string): DaemonState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as Partial<DaemonState>;
    if (
      state.protocol !== PROTOCOL ||
      typeof state.pid !== 'number' ||
      typeof state.port !== 'number' ||
      typeof state.token !== 'string' ||
      typeof state.host !== 'string'
    )
      return undefined;
    return state as DaemonState;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: DaemonState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
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

export function sign(token: string, nonce: string, body: string): string {
  return createHmac('sha256', token).update(nonce).update('\n').update(body).digest('hex');
}

export function verify(token: string, nonce: string, body: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(sign(token, nonce, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Environment variables sent to the daemon with a call: what tells where a command lands (profiles,
 * contexts, hosts, workspaces), never what looks like a secret.
 */
const SECRET_NAME =
  /(SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|COOKIE|SESSION_?KEY|_PAT$|^PAT$)/i;

/** `scheme://user:password@host` keeps its host (it says where) and loses its password. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;

export function forwardableEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || SECRET_NAME.test(name)) continue;
    out[name] = value.replace(URL_PASSWORD, '$1:***@');
  }
  return out;
}
