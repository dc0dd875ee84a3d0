import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { forwardableEnv } from '../daemon/forwardable-env.js';
import { askOverSocket, systemDaemonToAsk, userDaemonToAsk } from '../daemon/socket-ask.js';
import { MAX_SERVED_PLAN_BYTES } from '../daemon/socket-protocol.js';
import { systemMode } from '../daemon/system-trust.js';
import { servedArgs, type ServedArgs } from './served-args.js';

// What main.js tries first for `interlock check`, `explain` and `plan check` (dist/cli/cli-fast.cjs, node
// built-ins only):
// ask the running daemon, which has the parsers and policies loaded, and print its answer. The daemon is
// asked under the hook's rules: the caller's own daemon of this very build outside system mode, only the
// system daemon (its files Interlock's own) in system mode. A plan file is read here and its bytes sent:
// the daemon never opens the caller's path (in system mode it runs as another user). Whenever there is none, or any doubt about its
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
  const plan = 'state' in found && served.command === 'plan check' ? planBytes(served) : undefined;
  if (plan === null) return undefined;
  // The call (the caller's environment, user) is put together only when there is a daemon to send it to.
  // A plan takes longer to decide than a command: a daemon that answered after the wait, the caller
  // deciding meanwhile, would record it twice.
  const answer =
    'state' in found
      ? await askOverSocket(
          found.state,
          Promise.resolve(
            `${JSON.stringify({ ...callOf(args, env), ...(plan !== undefined ? { plan } : {}) })}\n`,
          ),
          plan !== undefined ? 30_000 : 5000,
        )
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

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The bytes of `plan check`'s file, base64: a regular file of at most MAX_SERVED_PLAN_BYTES that is plan
 * JSON, read through one descriptor. null when the caller checks it itself: a missing, unreadable or
 * special file (its error message is the local run's), a larger one, a binary plan (`terraform show`).
 */
function planBytes(served: ServedArgs & { command: 'plan check' }): string | null {
  let fd: number | undefined;
  try {
    const path = resolve(served.cwd ?? process.cwd(), served.file);
    // Looked at before it is opened (opening a FIFO waits for a writer), opened without waiting, looked at again.
    if (!statSync(path).isFile()) return null;
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_SERVED_PLAN_BYTES) return null;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    for (let n = 1; read < bytes.length && n > 0; read += n)
      n = readSync(fd, bytes, read, bytes.length - read, null);
    // A file that grew or shrank while it was read is left to the local run.
    if (read !== stat.size || readSync(fd, Buffer.alloc(1), 0, 1, null) !== 0) return null;
    if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return null;
    return bytes.toString('base64');
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
