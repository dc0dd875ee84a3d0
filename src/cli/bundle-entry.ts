// What dist/cli/hook-bundle.cjs exports (scripts/bundle.mjs): the full hook and the whole command line,
// one file that Node loads several times faster than two hundred modules, with one V8 code cache. The hook
// loads it when no daemon answers; main.ts loads it for the one-shot commands (check, explain, plan, policy).
export { runHook, runHookOn, runPostToolHookOn } from './hook.js';
export { runProgram } from './program.js';
