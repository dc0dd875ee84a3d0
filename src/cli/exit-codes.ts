import type { Outcome } from '../core/types.js';

/** Exit codes of `interlock check`, one per outcome, so scripts and CI can branch on them. */
export const EXIT_CODES: Record<Outcome | 'usage' | 'internal', number> = {
  allow: 0,
  internal: 1,
  usage: 2,
  ask: 3,
  'require-approval': 4,
  deny: 5,
};
