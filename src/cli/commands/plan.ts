import { Command, Option } from 'commander';
import { EXIT_CODES } from '../../core/exit-codes.js';
import { existingDirectory } from '../options.js';

export interface PlanCheckOptions {
  json?: boolean;
  format?: 'text' | 'markdown' | 'json';
  env?: string;
  workspace?: string;
  cwd?: string;
  tool?: 'terraform' | 'tofu';
  agent?: string;
  /** With an approval server: how long to wait for approval (e.g. "5m"). */
  wait?: string;
}

export function registerPlan(program: Command): void {
  const plan = program
    .command('plan')
    .description('Assess infrastructure plans: Terraform/OpenTofu plans and CloudFormation change sets');
  plan
    .command('check')
    .description('Assess a plan or change set and decide: allow, ask, require-approval or deny')
    .argument(
      '<file>',
      'plan JSON (`terraform show -json plan.out`), a binary plan file, or `aws cloudformation describe-change-set` JSON',
    )
    .option('--json', 'print exactly one JSON object (same as --format json)')
    .addOption(
      new Option('--format <format>', 'output for people or programs').choices(['text', 'markdown', 'json']),
    )
    .option('--env <name>', 'the environment the plan is for (production, staging…)')
    .option('--workspace <name>', 'the Terraform workspace the plan was made in (plan JSON does not say)')
    .option(
      '--cwd <dir>',
      'directory to resolve the file from and to run `terraform show` in',
      existingDirectory,
    )
    .addOption(
      new Option('--tool <program>', 'program that reads a binary plan (the other is tried next)').choices([
        'terraform',
        'tofu',
      ]),
    )
    .option('--agent <name>', 'the plan is proposed by this agent (default: the OS user, as a human)')
    .option('--wait <duration>', 'with an approval server: wait this long (e.g. 5m) for approval')
    .addHelpText(
      'after',
      `\nExit codes: allow ${EXIT_CODES.allow}, ask ${EXIT_CODES.ask}, require-approval ${EXIT_CODES['require-approval']}, deny ${EXIT_CODES.deny}, bad file ${EXIT_CODES.usage}, internal error ${EXIT_CODES.internal}.`,
    )
    .action(async (file: string, options: PlanCheckOptions) => {
      process.exitCode = await runPlanCheck(file, options);
    });
}

export async function runPlanCheck(file: string, options: PlanCheckOptions): Promise<number> {
  const [plans, { loadPlanFile }, { loadPolicies }, { mayRememberVerdicts }, { processIo }] =
    await Promise.all([
      import('../plan-check.js'),
      import('../../plans/load.js'),
      import('../../app/policies.js'),
      import('../remember-verdicts.js'),
      import('../io.js'),
    ]);
  return plans.runPlanCheck(
    options,
    {
      load: (loadOptions) => loadPlanFile(file, loadOptions),
      policies: (cwd) => loadPolicies({ cwd, rememberVerdicts: mayRememberVerdicts() }),
    },
    processIo('answer'),
  );
}
