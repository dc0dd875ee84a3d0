import type { Effect } from './types.js';

// "Known read-only": what a freeze lets through. Anything not positively known to only read is not.

/** Whether every effect only reads (no effects at all also qualifies: the caller says whether that is known). */
export function onlyReads(effects: readonly Pick<Effect, 'operation'>[]): boolean {
  return effects.every((e) => e.operation === 'read');
}

/**
 * The freeze's predicate: the assessment says it is read-only and no effect contradicts it. An assessment
 * without the mark (an older client, a hand-written body) is not read-only: unknown fails closed.
 */
export function knownReadOnly(assessment: {
  readonly readOnly?: unknown;
  readonly effects: readonly Pick<Effect, 'operation'>[];
}): boolean {
  return assessment.readOnly === true && onlyReads(assessment.effects);
}
