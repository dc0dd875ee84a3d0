import {
  classifyEnvironment,
  DEFAULT_ENVIRONMENT_PATTERNS,
  type EnvironmentPatterns,
  type EnvironmentVerdict,
} from './environment.js';
import { withFields } from './with-fields.js';
import { isDestructive, maxRisk, type Effect, type EnvironmentHint, type PlacedEffect } from './types.js';

// The one place where an effect gets its environment. Every kind of action (shell, plan, file write, MCP
// call) comes through here, so the configuration's patterns and its answer for "unknown" apply everywhere.

export interface Placement {
  patterns: EnvironmentPatterns;
  /** How a remote effect nobody recognised is placed; "unknown" (the default) is treated like production. */
  unknownAs: 'unknown' | 'non-production';
}

export const DEFAULT_PLACEMENT: Placement = { patterns: DEFAULT_ENVIRONMENT_PATTERNS, unknownAs: 'unknown' };

/** The environment a set of hints says; `local` means the effect lands on this machine. */
export function placeHints(
  hints: readonly EnvironmentHint[],
  local: boolean,
  placement: Placement,
): EnvironmentVerdict {
  const verdict = classifyEnvironment(hints, placement.patterns, local);
  if (verdict.environment === 'unknown' && placement.unknownAs === 'non-production')
    return {
      environment: 'non-production',
      because: [{ source: 'config environments.unknown', value: 'non-production' }],
    };
  return verdict;
}

/**
 * Place an effect from its hints (non-production when local and no hint says otherwise). `hints`, when
 * given, replace the effect's own in the one copy made here (an action may have thousands of effects).
 */
export function placeEffect(
  effect: Effect,
  local: boolean,
  placement: Placement,
  hints: EnvironmentHint[] = effect.hints ?? [],
): PlacedEffect {
  const verdict = placeHints(hints, local, placement);
  // Unknown counts as production here as it does in the baseline policy.
  const worse = verdict.environment === 'non-production' ? undefined : effect.riskInProduction;
  const rated = worse ? withFields(effect, { risk: maxRisk(effect.risk, worse) }) : effect;
  return withFields(rated, {
    hints,
    environment: verdict.environment,
    environmentHints: verdict.because,
    destructive: isDestructive(rated),
  });
}
