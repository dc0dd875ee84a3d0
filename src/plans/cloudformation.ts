// CloudFormation change sets: the JSON of `aws cloudformation describe-change-set` (the DescribeChangeSet
// API response). Only the names of attributes are kept, never their values (--include-property-values
// puts before/after values in the document).

import { z } from 'zod';
import { InputError } from '../core/errors.js';
import type { EnvironmentHint } from '../core/types.js';
import { classifyResourceType } from './catalog.js';
import { ENVIRONMENT_KEY, hint, pushHint } from './hints.js';
import type { ChangeAction, ParsedPlan, PlannedChange, ProtectionFact } from './types.js';
import { invalid, issuesMessage } from './validate.js';

const str = z.string().nullish();

const ChangeSet = z.object({
  Changes: z.array(z.unknown(), { error: 'must be the list of changes (describe-change-set output)' }),
  ChangeSetName: str,
  ChangeSetId: str,
  StackName: str,
  StackId: str,
  Status: str,
  StatusReason: str,
  ExecutionStatus: str,
  NextToken: str,
  Parameters: z.array(z.object({ ParameterKey: str, ParameterValue: str })).nullish(),
  Tags: z.array(z.object({ Key: str, Value: str })).nullish(),
});

const Detail = z.object({
  Target: z
    .object({
      Attribute: str,
      Name: str,
      RequiresRecreation: str,
    })
    .nullish(),
  Evaluation: str,
  ChangeSource: str,
  CausingEntity: str,
});

const ResourceChange = z.object({
  Action: z.string(),
  LogicalResourceId: z.string().min(1, 'must not be empty'),
  PhysicalResourceId: str,
  ResourceType: z.string(),
  Replacement: str,
  Scope: z.array(z.string()).nullish(),
  Details: z.array(Detail).nullish(),
  ChangeSetId: str,
  PolicyAction: str,
});
type ResourceChangeJson = z.infer<typeof ResourceChange>;

const Change = z.object({
  Type: str,
  ResourceChange: ResourceChange.nullish(),
});

export function looksLikeChangeSet(doc: Record<string, unknown>): boolean {
  return 'Changes' in doc && ('ChangeSetId' in doc || 'ChangeSetName' in doc || 'StackName' in doc);
}

function actionOf(rc: ResourceChangeJson): { action: ChangeAction; conditional: boolean } {
  switch (rc.Action) {
    case 'Add':
      return { action: 'create', conditional: false };
    case 'Remove':
      return { action: 'delete', conditional: false };
    case 'Import':
      return { action: 'import', conditional: false };
    case 'Modify': {
      const replacement = (rc.Replacement ?? 'False').toLowerCase();
      if (replacement === 'true') return { action: 'replace', conditional: false };
      // "Conditional": CloudFormation cannot tell before it runs; count it as a replacement.
      if (replacement.startsWith('conditional')) return { action: 'replace', conditional: true };
      return { action: 'update', conditional: false };
    }
    default:
      // "Dynamic" (the action cannot be determined yet) and anything newer.
      return { action: 'unknown', conditional: true };
  }
}

const POLICY_FACTS: Readonly<Record<string, ProtectionFact>> = {
  Retain: {
    kind: 'retain-policy',
    attribute: 'DeletionPolicy',
    value: 'Retain',
    protects: true,
    note: 'DeletionPolicy Retain: the resource is kept, only removed from the stack',
  },
  ReplaceAndRetain: {
    kind: 'retain-policy',
    attribute: 'UpdateReplacePolicy',
    value: 'Retain',
    protects: true,
    note: 'UpdateReplacePolicy Retain: the old resource is kept',
  },
  Snapshot: {
    kind: 'final-snapshot',
    attribute: 'DeletionPolicy',
    value: 'Snapshot',
    protects: true,
    note: 'DeletionPolicy Snapshot: a snapshot is taken before the delete',
  },
  ReplaceAndSnapshot: {
    kind: 'final-snapshot',
    attribute: 'UpdateReplacePolicy',
    value: 'Snapshot',
    protects: true,
    note: 'UpdateReplacePolicy Snapshot: a snapshot of the old resource is taken',
  },
  Delete: {
    kind: 'retain-policy',
    attribute: 'DeletionPolicy',
    value: 'Delete',
    protects: false,
    note: 'DeletionPolicy Delete: the resource and its data are deleted',
  },
  ReplaceAndDelete: {
    kind: 'retain-policy',
    attribute: 'UpdateReplacePolicy',
    value: 'Delete',
    protects: false,
    note: 'UpdateReplacePolicy Delete: the old resource and its data are deleted',
  },
};

