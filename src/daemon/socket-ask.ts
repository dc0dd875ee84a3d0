import { dirname } from 'node:path';
import { buildId, isAlive, readState, stateFile, type DaemonState } from './state-file.js';
import { trustedSystemDaemon, type SystemMode } from './system-trust.js';
import {
  isDaemonAnswer,
  MAX_SOCKET_LINE,
  sameSecret,
  type DaemonAnswer,
  type SocketReply,
} from './socket-protocol.js';

// The caller's side of the daemon's socket, shared by the hook's fast entry and the one-shot commands'
// (cli-fast.ts): which daemon may be asked, and one request line out, one answer back that counts only
// with the daemon's secret. Node built-ins only: both entries are bundled without packages.

/** Why the daemon did not answer; `absent` when none is running (one may then be started). */
export interface Unavailable {
  unavailable: string;
  absent?: boolean;
  /** A daemon of another build of Interlock (started before an upgrade): its pid, if it may be replaced. */
  replace?: number;
  /** A daemon without a socket (it could not listen on one): the full hook asks it over HTTP. */
  httpOnly?: boolean;
}

/** The daemon of this user's state file (single-user mode), or why none may be asked. */
export function userDaemonToAsk(env: NodeJS.ProcessEnv): { state: DaemonState } | Unavailable {
  const state = readState(stateFile(env));
  if (!state) return { unavailable: 'no daemon running', absent: true };
  if (!isAlive(state.pid)) return { unavailable: `the daemon (pid ${state.pid}) is gone`, absent: true };
  if (!state.socket) return { unavailable: 'the daemon has no socket', httpOnly: true };
  const mine = ownBuild();
  if (mine && state.build && state.build !== mine)
    return {
      unavailable: `the daemon (pid ${state.pid}) runs another build of Interlock`,
      ...(state.replaceable ? { replace: state.pid } : {}),
    };
  return { state };
}

/** The system daemon, only when its files are Interlock's own (never one the agent's user announced). */
export function systemDaemonToAsk(system: SystemMode): { state: DaemonState } | Unavailable {
  const trusted = trustedSystemDaemon(system);
  return 'state' in trusted ? trusted : { unavailable: `no trustworthy system daemon: ${trusted.untrusted}` };
}

/**
 * Send `line` (one JSON request and its newline) to the daemon of `state` and read its answer. The
 * connection opens at once; the line goes out when it is ready (a hook's input may still be arriving).
 */
export function askOverSocket(
  state: DaemonState,
  line: Promise<string>,
  timeoutMs = 5000,
): Promise<DaemonAnswer | Unavailable> {
  const { token, socket: path } = state;
  if (!path) return Promise.resolve({ unavailable: 'the daemon has no socket', httpOnly: true });
  // node:net (and the stream modules it loads) only when there is a daemon to ask: a one-shot command or
  // a hook call that finds none decides without them.
  return import('node:net').then(({ createConnection }) =>
    ask(createConnection, path, token, line, timeoutMs),
  );
}

function ask(
  createConnection: typeof import('node:net').createConnection,
  path: string,
  token: string,
  line: Promise<string>,
  timeoutMs: number,
): Promise<DaemonAnswer | Unavailable> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const done = (value: DaemonAnswer | Unavailable) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const socket = createConnection(path);
    const timer = setTimeout(() => done({ unavailable: `no answer within ${timeoutMs} ms` }), timeoutMs);
    socket.on('error', (e) => done({ unavailable: e.message }));
    socket.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_SOCKET_LINE) done({ unavailable: 'the daemon answered too much' });
      else chunks.push(c);
    });
    socket.on('end', () => done(answerOf(Buffer.concat(chunks).toString('utf8'), token)));
    line.then(
      (text) => socket.end(text),
      () => done({ unavailable: 'no input to forward' }),
    );
  });
}

/** The daemon's reply line: its answer when it carries the secret, else why not. */
function answerOf(text: string, token: string): DaemonAnswer | Unavailable {
  let reply: SocketReply;
  try {
    reply = JSON.parse(text) as SocketReply;
  } catch {
    return { unavailable: 'the daemon answered something else' };
  }
  if (reply.error !== undefined) return { unavailable: `the daemon said: ${reply.error}` };
  if (typeof reply.answer !== 'string' || typeof reply.proof !== 'string' || !sameSecret(reply.proof, token))
    return { unavailable: 'the answer did not come from the daemon (no proof of its secret)' };
  let answer: unknown;
  try {
    answer = JSON.parse(reply.answer);
  } catch {
    return { unavailable: 'the daemon answered something else' };
  }
  return isDaemonAnswer(answer) ? answer : { unavailable: 'the daemon answered something else' };
}

/** The build the caller belongs to, when it runs as a bundle in dist/cli/ (hook-fast.cjs, cli-fast.cjs). */
function ownBuild(): string | undefined {
  return typeof __filename === 'undefined' ? undefined : buildId(dirname(__filename));
}
