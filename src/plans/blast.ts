// Blast radius of a plan: how many resources each action touches, which of them hold data, what share of
// the environment is destroyed, and the findings a reviewer must see first.

import { riskRank, type Risk } from '../core/types.js';
import {
  CHANGE_ACTIONS,
  type ChangeAction,
  type Finding,
  type ParsedPlan,
  type PlannedChange,
  type ProtectionFact,
} from './types.js';

/** "Most of the environment": at least this share of the existing resources destroyed or replaced… */
const RECREATE_FRACTION = 0.5;
/** …and at least this many, so that replacing the one resource of a tiny environment is not a finding. */
const RECREATE_MIN = 3;

const TARGETS_SHOWN = 5;

export interface StatefulAtStake {
  address: string;
  type: string;
  category: string;
  action: ChangeAction;
  guessed: boolean;
  conditional: boolean;
  protections: ProtectionFact[];
}

export interface BlastRadius {
  counts: Record<ChangeAction, number>;
  /** Managed resources before the change (Terraform); unknown for change sets. */
  existing?: number;
  /** Managed resources destroyed or replaced. */
  destroyed: number;
  /** destroyed / existing, when existing is known and not zero. */
  fraction?: number;
  /** Resources that hold data and are destroyed or replaced (or may be), most exposed first. */
  stateful: StatefulAtStake[];
  /** The number of those, for policies (`context.statefulCount`). */
  statefulCount: number;
  deferred: number;
  findings: Finding[];
}

function emptyCounts(): Record<ChangeAction, number> {
  return Object.fromEntries(CHANGE_ACTIONS.map((a) => [a, 0])) as Record<ChangeAction, number>;
}

/** The data of this change is really lost: destroyed or replaced, not retained or only forgotten. */
export function losesData(change: PlannedChange): boolean {
  if (change.action !== 'delete' && change.action !== 'replace' && change.action !== 'unknown') return false;
  return !change.protections.some(
    (p) => p.protects && (p.kind === 'skip-destroy' || p.kind === 'retain-policy'),
  );
}

/** Destroyed or replaced, counted against the environment's resources (a deposed leftover is not one). */
function isDestroyed(change: PlannedChange): boolean {
  return change.mode !== 'data' && change.deposed === undefined && losesData(change);
}

function finding(id: string, severity: Risk, message: string, changes: readonly PlannedChange[]): Finding {
  return {
    id,
    severity,
    message,
    targets: changes.slice(0, TARGETS_SHOWN).map((c) => c.address),
    count: changes.length,
  };
}

function list(changes: readonly PlannedChange[], describe: (c: PlannedChange) => string): string {
  const shown = changes.slice(0, TARGETS_SHOWN).map(describe).join(', ');
  return changes.length > TARGETS_SHOWN ? `${shown} and ${changes.length - TARGETS_SHOWN} more` : shown;
}

const named = (c: PlannedChange) => `${c.address} (${c.category}${c.guessed ? '?' : ''})`;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function exposure(c: PlannedChange): number {
  // Most exposed first: no protection at all, then guessed categories last.
  const protectedScore = c.protections.some((p) => p.protects) ? 1 : 0;
  return protectedScore + (c.guessed ? 2 : 0) + (c.conditional ? 0.5 : 0);
}

