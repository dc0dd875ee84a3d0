import type { PlacedEffect } from '../core/types.js';
import { decide } from '../core/decide.js';
import type { PlacedAssessment } from '../core/types.js';
import { CedarPolicyEvaluator } from '../policy/engine.js';
import { packSource } from '../policy/packs.js';
import { fmt, summary, timeMicros } from './stats.js';

/** N team policies in the style people write: one rule per service, tool or resource. */
function teamPolicies(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0:
        out.push(
          `@id("team.p${i}") @outcome("require-approval") @approvals("${1 + (i % 3)}")\npermit (principal, action == Interlock::Action::"delete", resource) when { context.environment == "production" && context.target like "*svc-${i}*" };`,
        );
        break;
      case 1:
        out.push(
          `@id("team.p${i}") forbid (principal is Interlock::Agent, action in Interlock::Action::"mutate", resource) when { context.tool == "tool-${i}" && context.riskLevel >= 3 };`,
        );
        break;
      case 2:
        out.push(
          `@id("team.p${i}") @outcome("ask") permit (principal, action, resource) when { context.category == "cat-${i}" };`,
        );
        break;
      default:
        out.push(
          `@id("team.p${i}") @outcome("allow") permit (principal, action == Interlock::Action::"read", resource) when { context.target like "repo-${i}/*" };`,
        );
    }
  }
  return out.join('\n');
}

const effect: PlacedEffect = {
  operation: 'delete',
  tool: 'kubectl',
  target: 'namespace billing',
  reversible: false,
  risk: 'critical',
  reason: 'bench',
  category: 'namespace',
  environment: 'production',
  environmentHints: [],
  destructive: true,
};
const assessment: PlacedAssessment = {
  risk: 'critical',
  destructive: true,
  environment: 'production',
  environmentHints: [],
  effects: [effect],
  reasons: [],
  readOnly: false,
};

/** Issue 3: decision overhead with custom policy sets of 10, 100 and 1,000 policies. */
export async function benchPolicies(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const n of [0, 10, 100, 1000]) {
    const t = performance.now();
    const evaluator = await CedarPolicyEvaluator.load([
      packSource('baseline'),
      { origin: 'bench.cedar', text: teamPolicies(n) },
    ]);
    const loadMs = performance.now() - t;
    const cold = { evaluate: evaluator.evaluateUncached.bind(evaluator) };
    const principal = { type: 'Agent' as const, id: 'bench' };
    const times = summary(timeMicros(3_000, 300, () => decide(assessment, 'shell', principal, cold)));
    const memo = summary(timeMicros(3_000, 300, () => decide(assessment, 'shell', principal, evaluator)));
    console.log(
      `decide, baseline + ${String(n).padStart(4)} team policies: uncached p50 ${fmt(times.p50)}, p99 ${fmt(times.p99)}; repeated request p50 ${fmt(memo.p50)}, p99 ${fmt(memo.p99)} (load+validate once: ${loadMs.toFixed(0)} ms)`,
    );
    results[n] = { uncached: times, repeated: memo, loadMs };
  }
  return results;
}
