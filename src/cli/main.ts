#!/usr/bin/env node

// `interlock hook <agent>` runs on every tool call an agent makes: skip loading the command-line parser.
const [subcommand, ...rest] = process.argv.slice(2);
// One-shot commands compile WebAssembly with the baseline tier only (see short-lived.ts).
const longRunning = ['serve', 'daemon'].includes(subcommand ?? '') || rest.includes('--batch');
if (!longRunning) (await import('./short-lived.js')).preferQuickStart();
if (subcommand === 'hook' && rest.length > 0 && !rest.includes('--help') && !rest.includes('-h')) {
  // The bundled fast entry (see hook-fast.ts): the daemon's socket first, else the bundled full hook.
  // Required, not imported: importing CommonJS from an ES module costs ~50 ms of export analysis here.
  const { createRequire } = await import('node:module');
  const fast = createRequire(import.meta.url)('./hook-fast.cjs') as typeof import('./hook-fast.js');
  process.exitCode = await fast.runFastHook(rest).catch(async (error: unknown) => {
    // As in hook-bin.ts: whatever goes wrong blocks the tool call; a crash (exit 1) would let most agents go on.
    process.stderr.write(
      `interlock hook: ${error instanceof Error ? error.message : String(error)}; blocking this tool call to be safe.\n`,
    );
    return (await import('../core/exit-codes.js')).EXIT_CODES['hook-block'];
  });
} else {
  process.exitCode = await (await import('./one-shot.js')).runCommandLine(process.argv.slice(2));
}
