import { registerOneShotCommands } from './commands/one-shot.js';
import { runCommandLineOf } from './program.js';

// What dist/cli/hook-bundle.cjs exports (scripts/bundle.mjs): the full hook and the one-shot commands,
// one file that Node loads several times faster than two hundred modules, with one V8 code cache. The hook
// loads it when no daemon answers; main.ts loads it for the one-shot commands (check, explain, plan, policy).
// Only those commands are registered, so that the servers, setup and their packages stay out of the bundle.
export { runHook, runHookOn, runPostToolHookOn } from './hook.js';
// A `check --batch` worker thread runs from the bundle too (batch-worker.ts).
export { runBatchThread } from './batch-thread.js';

/** The command line with only the one-shot commands; the exit code. */
export function runOneShot(args: readonly string[]): Promise<number> {
  return runCommandLineOf(registerOneShotCommands, args);
}
