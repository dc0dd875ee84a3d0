import { parsePostTool, postToolOutput } from '../adapters/hooks/post-tool.js';
import { recordExecuted } from '../adapters/hooks/record-executed.js';
import { isAgentId } from '../adapters/hooks/types.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import type { HookIo } from './hook.js';

// `interlock hook --post-tool <agent>`: the agent's post-tool hook. It records what ran (see
// record-executed.ts) and always answers with no opinion and exit 0: the command has already run, and a
// post-tool hook that fails would only disturb the agent. Problems go to stderr with INTERLOCK_DEBUG.

export async function runPostToolHookOn(
  agentArg: string | undefined,
  raw: string,
  io: Pick<HookIo, 'stdout' | 'stderr' | 'env' | 'cwd'>,
  now: number = Date.now(),
): Promise<number> {
  if (!agentArg || !isAgentId(agentArg)) return EXIT_CODES.ok;
  io.stdout.write(postToolOutput(agentArg));
  const debug = (line: string) => {
    if (io.env.INTERLOCK_DEBUG) io.stderr.write(`interlock hook --post-tool: ${line}\n`);
  };
  try {
    const parsed = parsePostTool(agentArg, JSON.parse(raw) as unknown, { cwd: io.cwd });
    if (!parsed.ok) {
      debug(`nothing recorded: ${parsed.skip}`);
      return EXIT_CODES.ok;
    }
    for (const problem of await recordExecuted(parsed.executed, { env: io.env, now })) debug(problem);
  } catch (error) {
    debug(error instanceof Error ? error.message : String(error));
  }
  return EXIT_CODES.ok;
}
