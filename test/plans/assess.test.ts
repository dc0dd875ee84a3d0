import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../src/bench/plan.js';
import type { PolicyEvaluator, PolicyRequest } from '../../src/core/decide.js';
import { packSource } from '../../src/policy/packs.js';
import { assessPlan } from '../../src/plans/assess.js';
import type { DetailedDecision } from '../../src/core/decide.js';
import type { Outcome } from '../../src/core/types.js';
import { decidePlan, planEvaluator, planFloor } from '../../src/plans/decide.js';
import { parsePlanDocument } from '../../src/plans/load.js';
import {
  AGENT,
  PERMIT_EVERYTHING,
  checkFixture,
  checkPlan,
  evaluator,
  harmlessPlan,
  parsedFixture,
} from './helpers.js';

const effectsOf = (name: string, context = {}) =>
  Object.fromEntries(
    assessPlan(parsedFixture(name), context).effects.map((e) => [
      e.target,
      [e.operation, e.risk, e.destructive],
    ]),
  );

/** Milliseconds of CPU time (user and system) this process has used since `since`. */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

describe('plan effects', () => {
  it('one effect per change that does something; no-ops are not effects', () => {
    const a = assessPlan(parsedFixture('terraform-real/plan.json'));
    expect(a.kind).toBe('terraform-plan');
    expect(a.effects).toHaveLength(13);
    expect(a.effects.every((e) => e.tool === 'terraform')).toBe(true);
    expect(a.effects.map((e) => e.target)).not.toContain('terraform_data.keep');
    expect(effectsOf('terraform-real/plan.json')).toMatchObject({
      'data.terraform_remote_state.rs': ['read', 'none', false],
      'terraform_data.fresh': ['create', 'low', false],
      'terraform_data.new_name': ['modify', 'low', false],
      'terraform_data.forgotten': ['modify', 'low', false],
      'terraform_data.a': ['replace', 'medium', true],
      'terraform_data.gone': ['delete', 'medium', true],
    });
  });

  it('risk by statefulness, action and the protection the plan shows', () => {
    expect(effectsOf('terraform-aws-production.json')).toEqual({
      'aws_cloudwatch_log_group.app': ['create', 'low', false],
      'aws_dynamodb_table.sessions': ['modify', 'high', true], // deletion protection turned off
      'aws_instance.web[3]': ['delete', 'medium', true],
      'aws_kms_key.data': ['delete', 'high', true], // recoverable for 30 days
      'aws_rds_cluster.analytics': ['delete', 'high', true], // a final snapshot is taken
      'aws_s3_bucket.uploads': ['delete', 'critical', true],
      'aws_secretsmanager_secret.api': ['replace', 'critical', true], // recovery window 0
      'aws_security_group.web': ['modify', 'low', false],
      'aws_ssm_parameter.db_password': ['modify', 'low', false],
      'module.db.aws_db_instance.main': ['replace', 'critical', true],
      'data.aws_caller_identity.current': ['read', 'none', false],
    });
  });

  it('stateful effects carry their category and are irreversible', () => {
    const db = assessPlan(parsedFixture('terraform-aws-production.json')).effects.find(
      (e) => e.target === 'module.db.aws_db_instance.main',
    );
    expect(db).toMatchObject({ category: 'database', reversible: false, environment: 'production' });
    expect(db?.reason).toContain('replaces database module.db.aws_db_instance.main');
    expect(db?.reason).toContain('because of identifier');
  });

  it('CloudFormation: Retain keeps the data (low), a conditional replacement counts', () => {
    const effects = effectsOf('cloudformation-production.json');
    expect(effects).toEqual({
      OrdersDatabase: ['replace', 'critical', true],
      ArchiveBucket: ['delete', 'low', false],
      SessionsTable: ['delete', 'critical', true],
      CacheCluster: ['replace', 'critical', true],
      ApiSecurityGroup: ['modify', 'low', false],
      WorkerFunction: ['create', 'low', false],
      JobsQueue: ['modify', 'low', false],
    });
    const a = assessPlan(parsedFixture('cloudformation-production.json'));
    expect(a.kind).toBe('cloudformation-changeset');
    expect(a.effects.every((e) => e.tool === 'cloudformation')).toBe(true);
  });

  it('a truncated change set adds an unverifiable effect', () => {
    const a = assessPlan(parsedFixture('cloudformation-dev-truncated.json'));
    expect(a.effects.at(-1)).toMatchObject({ operation: 'execute-unverifiable', destructive: true });
  });
});

