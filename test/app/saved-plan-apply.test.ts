import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createChecker, loadParsers } from '../../src/app/checker.js';
import { sharedRuntime, AGENT, testFacts } from '../support/runtime.js';
import { evaluator as planEvaluatorFor, harmlessPlan, PERMIT_EVERYTHING } from '../plans/helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/plans/${name}`, import.meta.url));
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const hasTerraform = (() => {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('terraform apply with a saved plan', () => {
  it('is decided on what the plan does, bound to the plan file hash', async () => {
    const rt = await sharedRuntime();
    const plan = fixture('terraform-aws-production.json');
    const result = await rt.checker.check(`terraform apply ${plan}`, testFacts(), AGENT);
    expect(result.plans).toEqual([{ path: plan, kind: 'terraform-plan', sha256: sha256(plan) }]);
    expect(result.assessment.effects.some((e) => e.category === 'planned-apply')).toBe(false);
    expect(result.assessment.effects.length).toBeGreaterThan(1);
    expect(result.assessment.environment).toBe('production');
    expect(result.decision.outcome).toBe('require-approval');
  });

  it('an unreadable plan is unverifiable, never a pass', async () => {
    const rt = await sharedRuntime();
    const result = await rt.checker.check(
      'terraform apply /nonexistent/prod/tfplan',
      testFacts({ env: { TF_WORKSPACE: 'prod' } }),
      AGENT,
    );
    expect(result.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
    expect(result.decision.outcome).toBe('deny');
  });

  it.runIf(hasTerraform)('reads a binary plan through the real terraform binary', async () => {
    const rt = await sharedRuntime();
    const dir = fixture('terraform-real');
    const result = await rt.checker.check(`terraform -chdir=${dir} apply plan.out`, testFacts(), AGENT);
    expect(result.plans?.[0]?.sha256).toBe(sha256(`${dir}/plan.out`));
    expect(result.assessment.effects.map((e) => e.target)).toContain('terraform_data.gone');
    expect(result.decision.outcome).not.toBe('allow');
  });

  it('without a saved plan in production, tells the agent to save one first', async () => {
    const rt = await sharedRuntime();
    const result = await rt.checker.check(
      'terraform apply -auto-approve',
      testFacts({ env: { TF_WORKSPACE: 'prod' } }),
      AGENT,
    );
    expect(result.decision.outcome).toBe('deny');
    expect(result.decision.reasons.join(' ')).toMatch(/terraform plan -out/);
  });
});

describe('terraform apply of a plan that does not show all it does', () => {
  it('is never allowed, even where the policies permit everything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-errored-'));
    const plan = join(dir, 'errored.json');
    writeFileSync(plan, JSON.stringify(harmlessPlan({ errored: true })));
    const evaluator = await planEvaluatorFor([PERMIT_EVERYTHING]);
    const checker = createChecker({ ...(await loadParsers()), evaluator });
    const result = await checker.check(
      `terraform apply ${plan}`,
      testFacts({ terraformWorkspace: 'dev' }),
      AGENT,
    );
    expect(result.decision.outcome).toBe('ask');
    expect(result.decision.reasons.join(' ')).toMatch(/the plan errored/);
    const prod = await checker.check(
      `terraform apply ${plan}`,
      testFacts({ terraformWorkspace: 'prod' }),
      AGENT,
    );
    expect(prod.decision.outcome).toBe('deny');
  });
});
