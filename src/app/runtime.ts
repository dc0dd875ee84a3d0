import { createChecker, loadParsers, type Checker } from './checker.js';
import { CedarPolicyEvaluator } from '../policy/engine.js';
import { DEFAULT_PACKS, packSource } from '../policy/packs.js';
import type { PolicySource } from '../policy/policy-file.js';

export interface Runtime {
  checker: Checker;
  evaluator: CedarPolicyEvaluator;
}

/** Everything a check needs, loaded once per process: parsers, analyzers and preparsed policies. */
export async function loadRuntime(
  options: { sources?: PolicySource[]; eagerSql?: boolean } = {},
): Promise<Runtime> {
  const sources = options.sources ?? DEFAULT_PACKS.map(packSource);
  const [parsers, evaluator] = await Promise.all([
    loadParsers({ eagerSql: options.eagerSql ?? true }),
    CedarPolicyEvaluator.load(sources),
  ]);
  return { checker: createChecker({ ...parsers, evaluator }), evaluator };
}
