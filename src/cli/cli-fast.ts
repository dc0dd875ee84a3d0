import { userInfo } from 'node:os';
import { forwardableEnv } from '../daemon/forwardable-env.js';
import { askOverSocket, systemDaemonToAsk, userDaemonToAsk } from '../daemon/socket-ask.js';
import { systemMode } from '../daemon/system-trust.js';
import { servedArgs } from './served-args.js';

// What main.js tries first for `interlock check` and `explain` (dist/cli/cli-fast.cjs, node built-ins only):
// ask the running daemon, which has the parsers and policies loaded, and print its answer. The daemon is
// asked under the hook's rules: the caller's own daemon of this very build outside system mode, only the
// system daemon (its files Interlock's own) in system mode. Whenever there is none, or any doubt about its
// answer, the caller runs the command itself, as before: no error, and no daemon is started from here.

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown'; // no passwd entry (containers), as principalFrom says
  }
}

/** The daemon's answer to `args` (the words after `interlock`), printed: the exit code; else undefined. */
export async function answerFromDaemon(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number | undefined> {
  const served = servedArgs(args);
  if (env.INTERLOCK_NO_DAEMON || !served) return undefined;
  const system = systemMode(env);
  // Outside system mode an approval server named in the caller's variables is the caller's own, which the
  // daemon would replace by its own: such a call runs here. The system daemon answers agents only.
  if (system ? !served.agent : env.INTERLOCK_SERVER_URL || env.INTERLOCK_TOKEN) return undefined;
  const found = system ? systemDaemonToAsk(system) : userDaemonToAsk(env);
  const answer =
    'state' in found
      ? await askOverSocket(found.state, Promise.resolve(`${JSON.stringify(callOf(args, env))}\n`))
      : found;
  if ('unavailable' in answer) {
    if (env.INTERLOCK_DEBUG) process.stderr.write(`interlock: ${answer.unavailable}; deciding here\n`);
    return undefined;
  }
  await Promise.all([
    answer.stderr ? writeOut(process.stderr, answer.stderr) : undefined,
    writeOut(process.stdout, answer.stdout),
  ]);
  return answer.exitCode;
}

function callOf(args: readonly string[], env: NodeJS.ProcessEnv) {
  return {
    kind: 'cli',
    argv: [...args],
    cwd: process.cwd(),
    env: forwardableEnv(env),
    user: userName(),
    stdoutTTY: process.stdout.isTTY === true,
  };
}

function writeOut(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}
