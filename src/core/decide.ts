import {
  outcomeRank,
  type ActionKind,
  riskRank,
  type PlacedAssessment,
  type PlacedEffect,
  type Decision,
  type MatchedPolicy,
  type Operation,
  type Outcome,
} from './types.js';

/** Who proposes the action. Agents act for a human; humans carry groups that policies use. */
export interface Principal {
  type: 'Agent' | 'Human';
  id: string;
  vendor?: string;
  model?: string;
  session?: string;
  actsFor?: string;
  groups?: string[];
}

/** The facts a policy sees for one effect (the `context` of the Cedar request). */
interface PolicyContext {
  kind: ActionKind;
  operation: Operation;
  risk: string;
  riskLevel: number;
  destructive: boolean;
  reversible: boolean;
  environment: string;
  tool: string;
  target: string;
  category: string;
  effectCount: number;
  destructiveCount: number;
  statefulCount: number;
}

export interface PolicyRequest {
  principal: Principal;
  operation: Operation;
  context: PolicyContext;
}

interface PolicyOutcomeInfo {
  id: string;
  origin: string;
  line?: number;
  outcome: Outcome;
  approvals: number;
  group?: string;
  message?: string;
}

export interface PolicyVerdict {
  matched: PolicyOutcomeInfo[];
  errors: string[];
}

/** The policy engine as the core sees it: a pure function from a request to the policies that matched. */
export interface PolicyEvaluator {
  evaluate(request: PolicyRequest): PolicyVerdict;
}

export interface EffectDecision {
  effect: PlacedEffect;
  outcome: Outcome;
  approvals: number;
  group?: string;
  matched: PolicyOutcomeInfo[];
  reasons: string[];
}

export interface DetailedDecision extends Decision {
  perEffect: EffectDecision[];
}

const NOTHING: PlacedEffect = {
  operation: 'read',
  tool: 'shell',
  target: '',
  reversible: true,
  risk: 'none',
  reason: 'no effect found',
  environment: 'unknown',
  environmentHints: [],
  destructive: false,
};

function decideOne(
  effect: PlacedEffect,
  request: PolicyRequest,
  evaluator: PolicyEvaluator,
  actionInProduction: boolean,
): EffectDecision {
  // An error deciding any effect of an action that reaches production fails the action closed, even when the
  // effect that failed is local (`createdb > /` with PGHOST on production: the redirect's error must not ask).
  const productionScoped = actionInProduction || effect.environment !== 'non-production';
  let verdict: PolicyVerdict;
  try {
    verdict = evaluator.evaluate(request);
  } catch (error) {
    verdict = { matched: [], errors: [error instanceof Error ? error.message : String(error)] };
  }
  if (verdict.errors.length) {
    // Fail closed where production may be at stake; elsewhere let the local user decide.
    const outcome: Outcome = productionScoped ? 'deny' : 'ask';
    return {
      effect,
      outcome,
      approvals: 0,
      matched: verdict.matched,
      reasons: [
        `policy evaluation failed (${verdict.errors.join('; ')}); failing ${productionScoped ? 'closed' : 'to ask'}`,
      ],
    };
  }
  if (verdict.matched.length === 0) {
    return {
      effect,
      outcome: 'deny',
      approvals: 0,
      matched: [],
      reasons: [`no policy permits ${effect.operation} here (Cedar denies what no policy permits)`],
    };
  }
  const outcome = verdict.matched.reduce<Outcome>(
    (o, p) => (outcomeRank(p.outcome) > outcomeRank(o) ? p.outcome : o),
    'allow',
  );
  const deciding = verdict.matched.filter((p) => p.outcome === outcome);
  const strictest = deciding.reduce<PolicyOutcomeInfo | undefined>(
    (best, p) => (!best || p.approvals > best.approvals ? p : best),
    undefined,
  );
  const reasons = deciding.map((p) => p.message ?? `policy ${p.id}`);
  const result: EffectDecision = {
    effect,
    outcome,
    approvals: outcome === 'require-approval' ? (strictest?.approvals ?? 1) : 0,
    matched: verdict.matched,
    reasons,
  };
  if (outcome === 'require-approval' && strictest?.group) result.group = strictest.group;
  return result;
}

