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
  const [
    { loadPlanFile },
    { run },
    { reportError },
    check,
    { localFacts },
    { processIo },
    { finalPlanOutput },
  ] = await Promise.all([
    import('../../plans/load.js'),
    import('../../app/pipeline.js'),
    import('../errors.js'),
    import('../check.js'),
    import('../../adapters/local-facts.js'),
    import('../io.js'),
    import('../plan-output.js'),
  ]);
  const io = processIo();
  const format = options.json ? 'json' : (options.format ?? 'text');
  try {
    const gate = check.gateOptions(options.wait, 'plan check', io);
    const facts = localFacts({ cwd: options.cwd });
    // The file is read while the policies load; a bad file is reported without waiting for them. A plan
    // is decided by the policies alone (evaluate.ts): no shell parser or analyzers to load.
    const runtime = Promise.all([import('../../app/policies.js'), import('../remember-verdicts.js')]).then(
      ([m, r]) => m.loadPolicies({ cwd: facts.cwd, rememberVerdicts: r.mayRememberVerdicts() }),
    );
    runtime.catch(() => undefined);
    const loaded = await loadPlanFile(file, {
      cwd: facts.cwd,
      ...(options.tool ? { tool: options.tool } : {}),
    });
    const rt = check.reportProblems(await runtime, io);
    const proposal = {
      kind: 'plan' as const,
      plan: loaded,
      ...(options.env ? { environment: options.env } : {}),
      ...(options.workspace ? { workspace: options.workspace } : {}),
    };
    const final = await run(proposal, facts, check.principalFrom(options), rt, gate);
    if (!final.audit.recorded) io.stderr.write(`interlock: ${final.audit.message}\n`);
    io.stdout.write(finalPlanOutput(final, format, io));
    return EXIT_CODES[final.outcome];
  } catch (error) {
    return reportError('plan check', error);
  }
}
