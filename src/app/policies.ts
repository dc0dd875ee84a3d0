import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { PolicyEvaluator } from '../core/decide.js';
import { join } from 'node:path';
import { userConfigDir } from '../config/discover.js';
import {
  BrokenPolicyEvaluator,
  CedarPolicyEvaluator,
  cedarBuildId,
  readSchema,
  type PolicyDefaults,
} from '../policy/engine.js';
import type { PolicySource } from '../policy/policy-file.js';
import { requestKeyFor } from '../policy/request-key.js';
import { RememberingEvaluator } from '../policy/remembering-evaluator.js';
import { policySetFingerprint, VerdictMemo } from '../policy/verdict-memo.js';

// Policies alone, without the shell parser or the analyzers: file-edit and MCP decisions need only these.

export interface RuntimeOptions {
  /** Where to look for `.interlock/` (walking up). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The managed tier's directory (tests); /etc/interlock otherwise. */
  managedDir?: string;
  /** Use exactly these policies instead of the configured ones. */
  sources?: PolicySource[];
  eagerSql?: boolean;
  /** Keep Cedar verdicts on disk for the next process (a one-shot hook), loading Cedar only on a miss. */
  rememberVerdicts?: boolean;
  /**
   * Keep shell assessments on disk for the next process (a one-shot `check` or `explain`), loading the
   * shell parser only on a miss; `build` names the code that assesses (assessment-memo.ts).
   */
  rememberAssessments?: { build: string };
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
    const config = loadConfig(
      options.cwd ?? process.cwd(),
      options.env,
      options.managedDir ? { managedDir: options.managedDir } : {},
    );
    const defaults = policyDefaults(config);
    const evaluator = options.rememberVerdicts
      ? await remembering(config.sources, defaults, join(userConfigDir(options.env), 'cache', 'verdicts'))
      : await CedarPolicyEvaluator.load(config.sources, defaults);
    return { evaluator, config, problems: [] };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    return { evaluator: new BrokenPolicyEvaluator(err), problems: [err.message] };
  }
}

/** What the configuration says the policies' approval annotations mean. */
export function policyDefaults(config: LoadedConfig): PolicyDefaults {
  return {
    approvals: config.approvalsDefault.value,
    ...(config.approvalsGroup.value ? { group: config.approvalsGroup.value } : {}),
  };
}

/** A policy set seen before answers from the memo; one never seen is compiled now, so errors show at once. */
async function remembering(
  sources: PolicySource[],
  defaults: PolicyDefaults,
  dir: string,
): Promise<PolicyEvaluator> {
  const schema = readSchema();
  const memo = new VerdictMemo(
    dir,
    policySetFingerprint({ sources, schema, defaults, cedarBuild: cedarBuildId() }),
    // The sources hold every policy's text (and comments besides: a field named there counts as read).
    requestKeyFor(sources.map((s) => s.text)),
  );
  // The memo holds verdicts only of a set that compiled and validated: its fingerprint is that set's.
  const validated = memo.seen;
  const compile = () => CedarPolicyEvaluator.loadSync(sources, defaults, schema, validated);
  return new RememberingEvaluator(
    memo,
    compile,
    memo.seen ? undefined : await CedarPolicyEvaluator.load(sources, defaults, schema),
  );
}