function policyContext(
  kind: ActionKind,
  effect: PlacedEffect,
  assessment: PlacedAssessment,
  statefulCount = 0,
  destructiveCount = assessment.effects.filter((e) => e.destructive).length,
): PolicyContext {
  const effects = assessment.effects;
  return {
    kind,
    operation: effect.operation,
    risk: effect.risk,
    riskLevel: riskRank(effect.risk),
    destructive: effect.destructive,
    reversible: effect.reversible,
    environment: effect.environment,
    tool: effect.tool,
    target: effect.target,
    category: effect.category ?? '',
    effectCount: effects.length,
    destructiveCount,
    statefulCount,
  };
}

const EXAMPLES = 3;

/**
 * One line per policy reason, naming the effects it holds: "<why> — <effect>" for one effect, and
 * "<why> — 1,204 effects, e.g. a; b; c" for many (a plan can have thousands).
 */
function groupReasons(deciding: EffectDecision[], outcome: Outcome): string[] {
  // Sets keep the effects in order without a quadratic search (a plan's thousands of effects).
  const byReason = new Map<string, Set<string>>();
  for (const d of deciding) {
    for (const r of d.reasons) {
      const seen = byReason.get(r) ?? new Set<string>();
      seen.add(d.effect.reason);
      byReason.set(r, seen);
    }
  }
  return [...byReason].map(([why, set]) => {
    const effects = [...set];
    if (outcome === 'allow' || effects.length === 0) return why;
    if (effects.length === 1) return `${why} — ${effects[0]}`;
    const more = effects.length > EXAMPLES ? `${thousands(effects.length)} effects, e.g. ` : '';
    return `${why} — ${more}${effects.slice(0, EXAMPLES).join('; ')}`;
  });
}

/**
 * 1204 as "1,204", as toLocaleString('en') writes it: that call loads ICU's number formatting, which costs
 * a one-shot `plan check` ~20 ms of CPU.
 */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Ask the policies about every effect; the strictest outcome over all effects is the decision. */
export function decide(
  assessment: PlacedAssessment,
  kind: ActionKind,
  principal: Principal,
  evaluator: PolicyEvaluator,
  extra: { statefulCount?: number } = {},
): DetailedDecision {
  const effects: PlacedEffect[] = assessment.effects.length
    ? assessment.effects
    : // Nothing found to place: production only when the action's own facts say so. (Otherwise a broken
      // policy file, which fails production-scoped decisions closed, would deny even `ls`.)
      [
        {
          ...NOTHING,
          environment: assessment.environment === 'production' ? 'production' : 'non-production',
        },
      ];
  const destructiveCount = assessment.effects.filter((e) => e.destructive).length;
  const inProduction = effects.some((e) => e.environment !== 'non-production');
  const perEffect = effects.map((effect) =>
    decideOne(
      effect,
      {
        principal,
        operation: effect.operation,
        context: policyContext(kind, effect, assessment, extra.statefulCount ?? 0, destructiveCount),
      },
      evaluator,
      inProduction,
    ),
  );
  const outcome = perEffect.reduce<Outcome>(
    (o, d) => (outcomeRank(d.outcome) > outcomeRank(o) ? d.outcome : o),
    'allow',
  );
  const deciding = perEffect.filter((d) => d.outcome === outcome);
  const approvals =
    outcome === 'require-approval' ? deciding.reduce((m, d) => Math.max(m, d.approvals), 0) : 0;
  const group = deciding.find((d) => d.approvals === approvals && d.group)?.group;
  const reasons = groupReasons(deciding, outcome);
  const policies = new Map<string, MatchedPolicy>();
  for (const d of perEffect) {
    for (const p of d.matched) {
      const matched: MatchedPolicy = { id: p.id, outcome: p.outcome, source: p.origin };
      if (p.line !== undefined) matched.line = p.line;
      if (p.message) matched.message = p.message;
      policies.set(p.id, matched);
    }
  }
  const decision: DetailedDecision = {
    outcome,
    approvals,
    reasons,
    policies: [...policies.values()],
    perEffect,
  };
  if (group) decision.approverGroup = group;
  return decision;
}
