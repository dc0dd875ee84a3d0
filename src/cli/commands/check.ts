import type { Command } from 'commander';
import { EXIT_CODES } from '../../core/exit-codes.js';
import { existingDirectory } from '../options.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Assess a shell command and decide: allow, ask, require-approval or deny')
    .argument('[command...]', 'the command, after --')
    .option('--json', 'print exactly one JSON object')
    .option('--cwd <dir>', 'directory the command would run in', existingDirectory)
    .option('--batch', 'read JSONL {"command","cwd"?,"env"?} on stdin, write one JSON result per line')
    .option('--agent <name>', 'the command is proposed by this agent (default: the OS user, as a human)')
    .option('--wait <duration>', 'with an approval server: wait this long (e.g. 5m) for approval')
    .addHelpText(
      'after',
      `\nExit codes: allow ${EXIT_CODES.allow}, ask ${EXIT_CODES.ask}, require-approval ${EXIT_CODES['require-approval']}, deny ${EXIT_CODES.deny}, bad input ${EXIT_CODES.usage}, internal error ${EXIT_CODES.internal}.`,
    )
    .action(async (args: string[], options) => {
      const [{ runCheck }, { loadRuntime }, { mayRememberVerdicts, assessmentMemoOptions }] =
        await Promise.all([
          import('../check.js'),
          import('../../app/runtime.js'),
          import('../remember-verdicts.js'),
        ]);
      // Verdicts remembered from earlier runs spare compiling Cedar (a batch of known requests too), and a
      // single command's remembered assessment spares loading the shell parser.
      const assessments = options.batch === true ? undefined : assessmentMemoOptions();
      const runtimeOptions = {
        cwd: options.cwd ?? process.cwd(),
        eagerSql: options.batch === true,
        rememberVerdicts: mayRememberVerdicts(),
      };
      process.exitCode = await runCheck(
        args,
        options,
        () =>
          loadRuntime({ ...runtimeOptions, ...(assessments ? { rememberAssessments: assessments } : {}) }),
        undefined,
        // A batch's worker threads load the same runtime as the main thread (batch-pool.ts).
        { runtime: runtimeOptions },
      );
    });
}
