import { describe, expect, it } from 'vitest';
import { decide, type PolicyEvaluator } from '../../src/core/decide.js';
import type { EnvironmentClass, PlacedAssessment, PlacedEffect } from '../../src/core/types.js';

// A policy that cannot be evaluated fails closed when the action reaches production, whichever of its
// effects the error met (found by the shell fuzzer: `createdb > /` with PGHOST on production, the redirect's
// evaluation failing, came out ask); an action that stays on this machine asks instead.

const effect = (target: string, environment: EnvironmentClass): PlacedEffect => ({
  operation: 'modify',
  tool: 'test',
  target,
  reversible: false,
  risk: 'high',
  reason: `changes ${target}`,
  environment,
  environmentHints: [],
  destructive: true,
});

const actionOf = (...effects: PlacedEffect[]): PlacedAssessment => ({
  risk: 'high',
  destructive: true,
  environment: effects.some((e) => e.environment === 'production') ? 'production' : 'non-production',
  environmentHints: [],
  effects,
  reasons: [],
  readOnly: false,
});

/** Throws for the first effect it is asked about; allows the rest. */
const failsFirst = (): PolicyEvaluator => {
  let calls = 0;
  return {
    evaluate: () => {
      if (calls++ === 0) throw new Error('injected');
      return { matched: [{ id: 'allow', origin: 'test', outcome: 'allow', approvals: 0 }], errors: [] };
    },
  };
};
const agent = { type: 'Agent', id: 'claude-code', actsFor: 'dev' } as const;

describe('policy errors', () => {
  it('deny an action that reaches production, even when the effect that failed is local', () => {
    const d = decide(
      actionOf(effect('/', 'non-production'), effect('db', 'production')),
      'shell',
      agent,
      failsFirst(),
    );
    expect(d.outcome).toBe('deny');
    expect(d.reasons.join()).toContain('failing closed');
  });

  it('ask for an action that stays on this machine', () => {
    const d = decide(
      actionOf(effect('/', 'non-production'), effect('x', 'non-production')),
      'shell',
      agent,
      failsFirst(),
    );
    expect(d.outcome).toBe('ask');
  });
});