describe('blast radius', () => {
  it('counts per action, the share destroyed and the stateful resources', () => {
    const { blast } = assessPlan(parsedFixture('terraform-aws-production.json'));
    expect(blast.counts).toMatchObject({ create: 1, update: 3, replace: 2, delete: 4, read: 1, 'no-op': 4 });
    expect(blast.existing).toBe(19);
    expect(blast.destroyed).toBe(6);
    expect(blast.fraction).toBeCloseTo(6 / 19);
    expect(blast.statefulCount).toBe(5);
    // Most exposed first: no protection at all before protected ones.
    expect(blast.stateful.map((s) => s.address)).toEqual([
      'aws_s3_bucket.uploads',
      'aws_secretsmanager_secret.api',
      'module.db.aws_db_instance.main',
      'aws_kms_key.data',
      'aws_rds_cluster.analytics',
    ]);
    expect(blast.findings.map((f) => [f.id, f.severity])).toEqual([
      ['stateful-delete', 'critical'],
      ['stateful-replace', 'critical'],
      ['protection-removed', 'high'],
      ['no-final-snapshot', 'high'],
      ['force-destroy', 'high'],
      ['deletion-protected', 'low'],
    ]);
  });

  it('environment-recreate when most of the environment is destroyed or replaced', () => {
    const { blast } = assessPlan(parsedFixture('terraform-real/plan.json'));
    expect([blast.destroyed, blast.existing]).toEqual([8, 14]);
    expect(blast.findings[0]).toMatchObject({ id: 'environment-recreate', severity: 'critical' });
    expect(blast.findings[0]?.message).toContain('8 of the 14 resources');
  });

  it('no environment-recreate for a small share, nor for a tiny environment', () => {
    expect(
      assessPlan(parsedFixture('terraform-aws-production.json')).blast.findings.map((f) => f.id),
    ).not.toContain('environment-recreate');
    const tiny = parsePlanDocument(
      {
        format_version: '1.2',
        terraform_version: '1.9.0',
        resource_changes: [
          { address: 'aws_sqs_queue.a', type: 'aws_sqs_queue', change: { actions: ['delete', 'create'] } },
        ],
      },
      'tiny',
    );
    const { blast } = assessPlan(tiny);
    expect(blast.fraction).toBe(1);
    expect(blast.findings.map((f) => f.id)).not.toContain('environment-recreate');
  });

  it("a deposed object is destroyed but is not one of the environment's resources", () => {
    const { blast } = assessPlan(parsedFixture('terraform-other-providers.json'));
    expect(blast.destroyed).toBe(3);
    expect(blast.findings.map((f) => f.id)).toEqual([
      'environment-recreate',
      'stateful-delete',
      'unknown-action',
      'plan-errored',
      'plan-incomplete',
      'drift',
    ]);
  });

  it('["create","forget"] counts a create and a forget, and both are effects', () => {
    const a = assessPlan(parsedFixture('opentofu-azure-k8s.json'));
    expect(a.blast.counts).toMatchObject({ create: 1, forget: 2, replace: 1, delete: 2, import: 1 });
    const api = a.effects.filter((e) => e.target === 'kubernetes_deployment_v1.api');
    expect(api.map((e) => [e.operation, e.risk, e.destructive])).toEqual([
      ['create', 'low', false],
      ['modify', 'low', false],
    ]);
    expect(api[0]?.reason).toMatch(/^creates kubernetes_deployment_v1\.api \(.*the old object is kept/);
    expect(api[1]?.reason).toMatch(/^forgets \(the real object is kept\) kubernetes_deployment_v1\.api/);
  });

  it('deferred changes are a finding, not effects of this apply', () => {
    const a = assessPlan(parsedFixture('terraform-deferred.json'));
    // The deferred changes are not effects; what the incomplete plan does not show is one.
    expect(a.effects.map((e) => e.target)).toEqual(['aws_sqs_queue.jobs', '(what the plan does not show)']);
    expect(a.blast.deferred).toBe(2);
    expect(a.blast.findings[0]?.id).toBe('deferred-changes');
    expect(a.blast.findings[0]?.message).toContain('aws_db_instance.reports');
  });
});

describe('environment', () => {
  it('from the plan variables and tags', () => {
    expect(assessPlan(parsedFixture('terraform-aws-production.json')).environment).toBe('production');
    expect(assessPlan(parsedFixture('terraform-aws-staging.json')).environment).toBe('non-production');
    expect(assessPlan(parsedFixture('opentofu-azure-k8s.json')).environment).toBe('production'); // tag "live"
    expect(assessPlan(parsedFixture('cloudformation-production.json')).environment).toBe('production');
  });

  it("--env, the workspace and the machine's variables are hints; production wins", () => {
    const staging = parsedFixture('terraform-aws-staging.json');
    expect(assessPlan(staging, { environment: 'production' }).environment).toBe('production');
    expect(assessPlan(staging, { workspace: 'prod-eu' }).environment).toBe('production');
    expect(assessPlan(staging, { facts: { env: { AWS_PROFILE: 'billing-prod' } } }).environment).toBe(
      'production',
    );
    expect(assessPlan(staging, { facts: { env: {}, terraformWorkspace: 'default' } }).environment).toBe(
      'non-production',
    );
  });

  it('with no hint at all the environment is unknown, which policies treat as production', async () => {
    const doc = {
      format_version: '1.2',
      terraform_version: '1.9.0',
      resource_changes: [
        { address: 'aws_sqs_queue.a', type: 'aws_sqs_queue', change: { actions: ['delete'] } },
      ],
    };
    const a = assessPlan(parsePlanDocument(doc, 'x'));
    expect(a.environment).toBe('unknown');
    const d = decidePlan(a, AGENT, await evaluator());
    expect(d.outcome).toBe('require-approval');
    expect(assessPlan(parsePlanDocument(doc, 'x'), { environment: 'dev' }).environment).toBe(
      'non-production',
    );
  });

  it('a resource tagged production in a staging plan is production', () => {
    const doc = {
      format_version: '1.2',
      terraform_version: '1.9.0',
      variables: { environment: { value: 'staging' } },
      resource_changes: [
        {
          address: 'aws_sqs_queue.a',
          type: 'aws_sqs_queue',
          change: { actions: ['delete'], before: { tags: { Environment: 'prod' } } },
        },
        {
          address: 'aws_sqs_queue.b',
          type: 'aws_sqs_queue',
          change: { actions: ['delete'], before: { tags: {} } },
        },
      ],
    };
    const a = assessPlan(parsePlanDocument(doc, 'x'));
    expect(a.effects.map((e) => e.environment)).toEqual(['production', 'non-production']);
    expect(a.environment).toBe('production');
  });
});

describe('decision', () => {
  it.each([
    ['terraform-aws-production.json', 'require-approval', 2],
    ['terraform-aws-staging.json', 'ask', 0],
    ['terraform-real/plan.json', 'require-approval', 2],
    ['opentofu-azure-k8s.json', 'require-approval', 2],
    ['terraform-0.12-google.json', 'require-approval', 2],
    // Incomplete (deferred changes), in production: what a later round does is not shown.
    ['terraform-deferred.json', 'deny', 0],
    // Errored, in production (stage=prd).
    ['terraform-other-providers.json', 'deny', 0],
    ['cloudformation-production.json', 'require-approval', 2],
    // Only the stack's name (app-dev) says dev, and a name may raise, never lower (issue 11): unknown, so
    // the truncated listing is refused as in production. With --env dev it asks (below).
    ['cloudformation-dev-truncated.json', 'deny', 0],
  ])('baseline: %s → %s', async (name, outcome, approvals) => {
    const { decision } = await checkFixture(name);
    expect(decision.outcome).toBe(outcome);
    expect(decision.approvals).toBe(approvals);
  });

  it('a truncated change set for production is denied (what it runs cannot be verified)', async () => {
    const { decision } = await checkFixture('cloudformation-dev-truncated.json', {
      environment: 'production',
    });
    expect(decision.outcome).toBe('deny');
    const dev = await checkFixture('cloudformation-dev-truncated.json', { environment: 'dev' });
    expect(dev.decision).toMatchObject({ outcome: 'ask', approvals: 0 });
  });

  const STATEFUL_POLICY = {
    origin: 'team.cedar',
    text: `
@id("team.stateful-replace-in-production")
@outcome("require-approval")
@approvals("3")
@message("Replacing a resource that holds data in production needs three approvers.")
permit (principal, action == Interlock::Action::"replace", resource)
when {
  (context.kind == "terraform-plan" || context.kind == "cloudformation-changeset") &&
  context.statefulCount > 0 && context.category == "database" && context.environment == "production"
};`,
  };

  it('one policy can say: replacing a stateful resource in production needs 3 approvers', async () => {
    const sources = [packSource('baseline'), STATEFUL_POLICY];
    const prod = await checkFixture('terraform-aws-production.json', {}, sources);
    expect(prod.decision).toMatchObject({ outcome: 'require-approval', approvals: 3 });
    expect(prod.decision.policies.map((p) => p.id)).toContain('team.stateful-replace-in-production');
    const cfn = await checkFixture('cloudformation-production.json', {}, sources);
    expect(cfn.decision.approvals).toBe(3);
    // No database replaced: the baseline's two approvers.
    expect((await checkFixture('terraform-real/plan.json', {}, sources)).decision.approvals).toBe(2);
    expect((await checkFixture('terraform-aws-staging.json', {}, sources)).decision.outcome).toBe('ask');
  });

  it('a policy that reads context.target still sees every target', async () => {
    const sources = [
      packSource('baseline'),
      {
        origin: 'team.cedar',
        text: `@id("team.never-the-uploads") forbid (principal, action, resource) when { context.target == "aws_s3_bucket.uploads" };`,
      },
    ];
    const { decision } = await checkFixture('terraform-aws-production.json', {}, sources);
    expect(decision.outcome).toBe('deny');
    const denied = decision.perEffect.filter((d) => d.outcome === 'deny').map((d) => d.effect.target);
    expect(denied).toEqual(['aws_s3_bucket.uploads']);
  });
});

describe('a plan that does not show all it does (errored, incomplete) is never allowed', () => {
  const FLAGS = [
    [{ errored: true, complete: false }, 'the plan errored and is incomplete'],
    [{ errored: true }, 'the plan errored'],
    [{ complete: false }, 'the plan is incomplete'],
  ] as const;

  it.each(FLAGS)('%j: an unverifiable effect for what the plan does not show', (flags, what) => {
    const a = assessPlan(parsePlanDocument(harmlessPlan(flags), 'x'), { environment: 'dev' });
    expect(a.effects.map((e) => [e.operation, e.target])).toEqual([
      ['create', 'aws_sqs_queue.jobs'],
      ['execute-unverifiable', '(what the plan does not show)'],
    ]);
    expect(a.effects[1]).toMatchObject({
      risk: 'high',
      destructive: true,
      reversible: false,
      environment: 'non-production',
      reason: `${what}: applying it may do more than it shows`,
    });
    expect(a.destructive).toBe(true);
  });

  it('the unverifiable part is as production as the most production-like change', () => {
    const doc = harmlessPlan({ errored: true, variables: { environment: { value: 'staging' } } });
    (doc.resource_changes as { change: { after: unknown } }[])[0]!.change.after = {
      name: 'jobs',
      tags: { Environment: 'production' },
    };
    const a = assessPlan(parsePlanDocument(doc, 'x'));
    expect(a.effects.map((e) => e.environment)).toEqual(['production', 'production']);
  });

  it('a complete plan that did not error has no such effect', () => {
    const a = assessPlan(parsePlanDocument(harmlessPlan(), 'x'));
    expect(a.effects.map((e) => e.operation)).toEqual(['create']);
  });

  const cases = FLAGS.flatMap(([flags, what]) =>
    (
      [
        ['dev', 'ask'],
        ['production', 'deny'],
        [undefined, 'deny'], // no hint: unknown, which counts as production
      ] as const
    ).flatMap(([environment, outcome]) =>
      (['baseline', 'permit-everything'] as const).map(
        (policies) => [flags, environment ?? 'unknown', policies, outcome, what] as const,
      ),
    ),
  );

  it.each(cases)('%j in %s with %s policies: %s', async (flags, environment, policies, outcome, what) => {
    const plan = parsePlanDocument(harmlessPlan(flags), 'x');
    const context = environment === 'unknown' ? {} : { environment };
    const sources = policies === 'baseline' ? undefined : [PERMIT_EVERYTHING];
    const { decision } = await checkPlan(plan, 'x', context, sources);
    expect(decision.outcome).toBe(outcome);
    expect(decision.approvals).toBe(0);
    expect(decision.reasons.join('\n')).toContain(`${what}: applying it may do more than it shows`);
    // The effect that stands for the unshown part carries the outcome and says why first.
    const unshown = decision.perEffect.find((d) => d.effect.target === '(what the plan does not show)');
    expect(unshown?.outcome).toBe(outcome);
    expect(unshown?.reasons[0]).toBe(`${what}: applying it may do more than it shows`);
  });
});

describe('planFloor: the floor of a plan that does not show all it does', () => {
  const REASON = 'the plan errored: applying it may do more than it shows';
  const decision = (outcome: Outcome): DetailedDecision => ({
    outcome,
    approvals: outcome === 'require-approval' ? 2 : 0,
    ...(outcome === 'require-approval' ? { approverGroup: 'sre' } : {}),
    reasons: [`policy said ${outcome}`],
    policies: [],
    perEffect: [],
  });

  it.each([
    ['allow', 'dev', 'ask', 0],
    ['allow', 'production', 'deny', 0],
    ['allow', undefined, 'deny', 0],
    ['ask', 'dev', 'ask', 0],
    ['ask', 'production', 'deny', 0],
    ['require-approval', 'dev', 'require-approval', 2],
    ['require-approval', 'production', 'deny', 0],
    ['deny', 'dev', 'deny', 0],
    ['deny', 'production', 'deny', 0],
  ] as const)('%s in %s is raised to %s', (before, environment, after, approvals) => {
    const a = assessPlan(
      parsePlanDocument(harmlessPlan({ errored: true }), 'x'),
      environment ? { environment } : {},
    );
    const floored = planFloor(decision(before), a);
    expect(floored.outcome).toBe(after);
    expect(floored.approvals).toBe(approvals);
    if (after !== before) {
      expect(floored.reasons).toEqual([REASON]);
      expect(floored.approverGroup).toBeUndefined();
    } else expect(floored.reasons).toEqual([`policy said ${before}`, REASON]);
  });

  it('a complete plan that did not error is left as the policies decided', () => {
    const a = assessPlan(parsePlanDocument(harmlessPlan(), 'x'));
    const d = decision('allow');
    expect(planFloor(d, a)).toBe(d);
  });
});

describe('large plans', () => {
  it('requests that differ only in the target are evaluated once when no policy reads the target', () => {
    let calls = 0;
    const inner: PolicyEvaluator & { policies: { text: string }[] } = {
      policies: [{ text: 'permit (principal, action, resource) when { context.destructive };' }],
      evaluate: (_r: PolicyRequest) => {
        calls++;
        return { matched: [], errors: [] };
      },
    };
    const memo = planEvaluator(inner);
    const request = (target: string): PolicyRequest => ({
      principal: AGENT,
      operation: 'delete',
      context: {
        kind: 'terraform-plan',
        operation: 'delete',
        risk: 'high',
        riskLevel: 3,
        destructive: true,
        reversible: false,
        environment: 'production',
        tool: 'terraform',
        target,
        category: '',
        effectCount: 2,
        destructiveCount: 2,
        statefulCount: 0,
      },
    });
    memo.evaluate(request('a'));
    memo.evaluate(request('b'));
    expect(calls).toBe(1);
    inner.policies = [{ text: 'forbid (principal, action, resource) when { context.target == "a" };' }];
    const exact = planEvaluator(inner);
    exact.evaluate(request('a'));
    exact.evaluate(request('b'));
    expect(calls).toBe(3);
  });

  it('100,000 resource changes are assessed and decided', async () => {
    // A large plan changes few of its resources: 2% here, 2,000 effects.
    const doc = generatePlan(100_000, { update: 0.01, create: 0.005, delete: 0.003, replace: 0.002 });
    // Work done, not time passed: the process's CPU time does not grow when other work shares the machine.
    const started = process.cpuUsage();
    const plan = parsePlanDocument(doc, 'big.json');
    const a = assessPlan(plan);
    expect(plan.changes).toHaveLength(100_000);
    expect(a.effects.length).toBe(2_000);
    expect(a.blast.counts['no-op']).toBe(98_000);
    expect(a.blast.statefulCount).toBeGreaterThan(100);
    expect(a.reasons.length).toBeLessThan(30);
    const assessed = cpuMs(started);
    const d = decidePlan(a, AGENT, await evaluator());
    expect(d.outcome).toBe('require-approval');
    expect(assessed).toBeLessThan(20_000);
  }, 120_000);

  it('a plan that changes 17,000 of 100,000 resources is assessed quickly', () => {
    const plan = parsePlanDocument(generatePlan(100_000), 'big.json');
    const started = process.cpuUsage();
    const a = assessPlan(plan);
    expect(a.effects).toHaveLength(17_000);
    expect(cpuMs(started)).toBeLessThan(10_000);
  }, 120_000);
});
