import type { EnvironmentClass, EnvironmentHint } from './types.js';

/** Patterns that mark a profile, context, workspace, host or resource name as one environment or another. */
export interface EnvironmentPatterns {
  production: RegExp[];
  nonProduction: RegExp[];
  /**
   * The non-production patterns the user's own config declared (environments.nonProduction, staging,
   * development): the team naming its own environments is a fact, so these also lower weak hints.
   */
  declaredNonProduction?: RegExp[];
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
  declaredNonProduction: [],
};

export interface EnvironmentVerdict {
  environment: EnvironmentClass;
  /** The hints that decided it (when unknown: the weak non-production hints that were set aside). */
  because: EnvironmentHint[];
}

/** "BillingProdStack" → "Billing-Prod-Stack", so camel-case names split into the same tokens as kebab-case. */
function splitCamel(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1-$2');
}

const matches = (patterns: readonly RegExp[], h: EnvironmentHint) =>
  patterns.some((p) => p.test(splitCamel(h.value)));

/**
 * Evidence is asymmetric. Production wins over everything: one production hint is enough, weak or not.
 * Otherwise a non-production hint makes it non-production, but a weak hint (a name only: a folder, a
 * module, a resource's name) counts only when it matches a pattern the user's config declared. With no
 * such hint, local effects are non-production (they land on this machine: a fact) and remote ones
 * unknown, and the weak hints that were set aside are named in `because`.
 */
export function classifyEnvironment(
  hints: readonly EnvironmentHint[],
  patterns: EnvironmentPatterns,
  local: boolean,
): EnvironmentVerdict {
  const production = hints.filter((h) => matches(patterns.production, h));
  if (production.length) return { environment: 'production', because: production };
  const declared = patterns.declaredNonProduction ?? [];
  const nonProduction = hints
    .filter((h) => matches(h.weak ? declared : patterns.nonProduction, h))
    .map((h) => (h.weak ? { ...h, source: `${h.source} (a name the config declares)` } : h));
  if (nonProduction.length) return { environment: 'non-production', because: nonProduction };
  if (local)
    return { environment: 'non-production', because: [{ source: 'default', value: 'acts on this machine' }] };
  const setAside = hints
    .filter((h) => h.weak && matches(patterns.nonProduction, h))
    .map((h) => ({
      source: 'weak hint',
      value: `${h.source}=${h.value} (a name only: it may raise, never lower)`,
    }));
  return { environment: 'unknown', because: setAside };
}

/** The same hint twice (same source, same value) says nothing new. */
export function dedupeHints(hints: readonly EnvironmentHint[]): EnvironmentHint[] {
  // Values by source: no key string is built per hint (an action's effects each bring theirs).
  const seen = new Map<string, Set<string>>();
  return hints.filter((h) => {
    let values = seen.get(h.source);
    if (!values) seen.set(h.source, (values = new Set()));
    if (values.has(h.value)) return false;
    values.add(h.value);
    return true;
  });
}
