import { describe, expect, it } from 'vitest';
import { classifyEnvironment, DEFAULT_ENVIRONMENT_PATTERNS } from '../../src/core/environment.js';

const place = (value: string, local = false) =>
  classifyEnvironment([{ source: 'test', value }], DEFAULT_ENVIRONMENT_PATTERNS, local).environment;

describe('environment patterns', () => {
  it.each([
    ['prod', 'production'],
    ['billing-prod-eu', 'production'],
    ['prod.db.internal', 'production'],
    ['arn:aws:eks:eu-west-1:1:cluster/production', 'production'],
    ['BillingProdStack', 'production'],
    ['PRD-EU', 'production'],
    ['live', 'production'],
    ['product-catalog', 'unknown'],
    ['reproduce', 'unknown'],
    ['non-prod', 'non-production'],
    ['nonprod-eu', 'non-production'],
    ['not-production', 'unknown'],
    ['staging', 'non-production'],
    ['dev-eu-1', 'non-production'],
    ['kind-kind', 'non-production'],
    ['localhost', 'non-production'],
    ['payments', 'unknown'],
  ])('%s → %s', (value, expected) => {
    expect(place(value)).toBe(expected);
  });

  it('lets one production hint win over any number of non-production ones', () => {
    const verdict = classifyEnvironment(
      [
        { source: 'flag --profile', value: 'dev' },
        { source: 'stack name', value: 'billing-prod' },
      ],
      DEFAULT_ENVIRONMENT_PATTERNS,
      false,
    );
    expect(verdict).toEqual({
      environment: 'production',
      because: [{ source: 'stack name', value: 'billing-prod' }],
    });
  });

  it('places effects on this machine outside production unless a hint says otherwise', () => {
    expect(place('payments', true)).toBe('non-production');
    expect(place('prod-web-1', true)).toBe('production');
  });
});
