import { createConnection } from 'node:net';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readAll } from './read-input.js';
import { forwardableEnv, stringEnv } from '../daemon/forwardable-env.js';
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
 * background after answering; INTERLOCK_DAEMON_AUTOSTART=0 turns that off.
 */
export async function runFastHook(args: readonly string[]): Promise<number> {
  const agent = args.find((a) => !a.startsWith('-'));
  // Set up as its own user: only that user's daemon is asked, none is autostarted as the agent's user,
  // and nothing the agent's user wrote (state file, code cache, verdict memo) is read.
  const system = systemMode(process.env);
  const useDaemon = !args.includes('--no-daemon') && !process.env.INTERLOCK_NO_DAEMON;
  const autostart =
    !system && useDaemon && args.includes('--autostart') && process.env.INTERLOCK_DAEMON_AUTOSTART !== '0';
  let startDaemon = false;
  let replace: number | undefined;
  let askOverHttp = false; // the socket was tried; HTTP only for a daemon without one
  let saveCompiled = () => {};
  const full = async (): Promise<typeof import('./hook.js')> => {
    // Loaded only here: the daemon path needs neither node:v8 nor node:vm.
    const [{ preferQuickStart }, { requireBundle }] = await Promise.all([
      import('./short-lived.js'),
      import('./bundle-loader.js'),
    ]);
    preferQuickStart();
    const bundle = bundledFullHook();
    if (!bundle) return import('./hook.js');
    const loaded = requireBundle(bundle, process.env, system);
    saveCompiled = loaded.save;
    return loaded.exports as typeof import('./hook.js');
  };
  if (args.includes('--post-tool')) return postTool(agent, full);
  if (!agent || process.stdin.isTTY)
    return (await full()).runHook(agent, {
      daemon: useDaemon && !system,
      ...(system ? { system: true } : {}),
    });
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
  if (viaDaemon) {
    const answer = await viaDaemon;
    if ('stdout' in answer) {
      if (answer.stderr) process.stderr.write(answer.stderr);
      process.stdout.write(answer.stdout);
      return answer.exitCode;
    }
    if (process.env.INTERLOCK_DEBUG) process.stderr.write(`interlock hook: ${answer.unavailable}\n`);
    startDaemon = autostart && (answer.absent === true || answer.replace !== undefined);
    replace = autostart ? answer.replace : undefined;
    askOverHttp = answer.httpOnly === true;
  }
  // Read-only tools, ordinary edits and unreadable input are answered without loading the full hook.
  const { answerAtOnce } = await import('./hook-preflight.js');
  const quick = await answerAtOnce(agent, raw, { env: stringEnv(process.env), cwd: process.cwd() });
  let code: number;
  if (quick) {
    if (quick.stderr) process.stderr.write(quick.stderr);
    process.stdout.write(quick.stdout);
    code = quick.exitCode;
  } else {
    code = await (
      await full()
    ).runHookOn(agent, raw, {
      daemon: askOverHttp && !system,
      preflighted: true,
      ...(system ? { system: true } : {}),
    });
    saveCompiled();
  }
  const main = startDaemon ? mainScript() : undefined;
  if (main) {
    const { startDaemonInBackground } = await import('../daemon/autostart.js');
    if (replace !== undefined) stopDaemon(replace);
    startDaemonInBackground(main, stateFile(process.env), process.env);
  }
  return code;
}

/**
 * `--post-tool`: the agent's post-tool event, recorded as an execution. The command already ran, so this
 * never blocks: whatever goes wrong, exit 0 with no opinion.
 */
async function postTool(
  agent: string | undefined,
  full: () => Promise<typeof import('./hook.js')>,
): Promise<number> {
  if (process.stdin.isTTY) return EXIT_CODES.ok;
  try {
    const raw = await readAll(process.stdin);
    const hook = await full();
    return await hook.runPostToolHookOn(agent, raw, {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
    });
  } catch (error) {
    if (process.env.INTERLOCK_DEBUG)
      process.stderr.write(
        `interlock hook --post-tool: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    return EXIT_CODES.ok;
  }
}

/** The build this entry belongs to, when it runs as the bundled dist/cli/hook-fast.cjs. */
function ownBuild(): string | undefined {
  return typeof __filename === 'undefined' ? undefined : buildId(dirname(__filename));
}

/** Stop an autostarted daemon of an older build (ours to replace: it was started to leave when idle). */
function stopDaemon(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** dist/cli/main.js, beside the bundled entry (the daemon is started through the full command line). */
function mainScript(): string | undefined {
  if (typeof __filename === 'undefined') return undefined;
  const main = join(dirname(__filename), 'main.js');
  return existsSync(main) ? main : undefined;
}

/** dist/cli/hook-bundle.cjs, when this code runs as the bundled dist/cli/hook-fast.cjs beside it. */
function bundledFullHook(): string | undefined {
  if (typeof __filename === 'undefined' || !__filename.endsWith('.cjs')) return undefined;
  const bundle = join(dirname(__filename), 'hook-bundle.cjs');
  return existsSync(bundle) ? bundle : undefined;
}
