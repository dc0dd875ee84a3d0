import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerExplain } from './explain.js';
import { registerPlan } from './plan.js';
import { registerPolicy } from './policy.js';

/** Every subcommand registers itself from its own module; each loads its heavy parts only when run. */
export function registerCommands(program: Command): void {
  registerCheck(program);
  registerExplain(program);
  registerPolicy(program);
  registerPlan(program);
}
