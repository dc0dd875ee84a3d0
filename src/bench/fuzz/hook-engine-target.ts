import fc from 'fast-check';
import { answerHook, type PolicyProvider } from '../../adapters/hooks/engine.js';
import type { AgentId } from '../../adapters/hooks/types.js';
import { loadParsers, type LoadedParsers } from '../../app/checker.js';
import { loadPolicies, type LoadedPolicies } from '../../app/policies.js';
import { assembleRuntime } from '../../app/runtime.js';
import type { PolicyEvaluator } from '../../core/decide.js';
import { problemOfError, timed } from './verdicts.js';

// The hook envelopes through the whole hook engine (answerHook: preflight, then parse, assess, decide and
// record in the audit log), in an environment pointed at production or not, with internal errors forced:
// the policies cannot be loaded, or the policy evaluator throws. Whatever happens the hook answers in its
// agent's protocol; an internal error never allows, and one before any decision always denies.

/** Where an internal error is forced: nowhere, loading the runtime, or inside the policy evaluator. */
export type HookFault = 'none' | 'provider' | 'evaluator';

export const hookFault: fc.Arbitrary<HookFault> = fc.constantFrom('none', 'none', 'provider', 'evaluator');

/** The agent's environment: pointed at production (a profile, a database host) or at a developer's own. */
export const hookPlace: fc.Arbitrary<Record<string, string>> = fc.constantFrom<Record<string, string>>(
  { AWS_PROFILE: 'prod' },
  { PGHOST: 'db.prod.internal', TF_WORKSPACE: 'production' },
  { AWS_PROFILE: 'dev' },
  {},
);

class InjectedFault extends Error {}

/** Whether the current input met its injected fault (reset before each input). */
const fault = { fired: false };

function fire(what: string): never {
  fault.fired = true;
  throw new InjectedFault(`injected fault: ${what}`);
}

const throwing: PolicyEvaluator = { evaluate: () => fire('the policy evaluator') };

/** Real parsers and the built-in policies, loaded once; providers that break where the fault says. */
export async function hookEngine(auditDatabase: string) {
  const [parsers, policies]: [LoadedParsers, LoadedPolicies] = await Promise.all([
    loadParsers({ eagerSql: true }),
    loadPolicies({ cwd: '/nonexistent-fuzz-dir', env: { HOME: '/nonexistent-fuzz-home' } }),
  ]);
  const healthy = assembleRuntime(parsers, policies);
  const broken = { ...policies, evaluator: throwing };
  const brokenRuntime = assembleRuntime(parsers, broken);
  const providers: Record<HookFault, PolicyProvider> = {
    none: { runtime: () => Promise.resolve(healthy), policies: () => Promise.resolve(policies) },
    provider: {
      runtime: () => Promise.resolve().then(() => fire('loading the runtime')),
      policies: () => Promise.resolve().then(() => fire('loading the policies')),
    },
    evaluator: {
      runtime: () => Promise.resolve(brokenRuntime),
      policies: () => Promise.resolve(broken),
    },
  };
  return { providers, auditDatabase };
}

export type HookEngine = Awaited<ReturnType<typeof hookEngine>>;

/** One stdin through answerHook: never a throw, always the agent's protocol, never allow on an error. */
export async function hookEngineProblem(
  engine: HookEngine,
  input: { agent: AgentId; raw: string; env: Record<string, string>; fault: HookFault },
  deadlineMs: number,
): Promise<string | undefined> {
  const env = { ...input.env, INTERLOCK_DATABASE: engine.auditDatabase, HOME: '/nonexistent-fuzz-home' };
  const ctx = { env, cwd: '/nonexistent-fuzz-dir', user: 'fuzz' };
  let response;
  fault.fired = false;
  try {
    response = await timed(
      () => answerHook(input.agent, input.raw, ctx, engine.providers[input.fault]),
      deadlineMs,
    );
  } catch (error) {
    return problemOfError(error);
  }
  if (!Number.isInteger(response.exitCode)) return `exit code ${response.exitCode}`;
  if (response.stdout !== '') {
    try {
      JSON.parse(response.stdout);
    } catch {
      return `the answer is not JSON: ${response.stdout.slice(0, 200)}`;
    }
  }
  const { outcome } = response.verdict;
  const decided = response.verdict.decided ?? outcome;
  if (input.fault === 'provider' && fault.fired && outcome !== 'deny')
    return `a runtime that could not load came out ${outcome}`;
  if (fault.fired && (outcome === 'allow' || decided === 'allow'))
    return `an injected ${input.fault} fault came out allow`;
  return undefined;
}
