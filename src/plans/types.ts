import type { EnvironmentHint, Risk } from '../core/types.js';

type PlanFormat = 'terraform' | 'cloudformation';

/**
 * What one planned change does, normalised across Terraform and CloudFormation.
 * - replace: destroyed and created again (Terraform ["delete","create"] / ["create","delete"], CloudFormation
 *   Modify with Replacement True or Conditional)
 * - forget: removed from state, the real object is kept (Terraform ["forget"]; ["create","forget"] is two
 *   changes of the same resource, a create and a forget)
 * - import: brought under management (Terraform `importing`, CloudFormation Import)
 * - unknown: an action this version does not recognise (CloudFormation Dynamic, a future Terraform action)
 */
export const CHANGE_ACTIONS = [
  'create',
  'update',
  'replace',
  'delete',
  'forget',
  'import',
  'read',
  'no-op',
  'unknown',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export type ProtectionKind =
  | 'deletion-protection'
  | 'final-snapshot'
  | 'force-destroy'
  | 'versioning'
  | 'recovery-window'
  | 'skip-destroy'
  | 'retain-policy';

/** A fact the plan shows about how well a resource's data is protected. Never a sensitive value. */
export interface ProtectionFact {
  kind: ProtectionKind;
  /** The attribute as the plan names it: "deletion_protection", "versioning[0].enabled". */
  attribute: string;
  /** The value, only for booleans, numbers and short enumerations. */
  value: string;
  /** Whether this value protects the data (deletion protection on, a final snapshot taken…). */
  protects: boolean;
  /** A few words for people: "deletion protection on: the delete fails until it is turned off". */
  note: string;
}

/** One resource change of a plan or change set. */
export interface PlannedChange {
  /** Terraform address ("module.db.aws_db_instance.main[0]") or CloudFormation logical id. */
  address: string;
  type: string;
  /** Provider ("registry.terraform.io/hashicorp/aws") or "cloudformation". */
  provider: string;
  /** "managed" or "data" (Terraform); CloudFormation resources are "managed". */
  mode: string;
  action: ChangeAction;
  /** The actions exactly as the plan lists them, or the CloudFormation Action (both changes of a pair). */
  actions: readonly string[];
  /** Terraform action_reason, or CloudFormation's replacement explanation. */
  reason?: string;
  module?: string;
  previousAddress?: string;
  /** Terraform: the change applies to a deposed object left by create_before_destroy. */
  deposed?: string;
  /** Terraform: deferred to a later plan, with the reason. */
  deferred?: string;
  /** CloudFormation: the replacement only may happen (Replacement "Conditional", Action "Dynamic"). */
  conditional?: boolean;
  /** CloudFormation: the physical id (resource name) of an existing resource. */
  physicalId?: string;
  /** Attributes that force the replacement (names only). */
  replaceCauses?: string[];
  category: string;
  stateful: boolean;
  /** The category was guessed from the type name (unknown provider). */
  guessed: boolean;
  /** Protection facts of the object as it is now (before the change). */
  protections: ProtectionFact[];
  /** Protection the change turns off (an update from protected to unprotected). */
  weakened: ProtectionFact[];
  /** Environment facts of this resource: tags, labels, its module. */
  hints: EnvironmentHint[];
}

interface PlanFlags {
  /** Terraform: the plan stopped on an error; it cannot be applied. */
  errored?: boolean;
  /** Terraform: false when more plan/apply rounds are needed (deferred changes). */
  complete?: boolean;
  applyable?: boolean;
  /** CloudFormation: a NextToken is present, so the list of changes is incomplete. */
  truncated?: boolean;
  /** CloudFormation: nested change sets whose changes are not in this document. */
  nestedChangeSets?: string[];
  /** CloudFormation: the change set status and its reason. */
  status?: string;
  statusReason?: string;
}

/** A plan or change set, parsed and validated, with no sensitive value kept. */
export interface ParsedPlan {
  format: PlanFormat;
  /** "terraform", "tofu" when the plan says it is OpenTofu, or "cloudformation". */
  tool: string;
  formatVersion?: string;
  toolVersion?: string;
  /** Stack name (CloudFormation). */
  name?: string;
  changes: PlannedChange[];
  /** Deferred changes (Terraform): not applied by this plan, a later plan decides them. */
  deferred: PlannedChange[];
  /** Resources the environment had before (managed, from prior_state or the plan's own changes). */
  existing?: number;
  /** Changes made outside Terraform since the last apply (resource_drift). */
  driftCount: number;
  /** Environment facts of the whole plan: variables, provider configuration, stack name and tags. */
  hints: EnvironmentHint[];
  flags: PlanFlags;
  /** What the parser had to skip or could not know, for people. */
  notes: string[];
}

export interface Finding {
  id: string;
  severity: Risk;
  message: string;
  /** Addresses concerned (at most a few; `count` says how many in all). */
  targets: string[];
  count: number;
}
