import type { PolicyEvaluator, PolicyRequest, PolicyVerdict } from '../core/decide.js';
import type { CedarPolicyEvaluator } from './engine.js';
import type { VerdictMemo } from './verdict-memo.js';

/**
 * Answers from the verdict memo when it can, and compiles the policies with Cedar only on the first
 * request it has not seen. A failure to compile then is reported as the verdict's error, so the decision
 * fails closed (deny in production, ask elsewhere) exactly as with policies that never loaded.
 */
export class RememberingEvaluator implements PolicyEvaluator {
  private failure: Error | undefined;

  constructor(
    private readonly memo: VerdictMemo,
    private readonly compile: () => CedarPolicyEvaluator,
    private cedar?: CedarPolicyEvaluator,
  ) {}

  /** Has Cedar been loaded in this process? (Benchmarks and tests look.) */
  get compiled(): boolean {
    return this.cedar !== undefined;
  }

  evaluate(request: PolicyRequest): PolicyVerdict {
    const known = this.memo.get(request);
    if (known) return known;
    if (!this.cedar && !this.failure) {
      try {
        this.cedar = this.compile();
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
      }
    }
    if (!this.cedar)
      return { matched: [], errors: [`the policies could not be loaded: ${this.failure?.message}`] };
    const verdict = this.cedar.evaluate(request);
    this.memo.set(request, verdict);
    return verdict;
  }
}
