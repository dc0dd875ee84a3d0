import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEMENT, placeEffect } from '../../src/core/place.js';
import type { Effect } from '../../src/core/types.js';

// An effect routine in dev and an outage in production (a container stopped, a chart scaled to zero) says
// so with riskInProduction; placement applies it where the effect lands.

const stop = (value: string): Effect => ({
  operation: 'modify',
  tool: 'docker',
  target: 'container/web',
  reversible: true,
  risk: 'low',
  riskInProduction: 'high',
  reason: 'stops container/web',
  hints: [{ source: 'flag --context', value }],
});

describe('riskInProduction', () => {
  it.each([
    ['prod-app-01', 'high', true],
    ['some-host-nobody-named', 'high', true],
    ['staging-app-01', 'low', false],
  ] as const)('on %s the risk is %s', (context, risk, destructive) => {
    const placed = placeEffect(stop(context), false, DEFAULT_PLACEMENT);
    expect(placed.risk).toBe(risk);
    expect(placed.destructive).toBe(destructive);
  });

  it('never lowers a risk', () => {
    const placed = placeEffect({ ...stop('prod-app-01'), risk: 'critical' }, false, DEFAULT_PLACEMENT);
    expect(placed.risk).toBe('critical');
  });
});
