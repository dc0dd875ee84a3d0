import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/config/load.js';
import { DEFAULT_ENVIRONMENT_PATTERNS, tokenPattern } from '../../src/core/environment.js';
import { checkParsedPlan } from '../../src/plans/check.js';
import type { PlanContext } from '../../src/plans/assess.js';
import { parsePlanDocument } from '../../src/plans/load.js';
import { AGENT as PLAN_AGENT, evaluator } from '../plans/helpers.js';
import { AGENT, check, testFacts } from '../support/runtime.js';
import { tempTree } from '../support/tmp.js';

// Issue 11: evidence is asymmetric. A name (a folder, a module, a resource's name) may raise an effect to
// production, never lower it; only explicit facts (a workspace, a profile, a kube context, tags on the
// resource, the config's own patterns) place it outside production.

/** A Terraform plan (JSON) that deletes one resource, optionally inside a module and with tags. */
function deletion(type: string, name: string, module?: string, tags?: Record<string, string>) {
  const address = `${module ? `${module}.` : ''}${type}.${name}`;
  return parsePlanDocument(
    {
      format_version: '1.2',
      terraform_version: '1.9.0',
      resource_changes: [
        {
          address,
          ...(module ? { module_address: module } : {}),
          mode: 'managed',
          type,
          name,
          change: { actions: ['delete'], before: tags ? { name, tags } : { name } },
        },
      ],
    },
    'plan.json',
  );
}

async function planOutcome(plan: ReturnType<typeof deletion>, context: PlanContext = {}) {
  return checkParsedPlan(plan, context, PLAN_AGENT, await evaluator());
}

describe('a name may raise, never lower: the attacks', () => {
  it.each([
    ['azurerm_storage_account', 'backups', 'module.local_backups'],
    ['aws_s3_bucket', 'artifacts', 'module.ci_artifacts'],
    ['azurerm_storage_account', 'artifacts', 'module.ci_artifacts'],
    ['aws_s3_bucket', 'dumps', 'module.demo'],
  ])('a plan deleting %s.%s inside %s needs approval', async (type, name, module) => {
    const { assessment, decision } = await planOutcome(deletion(type, name, module));
    expect(assessment.effects[0]?.environment).toBe('unknown');
    expect(decision.outcome).toBe('require-approval');
    expect(assessment.effects[0]?.environmentHints).toContainEqual({
      source: 'weak hint',
      value: `module=${module} (a name only: it may raise, never lower)`,
    });
  });

  it.each(['ci', 'demo', 'local', 'kind'])(
    'terraform destroy -auto-approve in /home/dev/%s needs approval',
    async (folder) => {
      const { assessment, decision } = await check('terraform destroy -auto-approve', {
        cwd: `/home/dev/${folder}`,
      });
      expect(assessment.environment).toBe('unknown');
      expect(decision.outcome).toBe('require-approval');
      expect(assessment.environmentHints).toContainEqual({
        source: 'weak hint',
        value: `working directory=${folder} (a name only: it may raise, never lower)`,
      });
    },
  );

  it('the same holds for -chdir, --working-dir, a bucket name and a cluster name', async () => {
    for (const command of [
      'terraform -chdir=ci destroy -auto-approve',
      'terragrunt destroy --working-dir envs/dev --non-interactive',
      'aws s3 rb s3://acme-ci-cache --force',
      'aws ecs delete-cluster --cluster staging',
      'sam delete --stack-name dev-api --no-prompts',
    ]) {
      const { assessment, decision } = await check(command);
      expect(assessment.environment, command).toBe('unknown');
      expect(decision.outcome, command).toBe('require-approval');
    }
  });
});

describe('a name may raise', () => {
  it('a folder named for production places the destroy in production', async () => {
    const { assessment, decision } = await check('terraform destroy -auto-approve', {
      cwd: '/home/dev/prod-infra',
    });
    expect(assessment.environment).toBe('production');
    expect(decision.outcome).toBe('require-approval');
    expect(assessment.environmentHints).toContainEqual({
      source: 'working directory',
      value: 'prod-infra',
      weak: true,
    });
  });

  it('a module named for production places the plan change in production', async () => {
    const { assessment } = await planOutcome(deletion('aws_s3_bucket', 'b', 'module.prod_backups'));
    expect(assessment.effects[0]?.environment).toBe('production');
  });
});

