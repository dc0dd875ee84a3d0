import { join } from 'node:path';
import { loadRuntime } from '../app/runtime.js';
import type { Principal } from '../core/decide.js';
import type { RunCall, RunHandler } from '../daemon/run-protocol.js';
import { withOwnState } from '../daemon/server-env.js';
import { systemPaths } from '../daemon/system-paths.js';
import { InputError } from '../core/errors.js';
import { reportProblems } from './check.js';
import { errorMessage, exitCodeFor } from './errors.js';
import { commandFromArgs } from './quote.js';
import { decideAndRun } from './run.js';

// The system daemon's answer to `interlock run`: the same decision and run as in the agent's own process,
// but with the daemon's runtime, audit log and broker file. What the call carries is input: the command,
// its directory and the agent's variables are judged; the broker file, the state and the principal's type
// are the daemon's. The caller's uid cannot be read from a Unix socket in Node, so the caller is always an
// agent (never a human, whose say-so could count as an approval), acting for the user it names.

function principalOf(call: RunCall): Principal {
  return { type: 'Agent', id: call.agent ?? 'agent', actsFor: call.user ?? 'unknown' };
}

/** A run handler for the daemon started with `daemonEnv` (its own variables: state, system root). */
export function servedRun(daemonEnv: Record<string, string>): RunHandler {
  const configPath = join(systemPaths(daemonEnv.INTERLOCK_SYSTEM_ROOT || '/').configDir, 'broker.yaml');
  return async (call, io) => {
    const env = withOwnState(call.env, daemonEnv);
    const out = { ...io, env };
    try {
      const rt = reportProblems(await loadRuntime({ cwd: call.cwd, env }), io);
      const request = {
        argv: call.argv,
        command: commandFromArgs(call.argv),
        principal: principalOf(call),
        env,
        cwd: call.cwd,
        configPath,
      };
      return await decideAndRun(request, rt, { via: 'run:daemon', env, waitMs: call.waitMs }, out);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr.write(`interlock run: ${errorMessage(error)}\n`);
      return exitCodeFor(error);
    }
  };
}
