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

  describe('weak hints (a name only) may raise, never lower', () => {
    const weak = (source: string, value: string) => ({ source, value, weak: true as const });

    it('a weak production hint still raises', () => {
      const verdict = classifyEnvironment(
        [weak('working directory', 'prod-infra')],
        DEFAULT_ENVIRONMENT_PATTERNS,
        false,
      );
      expect(verdict.environment).toBe('production');
      expect(verdict.because).toEqual([weak('working directory', 'prod-infra')]);
    });

    it('a weak non-production hint leaves a remote effect unknown, and says why', () => {
      const verdict = classifyEnvironment(
        [weak('working directory', 'ci'), { source: 'flag --region', value: 'eu-west-1' }],
        DEFAULT_ENVIRONMENT_PATTERNS,
        false,
      );
      expect(verdict).toEqual({
        environment: 'unknown',
        because: [
          { source: 'weak hint', value: 'working directory=ci (a name only: it may raise, never lower)' },
        ],
      });
    });

    it('an effect on this machine stays non-production (where it lands is a fact, not a name)', () => {
      expect(
        classifyEnvironment([weak('container name', 'web-dev')], DEFAULT_ENVIRONMENT_PATTERNS, true),
      ).toEqual({
        environment: 'non-production',
        because: [{ source: 'default', value: 'acts on this machine' }],
      });
    });

    it('an explicit non-production hint still lowers; only it is named', () => {
      const verdict = classifyEnvironment(
        [weak('module', 'module.local_backups'), { source: 'flag --profile', value: 'dev' }],
        DEFAULT_ENVIRONMENT_PATTERNS,
        false,
      );
      expect(verdict).toEqual({
        environment: 'non-production',
        because: [{ source: 'flag --profile', value: 'dev' }],
      });
    });

    it("a weak hint lowers when it matches a pattern the user's config declared", () => {
      const patterns = {
        ...DEFAULT_ENVIRONMENT_PATTERNS,
        nonProduction: [...DEFAULT_ENVIRONMENT_PATTERNS.nonProduction, /^sandbox-/i],
        declaredNonProduction: [/(^|[^a-z0-9])ci([^a-z0-9]|$)/i, /^sandbox-/i],
      };
      expect(classifyEnvironment([weak('working directory', 'ci')], patterns, false)).toEqual({
        environment: 'non-production',
        because: [{ source: 'working directory (a name the config declares)', value: 'ci', weak: true }],
      });
      // Only the declared patterns count for weak hints, not the built-in ones.
      expect(classifyEnvironment([weak('working directory', 'demo')], patterns, false).environment).toBe(
        'unknown',
      );
      // Declared or not, production still wins.
      expect(classifyEnvironment([weak('bucket', 'ci-prod-artifacts')], patterns, false).environment).toBe(
        'production',
      );
    });
  });
});
