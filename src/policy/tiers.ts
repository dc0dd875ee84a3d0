import type { CompiledPolicy } from './policy-file.js';

/** Stands in for the managed tier's and the packs' "no policy permits this" when only lower tiers permit it. */
const LOWER_TIERS_ONLY_TIGHTEN: CompiledPolicy = {
  id: 'interlock.lower-tiers-only-tighten',
  origin: 'built-in',
  line: 0,
  effect: 'forbid',
  outcome: 'deny',
  approvals: 0,
  allowOwnTeam: false,
  message:
    'Only a user or project policy permits this. Those tiers may make the managed and built-in policies stricter, never permit what they do not.',
  text: '',
};

/**
 * Cedar allowed (some permit matched, no forbid did). The strictest matched outcome wins, so a lower-tier
 * allow cannot outvote a stricter pack or managed permit; what it could do is permit what no higher policy
 * permits at all, where Cedar would otherwise deny. When the higher tiers have policies and none of them
 * matched, their silence is a deny that lower tiers cannot lift. Higher-tier policies are listed first, so
 * when outcomes and approval counts tie, theirs (and their approver group) decides.
 */
export function onlyTightening(
  matched: CompiledPolicy[],
  policies: readonly CompiledPolicy[],
): CompiledPolicy[] {
  if (!matched.some((p) => p.tightenOnly)) return matched;
  const higher = matched.filter((p) => !p.tightenOnly);
  const lower = matched.filter((p) => p.tightenOnly);
  const higherTiersExist = policies.some((p) => !p.tightenOnly);
  if (higherTiersExist && higher.length === 0) return [LOWER_TIERS_ONLY_TIGHTEN, ...lower];
  return [...higher, ...lower];
}
