// A plan as the policy engine sees it: one PlacedEffect per resource change (no-ops are not effects),
// placed in an environment from --env, the workspace, the plan's variables, provider settings, stack name
// and tags, and the resources' own environment tags.

import type { PlacedEffect } from '../core/types.js';
import type { EnvironmentVerdict } from '../core/environment.js';
import { DEFAULT_PLACEMENT, placeHints, type Placement } from '../core/place.js';
import { onlyReads } from '../core/read-only.js';
import {
  isDestructive,
  maxRisk,
  riskRank,
  type ActionFacts,
  type Effect,
  type EnvironmentClass,
  type EnvironmentHint,
  type Operation,
  type PlacedAssessment,
  type Risk,
} from '../core/types.js';
import { blastRadius, losesData, type BlastRadius } from './blast.js';
import { hint, pushHint } from './hints.js';
import type { ChangeAction, ParsedPlan, PlannedChange } from './types.js';

export type PlanKind = 'terraform-plan' | 'cloudformation-changeset';

export interface PlanAssessment extends PlacedAssessment {
  kind: PlanKind;
  plan: ParsedPlan;
  blast: BlastRadius;
}

export interface PlanContext {
  /** --env NAME: the environment the person says this plan is for. */
  environment?: string;
  /** The Terraform workspace (plan JSON does not record it). */
  workspace?: string;
  /** Facts of the machine: TF_WORKSPACE, AWS_PROFILE and the workspace selected in the directory. */
  facts?: Pick<ActionFacts, 'env' | 'terraformWorkspace'>;
  /** The configuration's environment patterns and its answer for "unknown" (default: the built-in ones). */
  placement?: Placement;
}

const REASONS_SHOWN = 10;

const OPERATION: Record<ChangeAction, Operation> = {
  create: 'create',
  update: 'modify',
  replace: 'replace',
  delete: 'delete',
  forget: 'modify',
  import: 'modify',
  read: 'read',
  'no-op': 'read',
  unknown: 'replace',
};

const ACTION_REASON: Readonly<Record<string, string>> = {
  replace_because_cannot_update: 'an attribute cannot be changed in place',
  replace_because_tainted: 'it is tainted',
  replace_by_request: 'replacement was requested (-replace)',
  replace_by_triggers: 'replace_triggered_by fired',
  delete_because_no_resource_config: 'it was removed from the configuration',
  delete_because_no_module: 'its module was removed from the configuration',
  delete_because_wrong_repetition: 'count/for_each changed how it repeats',
  delete_because_count_index: 'its count index no longer exists',
  delete_because_each_key: 'its for_each key no longer exists',
  delete_because_no_move_target: 'the target of its moved block does not exist',
  read_because_config_unknown: 'its configuration is known only during apply',
  read_because_dependency_pending: 'a dependency changes first',
  read_because_check_nested: 'a check block reads it',
};

const ENV_VARIABLES = ['AWS_PROFILE', 'GOOGLE_PROJECT', 'GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT'];

/** Risk of one change: by statefulness and action, lowered by protection the plan shows. */
function changeRisk(change: PlannedChange): Risk {
  switch (change.action) {
    case 'no-op':
    case 'read':
      return 'none';
    case 'create':
    case 'import':
    case 'forget':
      return 'low';
    case 'update':
      return change.weakened.length ? 'high' : 'low';
    case 'delete':
    case 'replace':
    case 'unknown': {
      if (change.weakened.length && !change.stateful) return 'high';
      if (!change.stateful) return 'medium';
      if (!losesData(change)) return 'low';
      const cushioned = change.protections.some(
        (p) => p.protects && (p.kind === 'final-snapshot' || p.kind === 'recovery-window'),
      );
      return change.guessed || cushioned ? 'high' : 'critical';
    }
  }
}

function verb(change: PlannedChange): string {
  switch (change.action) {
    case 'create':
      return 'creates';
    case 'update':
      return 'updates';
    case 'replace':
      return change.conditional ? 'may replace' : 'replaces';
    case 'delete':
      return change.deposed ? 'destroys the deposed object of' : 'destroys';
    case 'forget':
      return 'forgets (the real object is kept)';
    case 'import':
      return 'imports';
    case 'read':
      return 'reads';
    case 'no-op':
      return 'leaves';
    case 'unknown':
      return 'may change or replace';
  }
}

