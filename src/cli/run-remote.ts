import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { EXIT_CODES } from '../core/exit-codes.js';
import { stringEnv } from '../daemon/forwardable-env.js';
import { runThroughDaemon } from '../daemon/run-client.js';
import { systemMode, trustedSystemDaemon } from '../daemon/system-trust.js';
import type { CliIo } from './io.js';
import type { RunCommandOptions } from './run.js';

// `interlock run` on a machine set up with `setup --system`: the broker's file belongs to the interlock
// user, so the agent's process sends the command to the system daemon, which decides and runs it as that
// user and streams the output back. The agent's process never reads the file and never runs the command.

interface SystemDaemon {
  socket: string;
  token: string;
}

/** The system daemon to send the command to: only one whose files are Interlock's own (system-trust). */
export function systemDaemonFor(env: NodeJS.ProcessEnv): SystemDaemon | undefined {
  const mode = systemMode(env);
  if (!mode) return undefined;
  const trusted = trustedSystemDaemon(mode);
  if (!('state' in trusted) || !trusted.state.socket) return undefined;
  return { socket: trusted.state.socket, token: trusted.state.token };
}

function osUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined; // no passwd entry (containers)
  }
}

/** Send the command; exit with what the daemon says, or fail closed when it cannot be asked. */
export async function runInSystemDaemon(
  daemon: SystemDaemon,
  argv: string[],
  options: RunCommandOptions,
  waitMs: number,
  io: CliIo,
): Promise<number> {
  const user = osUser();
  const outcome = await runThroughDaemon(
    daemon.socket,
    daemon.token,
    {
      kind: 'run',
      argv,
      cwd: resolve(options.cwd ?? process.cwd()),
      env: stringEnv(io.env),
      waitMs,
      ...(options.agent ? { agent: options.agent } : {}),
      ...(user ? { user } : {}),
    },
    io,
  );
  if ('code' in outcome) return outcome.code;
  io.stderr.write(
    `interlock run: ${outcome.failed}; nothing ran. Interlock is set up as its own user here, so only its daemon can run brokered commands: check it with \`interlock doctor\` (as root: systemctl status interlock).\n`,
  );
  return EXIT_CODES.internal;
}
