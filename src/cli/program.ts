import { Command } from 'commander';
import { packageInfo } from './package-info.js';
import { reportError, routeUsageErrors } from './errors.js';

// The command line: the commands `register` adds, commander's usage errors routed to our exit codes, and an
// error that escapes a command reported once. Every command (commands/index.ts) or only the one-shot ones
// (bundle-entry.ts: their bundle then leaves out the servers, setup and their packages).

/** Run the command line on `args` (the words after `interlock`) with the commands `register` adds; the exit code. */
export async function runCommandLineOf(
  register: (program: Command) => void,
  args: readonly string[],
): Promise<number> {
  const program = new Command();
  program
    .name('interlock')
    .description('A safety interlock between AI agents and production.')
    .version(packageInfo().version);
  // The command that runs ("audit verify"), to name it in an error message.
  let running = '';
  program.hook('preAction', (_program, action) => {
    running = commandPath(action);
  });
  register(program);
  routeUsageErrors(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    return reportError(running, error);
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
