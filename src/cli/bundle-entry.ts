import { registerOneShotCommands } from './commands/one-shot.js';
import { writeAnswersToDescriptors } from './io.js';
import { runCommandLineOf } from './program.js';

// What dist/cli/hook-bundle.cjs exports (scripts/bundle.mjs): the full hook and the one-shot commands,
// one file that Node loads several times faster than two hundred modules, with one V8 code cache. The hook
// loads it when no daemon answers; main.ts loads it for the one-shot commands (check, explain, plan, policy).
// Only those commands are registered, so that the servers, setup and their packages stay out of the bundle.
// The hook's own modules (its agents' envelopes, the post-tool record) are evaluated on its first call, so
// that a one-shot command loads the bundle without them.
type Hook = typeof import('./hook.js');
const hook = () => import('./hook.js');
export const runHook: Hook['runHook'] = async (...args) => (await hook()).runHook(...args);
export const runHookOn: Hook['runHookOn'] = async (...args) => (await hook()).runHookOn(...args);
export const runPostToolHookOn: Hook['runPostToolHookOn'] = async (...args) =>
  (await hook()).runPostToolHookOn(...args);
// A `check --batch` worker thread runs from the bundle too (batch-worker.ts).
export { runBatchThread } from './batch-thread.js';

/** The command line with only the one-shot commands; the exit code. */
export function runOneShot(args: readonly string[]): Promise<number> {
  writeAnswersToDescriptors();
  return runCommandLineOf(registerOneShotCommands, args);
}
