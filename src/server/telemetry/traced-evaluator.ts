import type { PolicyEvaluator } from '../../core/decide.js';
import type { Tracing } from './tracing.js';

/**
 * Trace every policy evaluation of `evaluator` while traces are on. The shell checker holds the same
 * evaluator object, so the method is wrapped in place; the returned function puts it back.
 */
export function traceEvaluator(evaluator: PolicyEvaluator, tracing: Tracing): () => void {
  const own = Object.prototype.hasOwnProperty.call(evaluator, 'evaluate');
  const original = evaluator.evaluate;
  evaluator.evaluate = (request) =>
    tracing.spanSync('interlock.policy.evaluate', () => original.call(evaluator, request));
  return () => {
    if (own) evaluator.evaluate = original;
    else delete (evaluator as Partial<PolicyEvaluator>).evaluate;
  };
}
