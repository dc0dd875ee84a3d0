import { dedupeHints } from './environment.js';
import { onlyReads } from './read-only.js';
import {
  maxRisk,
  riskRank,
  type Assessment,
  type EnvironmentClass,
  type EnvironmentHint,
  type PlacedAssessment,
  type PlacedEffect,
} from './types.js';

/**
 * The assessment of a set of placed effects: the worst risk, the worst environment, the reasons.
 * `allKnown` says whether these effects are all the action does (a shell command whose every program was
 * recognised); by default an action with no effect at all is not known to be read-only.
 */
export function summarize(
  placed: PlacedEffect[],
  hints: EnvironmentHint[] = placed.flatMap((e) => e.environmentHints),
  allKnown = placed.length > 0,
): PlacedAssessment {
  const destructive = placed.filter((e) => e.destructive);
  const risk = placed.reduce((r, e) => maxRisk(r, e.risk), 'none' as Assessment['risk']);
  const environment = worstEnvironment(destructive.length ? destructive : placed);
  const reasons = (destructive.length ? destructive : placed.filter((e) => riskRank(e.risk) > 0)).map(
    (e) => `${e.reason} (${e.environment === 'unknown' ? 'environment unknown' : e.environment})`,
  );
  return {
    risk,
    destructive: destructive.length > 0,
    environment,
    environmentHints: dedupeHints(hints),
    effects: placed,
    reasons: [...new Set(reasons)],
    readOnly: allKnown && onlyReads(placed),
  };
}

function worstEnvironment(effects: PlacedEffect[]): EnvironmentClass {
  if (effects.some((e) => e.environment === 'production')) return 'production';
  if (effects.some((e) => e.environment === 'unknown')) return 'unknown';
  return effects.length ? 'non-production' : 'unknown';
}