/** One of the two changes of a Terraform ["create","forget"] (or ["forget","create"]). */
function pairedWithForget(change: PlannedChange): boolean {
  return (
    change.actions.length === 2 && change.actions.includes('create') && change.actions.includes('forget')
  );
}

function effectReason(change: PlannedChange): string {
  const what = change.stateful
    ? `${change.category}${change.guessed ? ' (guessed from its type)' : ''} ${change.address}`
    : change.address;
  const parts: string[] = [];
  if (change.reason) parts.push(ACTION_REASON[change.reason] ?? change.reason);
  if (change.replaceCauses?.length) parts.push(`because of ${change.replaceCauses.join(', ')}`);
  if (pairedWithForget(change))
    parts.push(
      change.action === 'create'
        ? 'in place of the old object, which is forgotten: the old object is kept but no longer managed'
        : 'a new object is created in its place',
    );
  if (change.previousAddress) parts.push(`moved from ${change.previousAddress}`);
  if (change.physicalId) parts.push(`physical id ${change.physicalId}`);
  for (const w of change.weakened) parts.push(w.note);
  if (change.action === 'delete' || change.action === 'replace' || change.action === 'unknown') {
    for (const p of change.protections) parts.push(p.note);
    if (change.stateful && losesData(change))
      parts.push(
        change.conditional || change.action === 'unknown' ? 'its data may be lost' : 'its data is lost',
      );
  }
  return `${verb(change)} ${what}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/** The effect of a change, placed: one object literal (a plan can have 100k of them). */
function placedEffectOf(
  change: PlannedChange,
  tool: string,
  hints: EnvironmentHint[],
  verdict: EnvironmentVerdict,
): PlacedEffect {
  const risk = changeRisk(change);
  const operation = OPERATION[change.action];
  const placed: PlacedEffect = {
    operation,
    tool,
    target: change.address,
    reversible: !(change.stateful && losesData(change)) && riskRank(risk) < riskRank('high'),
    risk,
    reason: effectReason(change),
    hints,
    environment: verdict.environment,
    environmentHints: verdict.because,
    destructive: false,
  };
  if (change.category) placed.category = change.category;
  placed.destructive = isDestructive(placed);
  return placed;
}

/** Environment facts of the whole plan: what the person said, then the machine, then the plan itself. */
export function planHints(plan: ParsedPlan, context: PlanContext): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  pushHint(hints, hint('flag --env', context.environment));
  if (plan.format === 'terraform') {
    const workspace = context.workspace ?? context.facts?.terraformWorkspace;
    if (workspace !== 'default') pushHint(hints, hint('terraform workspace', workspace));
  }
  for (const name of ENV_VARIABLES) pushHint(hints, hint(`env ${name}`, context.facts?.env[name]));
  for (const h of plan.hints) pushHint(hints, h);
  return hints;
}

/** The target of the effect that stands for what an errored or incomplete plan does not show. */
export const UNSHOWN_TARGET = '(what the plan does not show)';

/**
 * Why the plan may not show all that applying it does, or undefined: Terraform (plan JSON 1.2+) says
 * `errored: true` when planning stopped on an error, `complete: false` when more rounds will follow.
 */
export function unshownReason(plan: ParsedPlan): string | undefined {
  const errored = plan.flags.errored === true;
  const incomplete = plan.flags.complete === false;
  if (!errored && !incomplete) return undefined;
  const what =
    errored && incomplete
      ? 'the plan errored and is incomplete'
      : errored
        ? 'the plan errored'
        : 'the plan is incomplete';
  return `${what}: applying it may do more than it shows`;
}

const ENVIRONMENT_RANK: Record<EnvironmentClass, number> = {
  'non-production': 0,
  unknown: 1,
  production: 2,
};

/**
 * A resource's own hints. The namespace of a Kubernetes object says where it lands (explicit, as with
 * kubectl -n), but a namespace resource's own name is only a name: weak, as for `kubectl delete ns`.
 */
function ownHints(change: PlannedChange): EnvironmentHint[] {
  if (!change.type.startsWith('kubernetes_namespace')) return change.hints;
  return change.hints.map((h) => (h.source === 'kubernetes namespace' ? { ...h, weak: true } : h));
}

function worstEnvironment(effects: readonly PlacedEffect[]): EnvironmentClass | undefined {
  if (effects.some((e) => e.environment === 'production')) return 'production';
  if (effects.some((e) => e.environment === 'unknown')) return 'unknown';
  return effects.length ? 'non-production' : undefined;
}

/** Assess a parsed plan: placed effects, blast radius and findings. Pure: no I/O. */
export function assessPlan(plan: ParsedPlan, context: PlanContext = {}): PlanAssessment {
  const placement = context.placement ?? DEFAULT_PLACEMENT;
  const shared = planHints(plan, context);
  const sharedVerdict = placeHints(shared, false, placement);
  const tool = plan.format;
  const effects: PlacedEffect[] = [];
  // Resources of one plan mostly carry the same few tags: classify each distinct set of hints once.
  const verdicts = new Map<string, EnvironmentVerdict>();
  for (const change of plan.changes) {
    if (change.action === 'no-op') continue;
    let hints = shared;
    let verdict = sharedVerdict;
    if (change.hints.length) {
      const own = ownHints(change);
      hints = shared.concat(own);
      let key = '';
      for (const h of own) key += `${h.source}\0${h.value}\0${h.weak ? 'weak' : ''}\0`;
      const known = verdicts.get(key);
      if (known) verdict = known;
      else {
        verdict = placeHints(hints, false, placement);
        if (verdicts.size < 10_000) verdicts.set(key, verdict);
      }
    }
    effects.push(placedEffectOf(change, tool, hints, verdict));
  }
  if (plan.flags.truncated) {
    const effect: Effect = {
      operation: 'execute-unverifiable',
      tool,
      target: '(the rest of the change set)',
      reversible: false,
      risk: 'high',
      reason: 'the change set listing is truncated (NextToken): what the rest of it does is not known',
    };
    effects.push({
      ...effect,
      hints: shared,
      environment: sharedVerdict.environment,
      environmentHints: sharedVerdict.because,
      destructive: true,
    });
  }

  const unshown = unshownReason(plan);
  if (unshown) {
    // What the plan does not show may touch any of its resources: it is placed where the most
    // production-like of them is (and where the plan itself is, when that is more production-like).
    let place: Pick<PlacedEffect, 'hints' | 'environment' | 'environmentHints'> = {
      hints: shared,
      environment: sharedVerdict.environment,
      environmentHints: sharedVerdict.because,
    };
    for (const e of effects)
      if (ENVIRONMENT_RANK[e.environment] > ENVIRONMENT_RANK[place.environment]) place = e;
    effects.push({
      operation: 'execute-unverifiable',
      tool,
      target: UNSHOWN_TARGET,
      reversible: false,
      risk: 'high',
      reason: unshown,
      hints: place.hints,
      environment: place.environment,
      environmentHints: place.environmentHints,
      destructive: true,
    });
  }

  const blast = blastRadius(plan);
  const destructive = effects.filter((e) => e.destructive);
  let risk: Risk = effects.reduce<Risk>((r, e) => maxRisk(r, e.risk), 'none');
  for (const f of blast.findings) if (f.severity !== 'low') risk = maxRisk(risk, f.severity);
  const environment =
    worstEnvironment(destructive.length ? destructive : effects) ?? sharedVerdict.environment;
  const because = new Map<string, EnvironmentHint>();
  const seen = new Set<readonly EnvironmentHint[]>();
  for (const e of destructive.length ? destructive : effects) {
    if (seen.has(e.environmentHints)) continue;
    seen.add(e.environmentHints);
    for (const h of e.environmentHints) because.set(`${h.source}\0${h.value}`, h);
    if (because.size > 50) break;
  }
  if (!effects.length) for (const h of sharedVerdict.because) because.set(`${h.source}\0${h.value}`, h);

  const reasons = blast.findings.map((f) => f.message);
  const where = (e: PlacedEffect) => (e.environment === 'unknown' ? 'environment unknown' : e.environment);
  const notable = destructive.length ? destructive : effects.filter((e) => riskRank(e.risk) > 0);
  for (const e of notable.slice(0, REASONS_SHOWN)) reasons.push(`${e.reason} (${where(e)})`);
  if (notable.length > REASONS_SHOWN) reasons.push(`…and ${notable.length - REASONS_SHOWN} more`);

  return {
    kind: plan.format === 'terraform' ? 'terraform-plan' : 'cloudformation-changeset',
    risk,
    destructive: destructive.length > 0,
    environment,
    environmentHints: [...because.values()],
    effects,
    reasons,
    // A plan with no changes only reads; an errored or truncated one has an unverifiable effect.
    readOnly: onlyReads(effects),
    plan,
    blast,
  };
}
