import type { Command } from 'commander';
import { registerCheck } from './check.js';

/** Every subcommand registers itself from its own module; each loads its heavy parts only when run. */
export function registerCommands(program: Command): void {
  registerCheck(program);
}
