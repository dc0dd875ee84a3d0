import { createChecker, loadParsers, type Checker, type LoadedParsers } from './checker.js';
import type { PolicyEvaluator } from '../core/decide.js';
import type { LoadedConfig } from '../config/load.js';
import type { ShellParser } from '../shell/syntax.js';
import { join } from 'node:path';
import { userConfigDir } from '../config/discover.js';
import { AssessmentMemo } from './assessment-memo.js';
import { placementOf } from './evaluate.js';
import { loadPolicies, type LoadedPolicies, type RuntimeOptions } from './policies.js';

export interface Runtime {
  checker: Checker;
  /**
   * The bash parser the checker uses, for callers that need a command's words (the broker's route). With
   * `rememberAssessments` it loads only when the checker needs it: such a runtime is for `check` alone.
   */
  parser: ShellParser;
  evaluator: PolicyEvaluator;
  /** The configuration in force; undefined when it could not be loaded (see `problems`). */
  config?: LoadedConfig;
  /** What was wrong with the configuration or policies. Decisions then fail closed in production. */
  problems: string[];
}

export type { RuntimeOptions };
export { loadPolicies };

/** Put loaded parsers and policies together into a runtime (with remembered assessments, when given). */
export function assembleRuntime(
  parsers: LoadedParsers,
  policies: LoadedPolicies,
  memo?: AssessmentMemo,
): Runtime {
  const { config } = policies;
  const checker = createChecker({
    ...parsers,
    evaluator: policies.evaluator,
    placement: placementOf(config),
    ...(memo ? { memo } : {}),
  });
  const runtime: Runtime = {
    checker,
    parser: parsers.parser,
    evaluator: policies.evaluator,
    problems: policies.problems,
  };
  if (config) runtime.config = config;
  return runtime;
}

/** Everything a check needs, loaded once per process: parsers, analyzers, configuration and preparsed policies. */
export async function loadRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const remember = options.rememberAssessments;
  const [parsers, policies] = await Promise.all([
    loadParsers({ eagerSql: options.eagerSql ?? true, lazyShell: remember !== undefined }),
    loadPolicies(options),
  ]);
  const memo =
    remember &&
    new AssessmentMemo(
      join(userConfigDir(options.env), 'cache', 'assessments'),
      remember.build,
      placementOf(policies.config),
    );
  return assembleRuntime(parsers, policies, memo);
}
