import { createChecker, loadParsers, type Checker, type LoadedParsers } from './checker.js';
import { BrokenPolicyEvaluator, CedarPolicyEvaluator } from '../policy/engine.js';
import { DEFAULT_PACKS, packSource } from '../policy/packs.js';
import type { PolicySource } from '../policy/policy-file.js';
import type { PolicyEvaluator } from '../core/decide.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';

export interface Runtime {
  checker: Checker;
  evaluator: PolicyEvaluator;
  /** The configuration in force; undefined when it could not be loaded (see `problems`). */
  config?: LoadedConfig;
  /** What was wrong with the configuration or policies. Decisions then fail closed in production. */
  problems: string[];
}

export interface RuntimeOptions {
  /** Where to look for `.interlock/` (walking up). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Use exactly these policies instead of the configured ones. */
  sources?: PolicySource[];
  eagerSql?: boolean;
}

/** Load configuration and policies; a bad file yields a fail-closed evaluator and a problem, never "allow". */
export async function loadPolicies(
  options: RuntimeOptions,
): Promise<{ evaluator: PolicyEvaluator; config?: LoadedConfig; problems: string[] }> {
  try {
    if (options.sources) return { evaluator: await CedarPolicyEvaluator.load(options.sources), problems: [] };
    const config = loadConfig(options.cwd ?? process.cwd(), options.env);
    const defaults = {
      approvals: config.approvalsDefault.value,
      ...(config.approvalsGroup.value ? { group: config.approvalsGroup.value } : {}),
    };
    return { evaluator: await CedarPolicyEvaluator.load(config.sources, defaults), config, problems: [] };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    return { evaluator: new BrokenPolicyEvaluator(err), problems: [err.message] };
  }
}

/** Put loaded parsers and policies together into a runtime. */
export function assembleRuntime(
  parsers: LoadedParsers,
  policies: Awaited<ReturnType<typeof loadPolicies>>,
): Runtime {
  const { config } = policies;
  const checker = createChecker({
    ...parsers,
    evaluator: policies.evaluator,
    ...(config
      ? {
          patterns: config.patterns,
          unknownAs:
            config.unknownEnvironment.value === 'non-production'
              ? ('non-production' as const)
              : ('unknown' as const),
        }
      : {}),
  });
  const runtime: Runtime = { checker, evaluator: policies.evaluator, problems: policies.problems };
  if (config) runtime.config = config;
  return runtime;
}

/** Everything a check needs, loaded once per process: parsers, analyzers, configuration and preparsed policies. */
export async function loadRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const [parsers, policies] = await Promise.all([
    loadParsers({ eagerSql: options.eagerSql ?? true }),
    loadPolicies(options),
  ]);
  return assembleRuntime(parsers, policies);
}

export { DEFAULT_PACKS, packSource };
