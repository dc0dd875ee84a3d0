import type { Command } from 'commander';
import { EXIT_CODES } from '../../core/exit-codes.js';
import { existingDirectory } from '../options.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'Decide a command and, on a final allow, run it with the broker’s credentials (psql; the agent never sees them)',
    )
    .argument('<command...>', 'the command, after --')
    .option('--cwd <dir>', 'directory to run the command in', existingDirectory)
    .option('--agent <name>', 'the command is proposed by this agent (default: the OS user, as a human)')
    .option('--wait <duration>', 'with an approval server: wait this long (e.g. 5m) for approval')
    .option(
      '--broker-config <file>',
      'the broker configuration (default /etc/interlock/broker.yaml); owned by root or you, mode 0600',
    )
    .addHelpText(
      'after',
      `\nExit codes: when it ran, the command's own; else ask ${EXIT_CODES.ask}, require-approval ${EXIT_CODES['require-approval']}, deny ${EXIT_CODES.deny}, a broker configuration or target that cannot be used ${EXIT_CODES.usage}.`,
    )
    .action(async (args: string[], options) => {
      const [{ runBrokered }, { loadRuntime }] = await Promise.all([
        import('../run.js'),
        import('../../app/runtime.js'),
      ]);
      process.exitCode = await runBrokered(args, options, () =>
        loadRuntime({ cwd: options.cwd ?? process.cwd() }),
      );
    });
}
