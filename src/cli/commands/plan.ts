import { Command, Option } from 'commander';
import { EXIT_CODES } from '../exit-codes.js';
import { existingDirectory } from '../options.js';

export interface PlanCheckOptions {
  json?: boolean;
  format?: 'text' | 'markdown' | 'json';
  env?: string;
  workspace?: string;
  cwd?: string;
  tool?: 'terraform' | 'tofu';
  agent?: string;
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
    { checkLoadedPlan },
    { loadPlanFile },
    render,
    { reportError },
    { principalFrom },
    { localFacts },
    cli,
  ] = await Promise.all([
    import('../../plans/check.js'),
    import('../../plans/load.js'),
    import('../../plans/render.js'),
    import('../errors.js'),
    import('../check.js'),
    import('../../adapters/local-facts.js'),
    import('../render.js'),
  ]);
  const format = options.json ? 'json' : (options.format ?? 'text');
  try {
    const facts = localFacts({ cwd: options.cwd });
    // The file is read while the policies load; a bad file is reported without waiting for them.
    const runtime = import('../../app/runtime.js').then((m) => m.loadRuntime({ eagerSql: false }));
    runtime.catch(() => undefined);
    const loaded = await loadPlanFile(file, {
      cwd: facts.cwd,
      ...(options.tool ? { tool: options.tool } : {}),
    });
    const context: NonNullable<Parameters<typeof checkLoadedPlan>[1]['context']> = { facts };
    if (options.env) context.environment = options.env;
    if (options.workspace) context.workspace = options.workspace;
    const result = checkLoadedPlan(loaded, {
      context,
      principal: principalFrom(options),
      evaluator: (await runtime).evaluator,
    });
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(render.planJson(result))}\n`
        : format === 'markdown'
          ? render.renderPlanMarkdown(result)
          : render.renderPlanText(result, cli.paletteFor(process.stdout, process.env)),
    );
    return EXIT_CODES[result.decision.outcome];
  } catch (error) {
    return reportError('plan check', error);
  }
}
