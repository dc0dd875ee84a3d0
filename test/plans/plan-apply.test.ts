import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assessPlanApply } from '../../src/app/plan-apply.js';
import type { Runner } from '../../src/plans/load.js';
import { fixturePath, fixtureText } from './helpers.js';

const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const fakeTerraform =
  (json: string): Runner =>
  async (program) =>
    program === 'terraform'
      ? { code: 0, stdout: Buffer.from(json), stderr: '' }
      : { code: null, stdout: Buffer.alloc(0), stderr: 'ENOENT', missing: true };

describe('terraform apply PLANFILE', () => {
  it("returns the plan's placed effects, its stateful count and the plan file's SHA-256", async () => {
    const result = await assessPlanApply({
      cwd: fixturePath('terraform-real'),
      planPath: 'plan.out',
      run: fakeTerraform(fixtureText('terraform-aws-production.json')),
      facts: { env: {} },
    });
    expect(result.error).toBeUndefined();
    expect(result.planPath).toBe(fixturePath('terraform-real/plan.out'));
    expect(result.sha256).toBe(sha(fixturePath('terraform-real/plan.out')));
    expect(result.kind).toBe('terraform-plan');
    expect(result.statefulCount).toBe(5);
    expect(result.effects).toHaveLength(11);
    expect(result.effects.find((e) => e.target === 'module.db.aws_db_instance.main')).toMatchObject({
      operation: 'replace',
      tool: 'terraform',
      category: 'database',
      environment: 'production',
      destructive: true,
    });
  });

  it('a plan saved as JSON needs no conversion', async () => {
    const result = await assessPlanApply({
      cwd: fixturePath(''),
      planPath: fixturePath('terraform-aws-staging.json'),
    });
    expect(result.sha256).toBe(sha(fixturePath('terraform-aws-staging.json')));
    expect(result.effects.every((e) => e.environment === 'non-production')).toBe(true);
  });

  it("the agent's facts place the effects (workspace, AWS_PROFILE)", async () => {
    const run = fakeTerraform(
      JSON.stringify({
        format_version: '1.2',
        terraform_version: '1.9.0',
        resource_changes: [
          { address: 'aws_sqs_queue.q', type: 'aws_sqs_queue', change: { actions: ['delete'] } },
        ],
      }),
    );
    const base = { cwd: fixturePath('terraform-real'), planPath: 'plan.out', run };
    expect((await assessPlanApply(base)).effects[0]?.environment).toBe('unknown');
    expect(
      (await assessPlanApply({ ...base, facts: { env: {}, terraformWorkspace: 'prod' } })).effects[0]
        ?.environment,
    ).toBe('production');
    expect(
      (await assessPlanApply({ ...base, facts: { env: { AWS_PROFILE: 'sandbox' } } })).effects[0]
        ?.environment,
    ).toBe('non-production');
  });

  it('a plan that cannot be read is one unverifiable effect, never an exception', async () => {
    const result = await assessPlanApply({
      cwd: '/nonexistent',
      planPath: 'tfplan',
      facts: { env: { AWS_PROFILE: 'billing-prod' } },
    });
    expect(result.error).toContain('no such file');
    expect(result.sha256).toBeUndefined();
    expect(result.effects).toEqual([
      expect.objectContaining({
        operation: 'execute-unverifiable',
        target: '/nonexistent/tfplan',
        category: 'planned-apply',
        environment: 'production',
        destructive: true,
      }),
    ]);
  });

  it('without terraform or tofu a binary plan cannot be verified', async () => {
    const result = await assessPlanApply({
      cwd: fixturePath('terraform-real'),
      planPath: 'plan.out',
      run: async () => ({ code: null, stdout: Buffer.alloc(0), stderr: 'ENOENT', missing: true }),
    });
    expect(result.error).toContain('neither is installed');
    expect(result.effects[0]?.operation).toBe('execute-unverifiable');
    // The file was there: its hash is not, because what it says was never read.
    expect(result.sha256).toBeUndefined();
  });

  it.skipIf(!hasTerraform)(
    'with the real terraform: the binary plan of a real run',
    async () => {
      const result = await assessPlanApply({
        cwd: fixturePath('terraform-real'),
        planPath: 'plan.out',
        facts: { env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } as Record<string, string> },
      });
      expect(result.error).toBeUndefined();
      expect(result.assessment?.blast.findings[0]?.id).toBe('environment-recreate');
      expect(result.effects.filter((e) => e.destructive)).toHaveLength(8);
    },
    60_000,
  );
});
