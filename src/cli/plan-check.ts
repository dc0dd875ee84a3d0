import { localFacts } from '../adapters/local-facts.js';
import type { LoadedPolicies } from '../app/policies.js';
import { run } from '../app/pipeline.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import type { LoadedPlan, LoadOptions } from '../plans/load.js';
import { gateOptions, principalFrom, reportProblems } from './check.js';
import type { PlanCheckOptions } from './commands/plan.js';
import { reportError } from './errors.js';
import type { CliIo } from './io.js';
import { finalPlanOutput } from './plan-output.js';

// `interlock plan check FILE`, in the caller's process (commands/plan.ts) or in the daemon with the file's
// bytes the caller read (cli-served.ts): the plan is loaded while the policies load, then decided,
// recorded and printed on `io`.

/** Who reads the plan (from its path here, from the caller's bytes in the daemon) and who loads the policies. */
export interface PlanSources {
  load(options: LoadOptions): Promise<LoadedPlan>;
  policies(cwd: string): Promise<LoadedPolicies>;
}

export async function runPlanCheck(
  options: PlanCheckOptions & { actsFor?: string },
  sources: PlanSources,
  io: CliIo,
): Promise<number> {
  const format = options.json ? 'json' : (options.format ?? 'text');
  try {
    const gate = gateOptions(options.wait, 'plan check', io);
    const facts = localFacts({ cwd: options.cwd, env: io.env as Record<string, string> });
    // The file is read while the policies load; a bad file is reported without waiting for them. A plan
    // is decided by the policies alone (evaluate.ts): no shell parser or analyzers to load.
    const runtime = sources.policies(facts.cwd);
    runtime.catch(() => undefined);
    const loaded = await sources.load({ cwd: facts.cwd, ...(options.tool ? { tool: options.tool } : {}) });
    const rt = reportProblems(await runtime, io);
    const proposal = {
      kind: 'plan' as const,
      plan: loaded,
      ...(options.env ? { environment: options.env } : {}),
      ...(options.workspace ? { workspace: options.workspace } : {}),
    };
    const final = await run(proposal, facts, principalFrom(options), rt, gate);
    if (!final.audit.recorded) io.stderr.write(`interlock: ${final.audit.message}\n`);
    io.stdout.write(finalPlanOutput(final, format, io));
    return EXIT_CODES[final.outcome];
  } catch (error) {
    return reportError('plan check', error, io.stderr);
  }
}
