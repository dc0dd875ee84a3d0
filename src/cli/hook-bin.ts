import { runFastHook } from './hook-fast.js';
import { EXIT_CODES } from '../core/exit-codes.js';

// The program `interlock init` installs as the agent's hook: dist/cli/hook-fast.cjs (this file, bundled).
// `interlock hook` (main.js) imports the same bundle and calls runFastHook itself.
export { runFastHook };

const isMain = typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module;
if (isMain) {
  // Whatever goes wrong blocks the tool call (exit 2) with a reason: exit 1 would let most agents go ahead.
  runFastHook(process.argv.slice(2), { exitOnceAnswered: true }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `interlock hook: ${error instanceof Error ? error.message : String(error)}; blocking this tool call to be safe.\n`,
      );
      process.exitCode = EXIT_CODES['hook-block'];
    },
  );
}
