import { describe, expect, it } from 'vitest';
import { decide, type PolicyEvaluator } from '../../src/core/decide.js';
import type { PlacedAssessment, PlacedEffect } from '../../src/core/types.js';

// A reason held by many effects names how many (with thousands separators) and the first few.

function assessmentOf(count: number): PlacedAssessment {
  const effects: PlacedEffect[] = Array.from({ length: count }, (_, i) => ({
    operation: 'delete',
    tool: 'test',
    target: `t${i}`,
    reversible: false,
    risk: 'high',
    reason: `drops t${i}`,
    category: '',
    environment: 'production',
    environmentHints: [],
    destructive: true,
  }));
  return {
    risk: 'high',
    destructive: true,
    environment: 'production',
    environmentHints: [],
    effects,
    reasons: [],
    readOnly: false,
  };
}

const nothingPermits: PolicyEvaluator = { evaluate: () => ({ matched: [], errors: [] }) };
const agent = { type: 'Agent', id: 'claude-code', actsFor: 'dev' } as const;

describe('reasons of many effects', () => {
  it.each([
    [1, 'drops t0'],
    [3, 'drops t0; drops t1; drops t2'],
    [4, '4 effects, e.g. drops t0; drops t1; drops t2'],
    [1204, '1,204 effects, e.g. drops t0; drops t1; drops t2'],
    [12_345, '12,345 effects, e.g. drops t0; drops t1; drops t2'],
  ])('%i effects', (count, held) => {
    const decision = decide(assessmentOf(count), 'shell', agent, nothingPermits);
    expect(decision.reasons).toEqual([
      `no policy permits delete here (Cedar denies what no policy permits) — ${held}`,
    ]);
  });
});
