import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  buildId,
  forwardableEnv,
  isAlive,
  NONCE_HEADER,
  readState,
  SIGNATURE_HEADER,
  stateFile,
  verify,
  type DaemonState,
} from './state.js';
import { isDaemonAnswer, type DaemonAnswer } from './socket-protocol.js';

export type { DaemonAnswer };

// The hook process's side of the daemon: forward the agent's payload (with the working directory and the
// environment variables that place a command), print the daemon's answer. Any doubt (no state file, a dead
// pid, a timeout, an unsigned answer) returns `undefined` and the hook decides in its own process.

export interface DaemonRequest {
  payload: string;
  cwd: string;
  env: Record<string, string>;
}

/** The running daemon described by the state file, if its process is alive. */
function liveDaemon(env: NodeJS.ProcessEnv = process.env): DaemonState | undefined {
  const state = readState(stateFile(env));
  return state && isAlive(state.pid) ? state : undefined;
}

/** One request to the daemon; the answer counts only when it carries the daemon's signature. */
function signedRequest(
  state: DaemonState,
  method: 'GET' | 'POST',
  path: string,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; body: string } | { error: string }> {
  const nonce = randomBytes(16).toString('hex');
  return new Promise((resolve) => {
    let settled = false;
    const done = (value: { status: number; body: string } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const req = request(
      {
        host: state.host,
        port: state.port,
        path,
        method,
        agent: false,
        headers: {
          ...(method === 'POST'
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
            : {}),
          [NONCE_HEADER]: nonce,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => done({ error: e.message }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const signature = res.headers[SIGNATURE_HEADER];
          if (!verify(state.token, nonce, text, typeof signature === 'string' ? signature : undefined))
            return done({ error: 'the answer was not signed by the daemon' });
          done({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    timer.unref();
    req.on('error', (e) => done({ error: e.message }));
    req.end(method === 'POST' ? body : undefined);
  });
}

/** Ask the daemon; `{ unavailable }` says why it could not answer (the caller decides in-process). */
export async function askDaemon(
  agent: string,
  request: DaemonRequest,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<DaemonAnswer | { unavailable: string }> {
  const state = liveDaemon(options.env ?? process.env);
  if (!state) return { unavailable: 'no daemon running' };
  const mine = buildId(fileURLToPath(new URL('../cli/', import.meta.url)));
  if (mine && state.build && state.build !== mine)
    return { unavailable: `the daemon (pid ${state.pid}) runs another build of Interlock` };
  const body = JSON.stringify({ ...request, env: forwardableEnv(request.env) });
  const res = await signedRequest(
    state,
    'POST',
    `/v1/hook/${encodeURIComponent(agent)}`,
    body,
    options.timeoutMs ?? 5000,
  );
  if ('error' in res) return { unavailable: res.error };
  if (res.status !== 200) return { unavailable: `the daemon answered HTTP ${res.status}` };
  try {
    const answer = JSON.parse(res.body) as unknown;
    return isDaemonAnswer(answer) ? answer : { unavailable: 'the daemon answered something else' };
  } catch {
    return { unavailable: 'the daemon answered something else' };
  }
}

export interface DaemonHealth {
  ok: boolean;
  pid: number;
  protocol: number;
  uptimeMs: number;
  requests: number;
}

/** The daemon's signed /health answer, or why there is none. */
export async function daemonHealth(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 2000,
): Promise<{ state: DaemonState; health: DaemonHealth } | { unavailable: string; state?: DaemonState }> {
  const state = readState(stateFile(env));
  if (!state) return { unavailable: `no daemon state file at ${stateFile(env)}` };
  if (!isAlive(state.pid)) return { unavailable: `the daemon (pid ${state.pid}) is not running`, state };
  const res = await signedRequest(state, 'GET', '/health', '', timeoutMs);
  if ('error' in res) return { unavailable: res.error, state };
  try {
    return { state, health: JSON.parse(res.body) as DaemonHealth };
  } catch {
    return { unavailable: 'the daemon answered something else', state };
  }
}
