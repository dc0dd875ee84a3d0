import { statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { serverConnection } from '../approvals/settings.js';
import type { Runtime } from '../app/runtime.js';
import type { CliCall, CliHandler } from '../daemon/cli-protocol.js';
import { isBinaryPlan, planFromBytes } from '../plans/load.js';
import { principalFrom, runCheck } from './check.js';
import { runExplain } from './explain.js';
import type { CliIo } from './io.js';
import { runPlanCheck } from './plan-check.js';
import { policyList } from './policy.js';
import { servedArgs, type ServedArgs } from './served-args.js';

// The daemon's answer to a one-shot `interlock check`, `explain`, `plan check` or `policy list` (cli-fast.ts): the same
// command code as in the caller's process, its output captured, its directory, variables and plan file's
// bytes passed in (nothing of the daemon's process.cwd, process.env or process.exitCode is read or set). A call the daemon should not
// answer is refused with a reason, and the caller then runs the command itself: the daemon never answers
// differently from the caller's own run, it only answers faster.

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The handler `interlock daemon` plugs into its socket. */
export function servedCli(): CliHandler {
  return async (call, context) => {
    const args = servedArgs(call.argv);
    if (!args)
      throw new Error(
        'the daemon answers check, explain, plan check and policy list in the forms of served-args.ts',
      );
    // The system daemon's own user is nobody's: it answers for an agent, acting for the user it names.
    if (context.system && !args.agent) throw new Error('the system daemon answers an agent (--agent) only');
    // A daemon of the caller's own user decides as the caller would, a person's call included.
    if (!context.system && call.user !== principalFrom({}).id)
      throw new Error('the daemon runs as another user than the caller');
    const cwd = args.cwd ?? call.cwd;
    if (!isDirectory(cwd)) throw new Error(`${cwd} is not a directory`); // the caller's commander says so
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: CliIo = {
      stdin: Readable.from([]),
      stdout: { write: (text: string) => stdout.push(text), isTTY: call.stdoutTTY },
      stderr: { write: (text: string) => stderr.push(text) },
      env: context.env,
    };
    const options = {
      cwd,
      ...(args.json ? { json: true } : {}),
      ...(args.agent ? { agent: args.agent, actsFor: call.user } : {}),
    };
    const rt = await context.runtime(cwd);
    // The caller's own run asks an approval server with the caller's token, which is not sent here (nor is
    // the daemon's to be used for it): outside system mode such a call stays the caller's.
    if (!context.system && serverConnection(context.env, rt.config) !== undefined)
      throw new Error('with an approval server, the caller decides with its own token');
    const exitCode = await commandOf(args, call, options, rt, io);
    return { stdout: stdout.join(''), exitCode, ...(stderr.length ? { stderr: stderr.join('') } : {}) };
  };
}

/** The command's own code, on the daemon's runtime and the captured io. */
function commandOf(
  args: ServedArgs,
  call: CliCall,
  options: { cwd: string; json?: boolean; agent?: string; actsFor?: string },
  rt: Runtime,
  io: CliIo,
): Promise<number> {
  // Outside system mode only (the system daemon answers agents): its layers are then the caller's own.
  if (args.command === 'policy list') return policyList(options.cwd, options.json === true, io);
  if (args.command !== 'plan check')
    return args.command === 'check'
      ? runCheck(args.words, options, () => Promise.resolve(rt), io)
      : runExplain(args.words, options, rt, io);
  // The plan's bytes are the caller's (the daemon never opens its path: in system mode it is another user).
  if (call.plan === undefined) throw new Error('a plan check brings the plan file it checks');
  const bytes = Buffer.from(call.plan, 'base64');
  if (isBinaryPlan(bytes)) throw new Error('a binary plan is read with `terraform show` by the caller');
  const { file, format, env, workspace } = args;
  return runPlanCheck(
    {
      ...options,
      ...(format ? { format } : {}),
      ...(env ? { env } : {}),
      ...(workspace ? { workspace } : {}),
    },
    { load: (loadOptions) => planFromBytes(file, bytes, loadOptions), policies: () => Promise.resolve(rt) },
    io,
  );
}