function toChange(rc: ResourceChangeJson): PlannedChange {
  let { action, conditional } = actionOf(rc);
  // A nested stack updated in place runs the changes of its own change set, which are not in this one.
  const nested = rc.ChangeSetId != null && rc.ChangeSetId !== '' && action === 'update';
  if (nested) {
    action = 'unknown';
    conditional = true;
  }
  const cls = classifyResourceType(rc.ResourceType);
  const policy = rc.PolicyAction ? POLICY_FACTS[rc.PolicyAction] : undefined;
  const change: PlannedChange = {
    address: rc.LogicalResourceId,
    type: rc.ResourceType,
    provider: 'cloudformation',
    mode: 'managed',
    action,
    actions: [rc.Action],
    category: cls.category,
    stateful: cls.stateful,
    guessed: cls.guessed,
    protections: policy ? [policy] : [],
    weakened: [],
    hints: [],
  };
  if (rc.PhysicalResourceId) change.physicalId = rc.PhysicalResourceId;
  if (conditional) change.conditional = true;
  const recreate = (rc.Details ?? []).filter((d) => {
    const r = d.Target?.RequiresRecreation;
    return r === 'Always' || r === 'Conditionally';
  });
  if (action === 'replace') {
    const causes = recreate
      .map((d) => [d.Target?.Attribute, d.Target?.Name].filter(Boolean).join('.'))
      .filter((c) => c !== '');
    if (causes.length) change.replaceCauses = [...new Set(causes)].slice(0, 5);
    change.reason = conditional
      ? 'Replacement Conditional: CloudFormation may replace it, depending on values known only at execution'
      : 'Replacement True';
  } else if (nested) {
    change.reason = `its own changes are in the nested change set ${rc.ChangeSetId}: check that change set too`;
  } else if (action === 'unknown') {
    change.reason = `Action ${rc.Action}: CloudFormation cannot say yet what it will do`;
  }
  if (rc.Scope?.includes('DeletionPolicy') || rc.Scope?.includes('UpdateReplacePolicy')) {
    change.reason = [change.reason, 'changes its DeletionPolicy/UpdateReplacePolicy']
      .filter(Boolean)
      .join('; ');
  }
  return change;
}

/** Parse describe-change-set JSON (already JSON.parse'd). Throws InputError when malformed. */
export function parseChangeSet(doc: unknown, label = 'change set'): ParsedPlan {
  const envelope = ChangeSet.safeParse(doc);
  if (!envelope.success) throw invalid(`${label} is not a CloudFormation change set`, envelope.error);
  const cs = envelope.data;
  const changes: PlannedChange[] = [];
  const nested: string[] = [];
  const notes: string[] = [];
  let skipped = 0;
  for (let i = 0; i < cs.Changes.length; i++) {
    const parsed = Change.safeParse(cs.Changes[i]);
    if (!parsed.success) throw new InputError(`${label}: ${issuesMessage(parsed.error, `Changes[${i}]`)}`);
    const rc = parsed.data.ResourceChange;
    if (!rc || (parsed.data.Type != null && parsed.data.Type !== 'Resource')) {
      skipped++;
      continue;
    }
    const change = toChange(rc);
    if (rc.ChangeSetId) nested.push(rc.ChangeSetId);
    changes.push(change);
  }
  if (skipped) notes.push(`${skipped} change(s) that are not resource changes were skipped`);
  notes.push(
    'a change set lists only what changes, so the share of the stack destroyed is not known from it',
  );

  const hints: EnvironmentHint[] = [];
  pushHint(hints, hint('stack', cs.StackName));
  for (const tag of cs.Tags ?? []) {
    if (tag.Key && ENVIRONMENT_KEY.test(tag.Key)) pushHint(hints, hint(`stack tag ${tag.Key}`, tag.Value));
  }
  for (const p of cs.Parameters ?? []) {
    // NoEcho parameters come back as "****"; other parameter values are never printed.
    if (p.ParameterKey && ENVIRONMENT_KEY.test(p.ParameterKey) && p.ParameterValue !== '****')
      pushHint(hints, hint(`parameter ${p.ParameterKey}`, p.ParameterValue));
  }

  const parsed: ParsedPlan = {
    format: 'cloudformation',
    tool: 'cloudformation',
    changes,
    deferred: [],
    driftCount: 0,
    hints,
    flags: {},
    notes,
  };
  if (cs.StackName) parsed.name = cs.StackName;
  if (cs.NextToken) parsed.flags.truncated = true;
  if (nested.length) parsed.flags.nestedChangeSets = nested;
  if (cs.Status) parsed.flags.status = cs.Status;
  if (cs.StatusReason) parsed.flags.statusReason = cs.StatusReason;
  return parsed;
}
