import type { Command } from 'commander';

export function registerFreeze(program: Command): void {
  program
    .command('freeze')
    .description('Kill switch: deny every non-read action of every agent (or of one agent) until unfrozen')
    .option('--agent <name>', 'only this agent')
    .option('--reason <text>', 'why (shown to the agents and in webhooks)')
    .option('--json', 'machine-readable output')
    .action(async (options) => {
      const { runFreeze } = await import('../freeze.js');
      process.exitCode = await runFreeze(true, options);
    });
  program
    .command('unfreeze')
    .description('Lift the kill switch, or with --agent reset that agent (and its circuit breaker)')
    .option('--agent <name>', 'only this agent')
    .option('--reason <text>', 'why')
    .option('--json', 'machine-readable output')
    .action(async (options) => {
      const { runFreeze } = await import('../freeze.js');
      process.exitCode = await runFreeze(false, options);
    });
}
