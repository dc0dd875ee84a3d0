#!/usr/bin/env node
import { Command } from 'commander';
import { EXIT_CODES } from './exit-codes.js';

const program = new Command();
program
  .name('interlock')
  .description('A safety interlock between AI agents and production.')
  .version('0.1.0');

program
  .command('check')
  .description('Assess a shell command and decide: allow, ask, require-approval or deny')
  .argument('[command...]', 'the command, after --')
  .option('--json', 'print exactly one JSON object')
  .option('--cwd <dir>', 'directory the command would run in')
  .option('--batch', 'read JSONL {"command","cwd"?,"env"?} on stdin, write one JSON result per line')
  .option('--agent <name>', 'the command is proposed by this agent (default: the OS user, as a human)')
  .addHelpText(
    'after',
    `\nExit codes: allow ${EXIT_CODES.allow}, ask ${EXIT_CODES.ask}, require-approval ${EXIT_CODES['require-approval']}, deny ${EXIT_CODES.deny}, bad input ${EXIT_CODES.usage}, internal error ${EXIT_CODES.internal}.`,
  )
  .action(async (args: string[], options) => {
    const [{ runCheck }, { loadRuntime }] = await Promise.all([
      import('./check.js'),
      import('../app/runtime.js'),
    ]);
    process.exitCode = await runCheck(args, options, () => loadRuntime());
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`interlock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = EXIT_CODES.internal;
});
