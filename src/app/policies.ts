import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { PolicyEvaluator } from '../core/decide.js';
import { BrokenPolicyEvaluator, CedarPolicyEvaluator } from '../policy/engine.js';
import type { PolicySource } from '../policy/policy-file.js';

// Policies alone, without the shell parser or the analyzers: file-edit and MCP decisions need only these.

export interface RuntimeOptions {
  /** Where to look for `.interlock/` (walking up). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Use exactly these policies instead of the configured ones. */
  sources?: PolicySource[];
  eagerSql?: boolean;
}

export interface LoadedPolicies {
  evaluator: PolicyEvaluator;
  config?: LoadedConfig;
  problems: string[];
}

/** Load configuration and policies; a bad file yields a fail-closed evaluator and a problem, never "allow". */
export async function loadPolicies(options: RuntimeOptions): Promise<LoadedPolicies> {
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
