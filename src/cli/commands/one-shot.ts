import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerExplain } from './explain.js';
import { registerPlan } from './plan.js';
import { registerPolicy } from './policy.js';

/** The commands that run from the bundle (src/cli/one-shot.ts): each decides or reports once and exits. */
export function registerOneShotCommands(program: Command): void {
  registerCheck(program);
  registerExplain(program);
  registerPolicy(program);
  registerPlan(program);
}
