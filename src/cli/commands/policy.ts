import type { Command } from 'commander';
import { EXIT_CODES } from '../../core/exit-codes.js';
import { existingDirectory } from '../options.js';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('Validate, list and test the Cedar policies in force');
  policy
    .command('validate')
    .description('Check every configuration file and policy against the Interlock schema')
    .option('--cwd <dir>', 'project directory (default: current)', existingDirectory)
    .action(async (options: { cwd?: string }) => {
      const { policyValidate } = await import('../policy.js');
      process.exitCode = await policyValidate(options.cwd ?? process.cwd());
    });
  policy
    .command('list')
    .description('Show the active packs, policies and settings, and where each came from')
    .option('--cwd <dir>', 'project directory (default: current)', existingDirectory)
    .option('--json', 'machine-readable output')
    .action(async (options: { cwd?: string; json?: boolean }) => {
      const { policyList } = await import('../policy.js');
      process.exitCode = await policyList(options.cwd ?? process.cwd(), options.json === true);
    });
  policy
    .command('test')
    .description(`Run the policy tests in .interlock/tests/ (exit ${EXIT_CODES.failed} when one fails)`)
    .option('--cwd <dir>', 'project directory (default: current)', existingDirectory)
    .option('--dir <dir>', 'tests directory (default: .interlock/tests)', existingDirectory)
    .option('--json', 'machine-readable output')
    .action(async (options: { cwd?: string; dir?: string; json?: boolean }) => {
      const { policyTest } = await import('../policy.js');
      process.exitCode = await policyTest(options.cwd ?? process.cwd(), options.dir, options.json === true);
    });
}
