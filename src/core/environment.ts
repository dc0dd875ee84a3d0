import type { EnvironmentClass, EnvironmentHint } from './types.js';

/** Patterns that mark a profile, context, workspace, host or resource name as one environment or another. */
export interface EnvironmentPatterns {
  production: RegExp[];
  nonProduction: RegExp[];
}

// Names are split on anything that is not a letter or digit, so "prod" matches "billing-prod-eu" and
// "prod.example.com" but not "product" or "reproduce".
export const tokenPattern = (words: string) => new RegExp(`(^|[^a-z0-9])(${words})([^a-z0-9]|$)`, 'i');

/** "non-prod" and "not-production" name non-production things: the production words must not match there. */
const productionPattern = (words: string) =>
  new RegExp(`(^|[^a-z0-9])(?<!non-|not-|non_|not_)(${words})([^a-z0-9]|$)`, 'i');

export const DEFAULT_ENVIRONMENT_PATTERNS: EnvironmentPatterns = {
  production: [productionPattern('prod|production|prd|live|prodn')],
  nonProduction: [
    tokenPattern(
      'dev|devel|development|staging|stage|stg|test|testing|qa|uat|sandbox|sbx|local|localhost|preview|ci|demo|nonprod|non-prod|scratch|playground|kind|minikube|docker-desktop|127\\.0\\.0\\.1',
    ),
  ],
};

export interface EnvironmentVerdict {
  environment: EnvironmentClass;
  /** The hints that decided it (all hints when nothing matched). */
  because: EnvironmentHint[];
}

/**
 * Production wins over everything: one production hint is enough. Otherwise any non-production hint makes
 * it non-production. With no recognisable hint, local effects are non-production and remote ones unknown.
 */
/** "BillingProdStack" → "Billing-Prod-Stack", so camel-case names split into the same tokens as kebab-case. */
function splitCamel(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1-$2');
}

export function classifyEnvironment(
  hints: readonly EnvironmentHint[],
  patterns: EnvironmentPatterns,
  local: boolean,
): EnvironmentVerdict {
  const production = hints.filter((h) => patterns.production.some((p) => p.test(splitCamel(h.value))));
  if (production.length) return { environment: 'production', because: production };
  const nonProduction = hints.filter((h) => patterns.nonProduction.some((p) => p.test(splitCamel(h.value))));
  if (nonProduction.length) return { environment: 'non-production', because: nonProduction };
  if (local)
    return { environment: 'non-production', because: [{ source: 'default', value: 'acts on this machine' }] };
  return { environment: 'unknown', because: [] };
}

/** The same hint twice (same source, same value) says nothing new. */
export function dedupeHints(hints: readonly EnvironmentHint[]): EnvironmentHint[] {
  const seen = new Set<string>();
  return hints.filter((h) => {
    const key = `${h.source}\0${h.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