export function blastRadius(plan: ParsedPlan): BlastRadius {
  const counts = emptyCounts();
  let destroyed = 0;
  const stateful: PlannedChange[] = [];
  const statefulDeleted: PlannedChange[] = [];
  const statefulReplaced: PlannedChange[] = [];
  const weakened: PlannedChange[] = [];
  const noSnapshot: PlannedChange[] = [];
  const forceDestroy: PlannedChange[] = [];
  const guarded: PlannedChange[] = [];
  const unknown: PlannedChange[] = [];

  for (const c of plan.changes) {
    counts[c.action]++;
    if (isDestroyed(c)) destroyed++;
    if (c.weakened.length) weakened.push(c);
    if (c.action === 'unknown') unknown.push(c);
    if (c.action !== 'delete' && c.action !== 'replace' && c.action !== 'unknown') continue;
    if (c.protections.some((p) => p.kind === 'deletion-protection' && p.protects)) guarded.push(c);
    if (c.protections.some((p) => p.kind === 'force-destroy' && !p.protects)) forceDestroy.push(c);
    if (!c.stateful || !losesData(c)) continue;
    stateful.push(c);
    if (c.action === 'delete') statefulDeleted.push(c);
    else if (c.action === 'replace') statefulReplaced.push(c);
    if (c.protections.some((p) => p.kind === 'final-snapshot' && !p.protects)) noSnapshot.push(c);
  }

  const findings: Finding[] = [];
  const existing = plan.existing;
  const fraction = existing ? Math.min(1, destroyed / existing) : undefined;
  if (fraction !== undefined && fraction >= RECREATE_FRACTION && destroyed >= RECREATE_MIN) {
    findings.push({
      id: 'environment-recreate',
      severity: 'critical',
      message: `destroys or replaces ${destroyed} of the ${existing} resources the environment has (${Math.round(fraction * 100)}%): most of the environment is recreated`,
      targets: [],
      count: destroyed,
    });
  }
  if (statefulDeleted.length) {
    findings.push(
      finding(
        'stateful-delete',
        'critical',
        `destroys ${plural(statefulDeleted.length, 'resource that holds', 'resources that hold')} data: ${list(statefulDeleted, named)}`,
        statefulDeleted,
      ),
    );
  }
  if (statefulReplaced.length) {
    const conditional = statefulReplaced.filter((c) => c.conditional).length;
    findings.push(
      finding(
        'stateful-replace',
        'critical',
        `replaces ${plural(statefulReplaced.length, 'resource that holds', 'resources that hold')} data (the old one and its data are destroyed${conditional ? `; ${conditional} only may be replaced` : ''}): ${list(statefulReplaced, named)}`,
        statefulReplaced,
      ),
    );
  }
  if (weakened.length) {
    findings.push(
      finding(
        'protection-removed',
        'high',
        `turns protection off: ${list(weakened, (c) => `${c.address} (${c.weakened.map((w) => w.note).join('; ')})`)}`,
        weakened,
      ),
    );
  }
  if (noSnapshot.length) {
    findings.push(
      finding(
        'no-final-snapshot',
        'high',
        `no final snapshot is taken of ${list(noSnapshot, (c) => c.address)}`,
        noSnapshot,
      ),
    );
  }
  if (forceDestroy.length) {
    findings.push(
      finding(
        'force-destroy',
        'high',
        `deleted with everything in it (${forceDestroy[0]?.protections.find((p) => p.kind === 'force-destroy')?.attribute ?? 'force_destroy'}): ${list(forceDestroy, (c) => c.address)}`,
        forceDestroy,
      ),
    );
  }
  if (plan.flags.truncated) {
    findings.push({
      id: 'change-set-truncated',
      severity: 'high',
      message:
        'the change set has a NextToken: this is only the first page of its changes; describe it without --max-items',
      targets: [],
      count: 0,
    });
  }
  if (unknown.length) {
    findings.push(
      finding(
        'unknown-action',
        'high',
        `what happens to ${plural(unknown.length, 'resource')} cannot be known from the plan: ${list(unknown, (c) => `${c.address} (${c.actions.join(',')})`)}`,
        unknown,
      ),
    );
  }
  if (plan.flags.errored) {
    findings.push({
      id: 'plan-errored',
      severity: 'high',
      message: 'the plan stopped on an error: it is partial and Terraform will not apply it',
      targets: [],
      count: 0,
    });
  }
  if (plan.flags.nestedChangeSets?.length) {
    findings.push({
      id: 'nested-change-sets',
      severity: 'medium',
      message: `${plural(plan.flags.nestedChangeSets.length, 'nested stack has', 'nested stacks have')} its own change set, not shown here: check it too`,
      targets: plan.flags.nestedChangeSets.slice(0, TARGETS_SHOWN),
      count: plan.flags.nestedChangeSets.length,
    });
  }
  if (plan.deferred.length || plan.flags.complete === false) {
    const destructive = plan.deferred.filter(isDestroyed);
    const deferredText = plan.deferred.length
      ? `${plural(plan.deferred.length, 'change is', 'changes are')} deferred to a later plan${destructive.length ? ` (${destructive.length} would destroy or replace: ${list(destructive, (c) => c.address)})` : ''}; `
      : '';
    findings.push({
      id: plan.deferred.length ? 'deferred-changes' : 'plan-incomplete',
      severity: 'medium',
      message: `${deferredText}the plan is not complete: another plan and apply round will follow`,
      targets: plan.deferred.slice(0, TARGETS_SHOWN).map((c) => c.address),
      count: plan.deferred.length,
    });
  }
  if (guarded.length) {
    findings.push(
      finding(
        'deletion-protected',
        'low',
        `the apply fails on ${list(guarded, (c) => c.address)} while deletion protection is on`,
        guarded,
      ),
    );
  }
  if (plan.driftCount) {
    findings.push({
      id: 'drift',
      severity: 'low',
      message: `${plural(plan.driftCount, 'resource has', 'resources have')} changed outside Terraform since the last apply`,
      targets: [],
      count: plan.driftCount,
    });
  }
  findings.sort((a, b) => riskRank(b.severity) - riskRank(a.severity));

  stateful.sort((a, b) => exposure(a) - exposure(b));
  const result: BlastRadius = {
    counts,
    destroyed,
    stateful: stateful.map((c) => ({
      address: c.address,
      type: c.type,
      category: c.category,
      action: c.action,
      guessed: c.guessed,
      conditional: c.conditional === true,
      protections: c.protections,
    })),
    statefulCount: stateful.length,
    deferred: plan.deferred.length,
    findings,
  };
  if (existing !== undefined) result.existing = existing;
  if (fraction !== undefined) result.fraction = fraction;
  return result;
}
