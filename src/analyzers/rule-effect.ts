import type { Effect, Operation, Risk } from '../core/types.js';
import type { Invocation } from './analyzer.js';

/** What one administration tool's command does, as its analyzer's tables say (windows.ts, macos.ts). */
export interface Rule {
  operation: Operation;
  risk: Risk;
  category: string;
}

/** The effect of a rule on `target`; `does` completes "<tool> …". A modify can be set back; the rest cannot. */
export const ruleEffect = (inv: Invocation, target: string, rule: Rule, does: string): Effect => ({
  operation: rule.operation,
  tool: inv.name,
  target,
  reversible: rule.operation === 'modify',
  risk: rule.risk,
  reason: `${inv.name} ${does}`,
  category: rule.category,
});
