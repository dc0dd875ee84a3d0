import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The command a routed call runs must be this installation's CLI, named by absolute path: a bare
// `interlock` is whatever the agent's PATH finds first, and the agent can put a program of its own there.
// Every entry point of ours (main.js, the bundled hook, the daemon) sits in dist/cli beside main.js, so the
// running script's real directory (npm's bin links resolved) names it; the agent's environment is not asked.

let resolved: readonly string[] | null | undefined;

/** `[node, …/dist/cli/main.js]` of the running installation, or undefined when it cannot be found. */
export function ownCliArgv(): readonly string[] | undefined {
  if (resolved === undefined) resolved = findOwnCli();
  return resolved ?? undefined;
}

function findOwnCli(): readonly string[] | null {
  const entry = process.argv[1];
  if (!entry) return null;
  try {
    const main = join(dirname(realpathSync(entry)), 'main.js');
    return existsSync(main) ? [process.execPath, main] : null;
  } catch {
    return null;
  }
}
