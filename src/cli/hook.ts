#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AGENTS, isAgentId, type AgentId } from '../adapters/hooks/types.js';
import { stringEnv } from '../daemon/forwardable-env.js';
import { systemMode } from '../daemon/system-trust.js';
import { answerAtOnce } from './hook-preflight.js';
import { readAll } from './read-input.js';
import { preferQuickStart } from './short-lived.js';
import { EXIT_CODES } from '../core/exit-codes.js';

// `interlock hook <agent>`: read the agent's pre-tool payload on stdin, print the agent's answer, exit
// with the agent's exit code. It runs on every tool call, so it loads only what the call needs:
//   1. parse the payload; read-only tools and ordinary file edits are answered at once;
//   2. otherwise ask the daemon, if one is running (a signed loopback round trip);
//   3. otherwise load the parsers and policies here and decide.
// The installed hook is dist/cli/hook-fast.cjs, which tries the daemon's socket and answers step 1
// itself, then loads this file (bundled) for the rest. This file is still an entry point of its own
// (`node dist/cli/hook.js <agent>`), for hooks installed by earlier versions.

// The post-tool hook travels in the same bundle (the fast entry loads it for `--post-tool`).
export { runPostToolHookOn } from './hook-post.js';

export interface HookIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

async function decide(
  agent: AgentId,
  raw: string,
  io: HookIo,
  useDaemon: boolean,
  preflighted: boolean,
  /** Set up as its own user: why its daemon is not asked (what this process decides stays out of production). */
  systemWithoutDaemon: string | undefined,
): Promise<number> {
  const env = stringEnv(io.env);
  const ctx = { env, cwd: io.cwd };
  let answer: { stdout: string; exitCode: number; stderr?: string } | undefined = preflighted
    ? undefined
    : await answerAtOnce(agent, raw, ctx);
  if (!answer) {
    if (useDaemon) {
      const { askDaemon } = await import('../daemon/client.js');
      const reply = await askDaemon(agent, { payload: raw, cwd: io.cwd, env }, { env: io.env });
      if ('unavailable' in reply) {
        if (io.env.INTERLOCK_DEBUG) io.stderr.write(`interlock hook: deciding here (${reply.unavailable})\n`);
      } else answer = reply;
    }
    if (!answer) {
      const engine = await import('../adapters/hooks/engine.js');
      // Set up as its own user, Interlock decides here only what stays out of production, and without
      // the verdict memo of the agent's user.
      answer = systemWithoutDaemon
        ? await engine.answerHook(agent, raw, ctx, engine.inProcessProvider({ remember: false }), {
            daemonMissing: systemWithoutDaemon,
          })
        : await engine.answerHook(agent, raw, ctx, engine.inProcessProvider());
    }
  }
  if (answer.stderr) io.stderr.write(answer.stderr);
  io.stdout.write(answer.stdout);
  return answer.exitCode;
}

const defaultIo = (): HookIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});

function checkAgent(agentArg: string | undefined, io: HookIo): agentArg is AgentId {
  if (agentArg && isAgentId(agentArg)) return true;
  io.stderr.write(
    `interlock hook: ${agentArg ? `unknown agent "${agentArg}"` : 'no agent given'}; expected one of ${AGENTS.join(', ')}. Usage: interlock hook <agent> < payload.json\n`,
  );
  return false;
}

/**
 * Decide on input already read (the fast entry read it); never throws: what goes wrong blocks (exit 2).
 * `preflighted`: the caller already found that the call needs the policies (see hook-preflight.ts).
 */
export async function runHookOn(
  agentArg: string | undefined,
  raw: string,
  options: { daemon?: boolean; preflighted?: boolean; system?: boolean } = {},
  io: HookIo = defaultIo(),
): Promise<number> {
  if (!checkAgent(agentArg, io)) return EXIT_CODES['hook-block'];
  try {
    // An entry that did not check (`node dist/cli/hook.js`, installed by earlier versions) checks here.
    const system =
      options.system === true
        ? 'the system daemon did not answer'
        : systemMode(io.env) &&
          'this hook entry does not ask the system daemon; install dist/cli/hook-fast.cjs';
    const useDaemon = options.daemon !== false && !io.env.INTERLOCK_NO_DAEMON && !system;
    return await decide(agentArg, raw, io, useDaemon, options.preflighted === true, system || undefined);
  } catch (error) {
    io.stderr.write(
      `interlock hook: ${error instanceof Error ? error.message : String(error)}; blocking this tool call to be safe.\n`,
    );
    return EXIT_CODES['hook-block'];
  }
}

/** Run the hook for `agent`; never throws: whatever goes wrong blocks the call (exit 2) with a reason. */
export async function runHook(
  agentArg: string | undefined,
  options: { daemon?: boolean; system?: boolean } = {},
  io: HookIo = defaultIo(),
): Promise<number> {
  if (!checkAgent(agentArg, io)) return EXIT_CODES['hook-block'];
  if (io.stdin.isTTY) {
    io.stderr.write(
      `interlock hook ${agentArg}: reads the agent's hook input (JSON) on stdin; it is meant to be run by the agent. See interlock init --agent ${agentArg}.\n`,
    );
    return EXIT_CODES['hook-block'];
  }
  let raw: string;
  try {
    raw = await readAll(io.stdin);
  } catch (error) {
    io.stderr.write(
      `interlock hook: ${error instanceof Error ? error.message : String(error)}; blocking this tool call to be safe.\n`,
    );
    return EXIT_CODES['hook-block'];
  }
  return runHookOn(agentArg, raw, options, io);
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  preferQuickStart();
  void runHook(process.argv[2]).then((code) => {
    process.exitCode = code;
  });
}
