#!/usr/bin/env node
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { EXIT_CODES } from './exit-codes.js';

const program = new Command();
program
  .name('interlock')
  .description('A safety interlock between AI agents and production.')
  .version('0.1.0');
registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`interlock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = EXIT_CODES.internal;
});
