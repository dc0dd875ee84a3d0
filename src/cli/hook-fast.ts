import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { readAll } from './read-input.js';
import { forwardableEnv } from '../daemon/forwardable-env.js';
import { buildId, isAlive, readState, stateFile, type DaemonState } from '../daemon/state-file.js';
import { systemMode, trustedSystemDaemon, type SystemMode } from '../daemon/system-trust.js';
import {
  isDaemonAnswer,
  MAX_SOCKET_LINE,
  type DaemonAnswer,
  sameSecret,
  type SocketReply,
  type SocketRequest,
} from '../daemon/socket-protocol.js';
import { EXIT_CODES } from '../core/exit-codes.js';

// The first thing `interlock hook <agent>` runs, on every tool call an agent makes. It loads node's
// built-ins and nothing else (the build bundles it into dist/cli/hook-fast.cjs), reads the agent's input,
// and hands it to the daemon over its Unix socket when one is running: a hook call then costs little more
// than starting Node. When there is no daemon, or any doubt about its answer, it loads the full hook
// (parsers, policies) and decides in this process; the input already read is passed on, never lost.

/** Why the daemon did not answer; `absent` when none is running (one may then be started). */
interface Unavailable {
  unavailable: string;
  absent?: boolean;
  /** A daemon of another build of Interlock (started before an upgrade): its pid, if it may be replaced. */
  replace?: number;
  /** A daemon without a socket (it could not listen on one): the full hook asks it over HTTP. */
  httpOnly?: boolean;
}

/**
 * Ask the daemon over its socket; `{ unavailable }` says why not (the caller then decides itself). The
 * connection opens while the agent's input is still arriving; the request goes out once it is complete.
 */
function askOverSocket(
  agent: string,
  input: Promise<string>,
  options: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs?: number; system?: SystemMode },
): Promise<DaemonAnswer | Unavailable> {
  const found = options.system ? systemDaemonToAsk(options.system) : userDaemonToAsk(options.env);
  if ('unavailable' in found) return Promise.resolve(found);
  const { state } = found;
  const { token, socket: path } = state;
  if (!path) return Promise.resolve({ unavailable: 'the daemon has no socket', httpOnly: !options.system });
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
    const timer = setTimeout(
      () => done({ unavailable: `no answer within ${options.timeoutMs ?? 5000} ms` }),
      options.timeoutMs ?? 5000,
    );
    socket.on('error', (e) => done({ unavailable: e.message }));
    socket.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_SOCKET_LINE) done({ unavailable: 'the daemon answered too much' });
      else chunks.push(c);
    });
    socket.on('end', () => {
      let reply: SocketReply;
      try {
        reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SocketReply;
      } catch {
        return done({ unavailable: 'the daemon answered something else' });
      }
      if (reply.error !== undefined) return done({ unavailable: `the daemon said: ${reply.error}` });
      if (
        typeof reply.answer !== 'string' ||
        typeof reply.proof !== 'string' ||
        !sameSecret(reply.proof, token)
      )
        return done({ unavailable: 'the answer did not come from the daemon (no proof of its secret)' });
      let answer: unknown;
      try {
        answer = JSON.parse(reply.answer);
      } catch {
        return done({ unavailable: 'the daemon answered something else' });
      }
      done(isDaemonAnswer(answer) ? answer : { unavailable: 'the daemon answered something else' });
    });
    input.then(
      (payload) => {
        const request: SocketRequest = { agent, payload, cwd: options.cwd, env: forwardableEnv(options.env) };
        socket.end(`${JSON.stringify(request)}\n`);
      },
      () => done({ unavailable: 'no input to forward' }),
    );
  });
}

/** The daemon of this user's state file (single-user mode), or why none may be asked. */
function userDaemonToAsk(env: NodeJS.ProcessEnv): { state: DaemonState } | Unavailable {
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
function systemDaemonToAsk(system: SystemMode): { state: DaemonState } | Unavailable {
  const trusted = trustedSystemDaemon(system);
  return 'state' in trusted ? trusted : { unavailable: `no trustworthy system daemon: ${trusted.untrusted}` };
}

/**
 * `interlock hook [--no-daemon] [--autostart] <agent>`: the exit code to leave with. Everything but the
 * plain case (an agent named, input on a pipe, a daemon with a socket that answers) goes to the full hook.
 * With --autostart (what `interlock init` installs), a call that finds no daemon starts one in the
 * background after answering; INTERLOCK_DAEMON_AUTOSTART=0 turns that off. `exitOnceAnswered` (the
 * installed program): leave as soon as the daemon's answer is written.
 */
export async function runFastHook(
  args: readonly string[],
  options: { exitOnceAnswered?: boolean } = {},
): Promise<number> {
  const agent = args.find((a) => !a.startsWith('-'));
  // Set up as its own user: only that user's daemon is asked, none is autostarted as the agent's user,
  // and nothing the agent's user wrote (state file, code cache, verdict memo) is read.
  const system = systemMode(process.env);
  const useDaemon = !args.includes('--no-daemon') && !process.env.INTERLOCK_NO_DAEMON;
  // Everything but the daemon's answer is in its own file (dist/cli/hook-local.cjs): this one stays small.
  const local = () => import('./hook-local.js');
  if (args.includes('--post-tool')) return (await local()).postTool(agent, system);
  if (!agent || process.stdin.isTTY)
    return (await local()).runFullHook(agent, { daemon: useDaemon && !system, system });
  const input = readAll(process.stdin);
  input.catch(() => {}); // reported below
  const viaDaemon = useDaemon
    ? askOverSocket(agent, input, { env: process.env, cwd: process.cwd(), ...(system ? { system } : {}) })
    : undefined;
  let raw: string;
  try {
    raw = await input;
  } catch (error) {
    process.stderr.write(
      `interlock hook: ${error instanceof Error ? error.message : String(error)}; blocking this tool call to be safe.\n`,
    );
    return EXIT_CODES['hook-block'];
  }
  const answer = await viaDaemon;
  if (answer && 'stdout' in answer) {
    const written = Promise.all([
      answer.stderr ? writeOut(process.stderr, answer.stderr) : undefined,
      writeOut(process.stdout, answer.stdout),
    ]);
    // Nothing else is under way: leave once the answer is out, without Node's teardown of an idle process.
    if (options.exitOnceAnswered) await written.then(() => process.exit(answer.exitCode));
    return answer.exitCode;
  }
  if (answer && process.env.INTERLOCK_DEBUG) process.stderr.write(`interlock hook: ${answer.unavailable}\n`);
  const autostart =
    !system && useDaemon && args.includes('--autostart') && process.env.INTERLOCK_DAEMON_AUTOSTART !== '0';
  return (await local()).decideHere(agent, raw, {
    system,
    // HTTP only for a daemon without a socket (the socket was tried)
    askOverHttp: answer?.httpOnly === true,
    startDaemon: autostart && (answer?.absent === true || answer?.replace !== undefined),
    ...(autostart && answer?.replace !== undefined ? { replace: answer.replace } : {}),
  });
}

function writeOut(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

/** The build this entry belongs to, when it runs as the bundled dist/cli/hook-fast.cjs. */
function ownBuild(): string | undefined {
  return typeof __filename === 'undefined' ? undefined : buildId(dirname(__filename));
}