describe('explicit facts still lower', () => {
  it('TF_WORKSPACE=dev', async () => {
    const { assessment, decision } = await check('terraform destroy -auto-approve', {
      cwd: '/home/dev/ci',
      env: { TF_WORKSPACE: 'dev' },
    });
    expect(assessment.environment).toBe('non-production');
    expect(decision.outcome).toBe('ask');
    expect(assessment.environmentHints).toEqual([{ source: 'env TF_WORKSPACE', value: 'dev' }]);
  });

  it('--profile dev', async () => {
    const { assessment, decision } = await check('aws s3 rb s3://acme-ci-cache --force --profile dev');
    expect(assessment.environment).toBe('non-production');
    expect(decision.outcome).toBe('ask');
  });

  it('the kube context kind-dev', async () => {
    const { assessment, decision } = await check('kubectl delete ns payments', { kubeContext: 'kind-dev' });
    expect(assessment.environment).toBe('non-production');
    expect(decision.outcome).toBe('ask');
  });

  it('a namespace given with -n (where the action lands in the cluster)', async () => {
    const { assessment } = await check('kubectl delete deployment web -n staging');
    expect(assessment.environment).toBe('non-production');
    // …but a namespace being deleted is only a name.
    expect((await check('kubectl delete ns staging')).assessment.environment).toBe('unknown');
  });

  it("the resource's own tag Environment=dev in a plan", async () => {
    const plan = deletion('aws_s3_bucket', 'artifacts', 'module.ci_artifacts', { Environment: 'dev' });
    const { assessment, decision } = await planOutcome(plan);
    expect(assessment.effects[0]?.environment).toBe('non-production');
    expect(decision.outcome).toBe('ask');
  });

  it('--env dev given to plan check', async () => {
    const plan = deletion('azurerm_storage_account', 'backups', 'module.local_backups');
    expect((await planOutcome(plan, { environment: 'dev' })).decision.outcome).toBe('ask');
  });

  it('a pattern the config declares, applied to a folder or a module name', async () => {
    const patterns = {
      ...DEFAULT_ENVIRONMENT_PATTERNS,
      nonProduction: [...DEFAULT_ENVIRONMENT_PATTERNS.nonProduction, tokenPattern('ci')],
      declaredNonProduction: [tokenPattern('ci')],
    };
    const ci = await planOutcome(deletion('aws_s3_bucket', 'artifacts', 'module.ci_artifacts'), {
      placement: { patterns, unknownAs: 'unknown' },
    });
    expect(ci.assessment.effects[0]?.environment).toBe('non-production');
    expect(ci.decision.outcome).toBe('ask');
    // Not declared: still unknown.
    const local = await planOutcome(deletion('aws_s3_bucket', 'b', 'module.local_backups'), {
      placement: { patterns, unknownAs: 'unknown' },
    });
    expect(local.decision.outcome).toBe('require-approval');
  });

  it("a pattern declared in the user's config lowers a folder name in a shell command; a project's does not", async () => {
    const project = tempTree({ '.interlock/config.yaml': 'environments:\n  nonProduction: [demo]\n' });
    const projectOnly = loadConfig(project, { HOME: project, XDG_CONFIG_HOME: join(project, 'none') });
    expect(projectOnly.patterns.declaredNonProduction?.some((p) => p.test('demo'))).toBe(false);
    const root = tempTree({ 'xdg/interlock/config.yaml': 'environments:\n  nonProduction: [ci]\n' });
    const env = { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') };
    const config = loadConfig(root, env);
    expect(config.patterns.declaredNonProduction?.some((p) => p.test('ci'))).toBe(true);
    expect(config.patterns.declaredNonProduction?.some((p) => p.test('demo'))).toBe(false);
    const rt = await loadRuntime({ cwd: root, env });
    const ci = await rt.checker.checkShell(
      'terraform destroy -auto-approve',
      testFacts({ cwd: '/home/dev/ci' }),
      AGENT,
    );
    expect(ci.assessment.environment).toBe('non-production');
    expect(ci.decision.outcome).toBe('ask');
    expect(ci.assessment.environmentHints).toEqual([
      { source: 'working directory (a name the config declares)', value: 'ci', weak: true },
    ]);
    const demo = await rt.checker.checkShell(
      'terraform destroy -auto-approve',
      testFacts({ cwd: '/home/dev/demo' }),
      AGENT,
    );
    expect(demo.decision.outcome).toBe('require-approval');
  });
});

describe('harmless work is unaffected', () => {
  it('a plan or a read in a folder named ci is allowed', async () => {
    for (const command of [
      'terraform plan',
      'terraform show',
      'kubectl get pods -n ci',
      'aws s3 ls s3://acme-ci',
    ]) {
      const { decision } = await check(command, { cwd: '/home/dev/ci' });
      expect(decision.outcome, command).toBe('allow');
    }
  });
});
