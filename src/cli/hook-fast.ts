import { readAll } from './read-input.js';
import { forwardableEnv } from '../daemon/forwardable-env.js';
import { systemMode, type SystemMode } from '../daemon/system-trust.js';
import { type DaemonAnswer, type SocketRequest } from '../daemon/socket-protocol.js';
import { askOverSocket, systemDaemonToAsk, type Unavailable, userDaemonToAsk } from '../daemon/socket-ask.js';
import { EXIT_CODES } from '../core/exit-codes.js';

// The first thing `interlock hook <agent>` runs, on every tool call an agent makes. It loads node's
// built-ins and nothing else (the build bundles it into dist/cli/hook-fast.cjs), reads the agent's input,
// and hands it to the daemon over its Unix socket when one is running: a hook call then costs little more
// than starting Node. When there is no daemon, or any doubt about its answer, it loads the full hook
// (parsers, policies) and decides in this process; the input already read is passed on, never lost.

/**
 * Ask the daemon over its socket; `{ unavailable }` says why not (the caller then decides itself). The
 * connection opens while the agent's input is still arriving; the request goes out once it is complete.
 */
function askDaemon(
  agent: string,
  input: Promise<string>,
  options: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs?: number; system?: SystemMode },
): Promise<DaemonAnswer | Unavailable> {
  const found = options.system ? systemDaemonToAsk(options.system) : userDaemonToAsk(options.env);
  if ('unavailable' in found) return Promise.resolve(found);
  if (!found.state.socket)
    return Promise.resolve({ unavailable: 'the daemon has no socket', httpOnly: !options.system });
  const line = input.then((payload) => {
    const request: SocketRequest = { agent, payload, cwd: options.cwd, env: forwardableEnv(options.env) };
    return `${JSON.stringify(request)}\n`;
  });
  return askOverSocket(found.state, line, options.timeoutMs);
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
    ? askDaemon(agent, input, { env: process.env, cwd: process.cwd(), ...(system ? { system } : {}) })
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
