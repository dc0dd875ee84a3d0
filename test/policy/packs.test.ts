import { describe, expect, it } from 'vitest';
import type { PlacedEffect } from '../../src/core/types.js';
import { decide, type Principal } from '../../src/core/decide.js';
import type { PlacedAssessment } from '../../src/core/types.js';
import type { EnvironmentClass, Operation, Risk } from '../../src/core/types.js';
import { CedarPolicyEvaluator } from '../../src/policy/engine.js';
import { packSource } from '../../src/policy/packs.js';

const agent: Principal = { type: 'Agent', id: 'claude-code', actsFor: 'dev' };
const human: Principal = { type: 'Human', id: 'dev', groups: ['platform'] };

function effect(
  operation: Operation,
  risk: Risk,
  environment: EnvironmentClass,
  category = '',
): PlacedAssessment {
  const destructive =
    operation !== 'read' && operation !== 'create' && ['medium', 'high', 'critical'].includes(risk);
  const e: PlacedEffect = {
    operation,
    tool: 'test',
    target: 't',
    reversible: false,
    risk,
    reason: 'test effect',
    category,
    environment,
    environmentHints: [],
    destructive,
  };
  return { risk, destructive, environment, environmentHints: [], effects: [e], reasons: [], readOnly: false };
}

async function evaluator(...packs: string[]) {
  return CedarPolicyEvaluator.load(packs.map(packSource));
}

describe('baseline pack', () => {
  it.each([
    ['harmless anywhere', effect('read', 'none', 'production'), 'allow', 0],
    ['a low-risk change in production', effect('modify', 'low', 'production'), 'allow', 0],
    ['destructive outside production', effect('delete', 'high', 'non-production'), 'ask', 0],
    ['destructive in production', effect('delete', 'critical', 'production'), 'require-approval', 2],
    ['destructive where nobody knows', effect('replace', 'high', 'unknown'), 'require-approval', 2],
    ['unverifiable in production', effect('execute-unverifiable', 'high', 'production'), 'deny', 0],
    ['unverifiable on this machine', effect('execute-unverifiable', 'high', 'non-production'), 'ask', 0],
    [
      'an apply without a saved plan in production',
      effect('modify', 'medium', 'production', 'unplanned-apply'),
      'deny',
      0,
    ],
    [
      'an apply without a saved plan in dev',
      effect('modify', 'medium', 'non-production', 'unplanned-apply'),
      'ask',
      0,
    ],
  ] as const)('%s → %s', async (_name, assessment, outcome, approvals) => {
    const decision = decide(assessment, 'shell', agent, await evaluator('baseline'));
    expect(decision.outcome).toBe(outcome);
    expect(decision.approvals).toBe(approvals);
  });

  it('tells the agent to save a plan first', async () => {
    const decision = decide(
      effect('modify', 'medium', 'production', 'unplanned-apply'),
      'shell',
      agent,
      await evaluator('baseline'),
    );
    expect(decision.reasons.join(' ')).toMatch(/terraform plan -out/);
  });
});

describe('production-strict pack', () => {
  it('makes any change in production wait for a peer', async () => {
    const decision = decide(
      effect('modify', 'low', 'production'),
      'shell',
      agent,
      await evaluator('baseline', 'production-strict'),
    );
    expect(decision).toMatchObject({ outcome: 'require-approval', approvals: 1 });
  });

  it.each(['iam', 'kms', 'dns'])('needs two approvers from platform for %s changes', async (category) => {
    const decision = decide(
      effect('modify', 'low', 'production', category),
      'shell',
      agent,
      await evaluator('baseline', 'production-strict'),
    );
    expect(decision).toMatchObject({ outcome: 'require-approval', approvals: 2, approverGroup: 'platform' });
  });

  it('leaves reads and non-production alone', async () => {
    const ev = await evaluator('baseline', 'production-strict');
    expect(decide(effect('read', 'none', 'production'), 'shell', agent, ev).outcome).toBe('allow');
    expect(decide(effect('modify', 'low', 'non-production', 'iam'), 'shell', agent, ev).outcome).toBe(
      'allow',
    );
  });
});

describe('agents-read-only pack', () => {
  it('denies agents any change in production but lets them read', async () => {
    const ev = await evaluator('baseline', 'agents-read-only');
    expect(decide(effect('modify', 'low', 'production'), 'shell', agent, ev).outcome).toBe('deny');
    expect(decide(effect('delete', 'critical', 'production'), 'shell', agent, ev).outcome).toBe('deny');
    expect(decide(effect('read', 'none', 'production'), 'shell', agent, ev).outcome).toBe('allow');
  });

  it('does not restrict humans, who still get the baseline', async () => {
    const ev = await evaluator('baseline', 'agents-read-only');
    expect(decide(effect('modify', 'low', 'production'), 'shell', human, ev).outcome).toBe('allow');
    expect(decide(effect('delete', 'critical', 'production'), 'shell', human, ev)).toMatchObject({
      outcome: 'require-approval',
      approvals: 2,
    });
  });
});

describe('conflicts', () => {
  it('resolve to the strictest outcome: deny > require-approval > ask > allow', async () => {
    const ev = await CedarPolicyEvaluator.load([
      packSource('baseline'),
      {
        origin: 'team.cedar',
        text: `@id("t.ask") @outcome("ask") permit (principal, action, resource);
@id("t.three") @outcome("require-approval") @approvals("3") permit (principal, action == Interlock::Action::"delete", resource) when { context.environment == "production" };
@id("t.no-kms") forbid (principal, action, resource) when { context.category == "kms" };`,
      },
    ]);
    expect(decide(effect('read', 'none', 'production'), 'shell', agent, ev).outcome).toBe('ask');
    expect(decide(effect('delete', 'high', 'production'), 'shell', agent, ev)).toMatchObject({
      outcome: 'require-approval',
      approvals: 3,
    });
    expect(decide(effect('delete', 'high', 'production', 'kms'), 'shell', agent, ev).outcome).toBe('deny');
  });

  it('takes the strictest outcome over all effects of one action', async () => {
    const ev = await evaluator('baseline');
    const a = effect('read', 'none', 'production');
    const b = effect('delete', 'critical', 'production');
    const decision = decide({ ...b, effects: [...a.effects, ...b.effects] }, 'shell', agent, ev);
    expect(decision.outcome).toBe('require-approval');
    expect(decision.perEffect.map((d) => d.outcome)).toEqual(['allow', 'require-approval']);
  });

  it('denies what no policy permits (Cedar default) when the packs are turned off', async () => {
    const ev = await CedarPolicyEvaluator.load([
      {
        origin: 'only.cedar',
        text: '@id("o") permit (principal, action == Interlock::Action::"read", resource);',
      },
    ]);
    expect(decide(effect('read', 'none', 'production'), 'shell', agent, ev).outcome).toBe('allow');
    const decision = decide(effect('modify', 'low', 'non-production'), 'shell', agent, ev);
    expect(decision.outcome).toBe('deny');
    expect(decision.reasons[0]).toMatch(/no policy permits/);
  });

  it('resolves @approvals("default") from configuration', async () => {
    const ev = await CedarPolicyEvaluator.load([packSource('baseline')], { approvals: 3, group: 'sre' });
    expect(decide(effect('delete', 'high', 'production'), 'shell', agent, ev)).toMatchObject({
      outcome: 'require-approval',
      approvals: 3,
      approverGroup: 'sre',
    });
  });
});
