import { registerCommands } from './commands/index.js';
import { runCommandLineOf } from './program.js';

// The whole command line, every command registered. main.ts runs it in its process (for the commands not
// in the bundle); tests run it in theirs.

/** Run the command line on `args` (the words after `interlock`); the exit code. */
export function runProgram(args: readonly string[]): Promise<number> {
  return runCommandLineOf(registerCommands, args);
}
