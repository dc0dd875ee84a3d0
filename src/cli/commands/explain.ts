import type { Command } from 'commander';
import { existingDirectory } from '../options.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('Show the parse, effects, environment, matching policies and outcome for a command')
    .argument('[command...]', 'the command, after --')
    .option('--json', 'machine-readable output')
    .option('--cwd <dir>', 'directory the command would run in', existingDirectory)
    .option('--agent <name>', 'the command is proposed by this agent')
    .action(async (args: string[], options: { json?: boolean; cwd?: string; agent?: string }) => {
      const [{ runExplain }, { loadRuntime }, { mayRememberVerdicts, assessmentMemoOptions }] =
        await Promise.all([
          import('../explain.js'),
          import('../../app/runtime.js'),
          import('../remember-verdicts.js'),
        ]);
      const cwd = options.cwd ?? process.cwd();
      const assessments = assessmentMemoOptions();
      // The SQL parser loads when a command has SQL in it, as for check; the shell parser, as for check,
      // only when no remembered assessment answers.
      const runtime = await loadRuntime({
        cwd,
        eagerSql: false,
        rememberVerdicts: mayRememberVerdicts(),
        ...(assessments ? { rememberAssessments: assessments } : {}),
      });
      process.exitCode = await runExplain(args, options, runtime);
    });
}
