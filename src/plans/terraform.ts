// Terraform / OpenTofu plan JSON (`terraform show -json plan.out`, format_version 0.x and 1.x).
// One pass over resource_changes; each item is validated on its own, so a 100k-change plan costs one
// JSON.parse plus a small constant per change, and an error names the change that is wrong.

import { z } from 'zod';
import { InputError } from '../core/errors.js';
import type { EnvironmentHint } from '../core/types.js';
import { classifyResourceType } from './catalog.js';
import { ENVIRONMENT_VARIABLE, hint, pushHint, tagHints } from './hints.js';
import { hasProtectionRules, protectionFacts, weakenedProtection } from './protection.js';
import type { ChangeAction, ParsedPlan, PlannedChange, ProtectionFact } from './types.js';
import { invalid, issuesMessage } from './validate.js';

const Envelope = z.object({
  format_version: z.string({
    error: 'must be a string such as "1.2" (is this `terraform show -json` output?)',
  }),
  terraform_version: z.string().nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  resource_changes: z.array(z.unknown()).nullish(),
  deferred_changes: z.array(z.unknown()).nullish(),
  resource_drift: z.array(z.unknown()).nullish(),
  prior_state: z.unknown().optional(),
  planned_values: z.unknown().optional(),
  configuration: z.unknown().optional(),
  values: z.unknown().optional(),
  errored: z.boolean().nullish(),
  complete: z.boolean().nullish(),
  applyable: z.boolean().nullish(),
});

const ChangeBody = z.object({
  actions: z.array(z.string()).min(1, 'must list at least one action'),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).nullish(),
  importing: z.unknown().optional(),
});

const ResourceChange = z.object({
  address: z.string().min(1, 'must not be empty'),
  module_address: z.string().nullish(),
  mode: z.string().nullish(),
  type: z.string().nullish(),
  provider_name: z.string().nullish(),
  deposed: z.string().nullish(),
  previous_address: z.string().nullish(),
  action_reason: z.string().nullish(),
  change: ChangeBody,
});
type ResourceChangeJson = z.infer<typeof ResourceChange>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/**
 * Exactly the ResourceChange schema as a predicate, for the hot path: 100k changes are checked without
 * zod copying each one. When it says no, zod runs on that item and names what is wrong; a test holds
 * the two to the same answer (test/plans/validate.test.ts).
 */
export function isResourceChange(v: unknown): v is ResourceChangeJson {
  if (!isObject(v)) return false;
  if (typeof v.address !== 'string' || v.address.length === 0) return false;
  if (
    !optionalString(v.module_address) ||
    !optionalString(v.mode) ||
    !optionalString(v.type) ||
    !optionalString(v.provider_name) ||
    !optionalString(v.deposed) ||
    !optionalString(v.previous_address) ||
    !optionalString(v.action_reason)
  )
    return false;
  const change = v.change;
  if (!isObject(change)) return false;
  const actions = change.actions;
  if (!Array.isArray(actions) || actions.length === 0) return false;
  for (const a of actions) if (typeof a !== 'string') return false;
  const paths = change.replace_paths;
  if (paths !== undefined && paths !== null) {
    if (!Array.isArray(paths)) return false;
    for (const path of paths) {
      if (!Array.isArray(path)) return false;
      for (const step of path) if (typeof step !== 'string' && typeof step !== 'number') return false;
    }
  }
  return true;
}

/** One resource change, validated: the fast predicate, and zod to explain a failure. */
export function validResourceChange(item: unknown, label: string, path: string): ResourceChangeJson {
  if (isResourceChange(item)) return item;
  const parsed = ResourceChange.safeParse(item);
  if (!parsed.success) throw new InputError(`${label}: ${issuesMessage(parsed.error, path)}`);
  return parsed.data;
}

export { ResourceChange as ResourceChangeSchema };

const DeferredChange = z.object({
  reason: z.string().nullish(),
  resource_change: ResourceChange,
});

/** Whether a parsed JSON document looks like Terraform's plan (or state) representation. */
export function looksLikeTerraform(doc: Record<string, unknown>): boolean {
  return (
    'format_version' in doc &&
    ('terraform_version' in doc || 'resource_changes' in doc || 'planned_values' in doc)
  );
}

/** The action of a change, from Terraform's action list. Unknown combinations are scanned for "delete". */
function actionOf(actions: readonly string[], importing: boolean): ChangeAction {
  if (actions.length === 1) {
    switch (actions[0]!) {
      case 'create':
        return 'create';
      case 'update':
        return 'update';
      case 'delete':
        return 'delete';
      case 'read':
        return 'read';
      case 'forget':
        return 'forget';
      case 'no-op':
        return importing ? 'import' : 'no-op';
    }
  }
  if (actions.length === 2) {
    const [a, b] = actions;
    if ((a === 'delete' && b === 'create') || (a === 'create' && b === 'delete')) return 'replace';
  }
  // Terraform's own advice: scan the list for "delete" to catch every present and future deletion.
  if (actions.includes('delete')) return actions.includes('create') ? 'replace' : 'delete';
  return 'unknown';
}

/**
 * What a Terraform action list does, as changes: one, or two for ["create","forget"] (Terraform 1.7+
 * CreateThenForget: a new object is created, the old one is dropped from state and kept in the world).
 * Terraform counts that as one to add and one to forget; so do we. ["forget","create"] is read the same way.
 */
export function actionsOf(actions: readonly string[], importing: boolean): ChangeAction[] {
  if (actions.length === 2) {
    const [a, b] = actions;
    if (a === 'create' && b === 'forget') return ['create', 'forget'];
    if (a === 'forget' && b === 'create') return ['forget', 'create'];
  }
  return [actionOf(actions, importing)];
}

const TYPE_FROM_ADDRESS = /(?:^|\.)(?:data\.)?([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?$/;

function typeFromAddress(address: string): string {
  return TYPE_FROM_ADDRESS.exec(address)?.[1] ?? 'unknown';
}

function resourceHints(type: string, values: unknown, sensitive: unknown, out: EnvironmentHint[]): void {
  if (values === null || typeof values !== 'object') return;
  if (sensitive === true) return;
  const v = values as Record<string, unknown>;
  if (v.tags !== undefined) tagHints(v.tags, sensitive, 'tags', 'tag', out);
  if (v.tags_all !== undefined) tagHints(v.tags_all, sensitive, 'tags_all', 'tag', out);
  if (v.labels !== undefined) tagHints(v.labels, sensitive, 'labels', 'label', out);
  if (type.startsWith('kubernetes_') && Array.isArray(v.metadata)) {
    const meta = v.metadata[0] as Record<string, unknown> | undefined;
    if (meta && typeof meta === 'object') {
      const own = type.startsWith('kubernetes_namespace') ? meta.name : meta.namespace;
      pushHint(out, hint('kubernetes namespace', own));
      if (meta.labels !== undefined) tagHints(meta.labels, undefined, 'labels', 'label', out);
    }
  }
}

const REPLACE_CAUSES_SHOWN = 5;

function replaceCauses(paths: ResourceChangeJson['change']['replace_paths']): string[] | undefined {
  if (!paths || paths.length === 0) return undefined;
  return paths
    .slice(0, REPLACE_CAUSES_SHOWN)
    .map((p) => p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join(''));
}

/** The changes of one resource change: one, or two for a create paired with a forget. */
function pushChanges(rc: ResourceChangeJson, out: PlannedChange[], deferred?: string): void {
  const importing = rc.change.importing !== undefined && rc.change.importing !== null;
  const actions = actionsOf(rc.change.actions, importing);
  for (const action of actions) out.push(toChange(rc, action, deferred));
}

function toChange(rc: ResourceChangeJson, action: ChangeAction, deferred?: string): PlannedChange {
  const { change } = rc;
  const type = rc.type ?? typeFromAddress(rc.address);
  const mode =
    rc.mode ?? (rc.address.startsWith('data.') || rc.address.includes('.data.') ? 'data' : 'managed');
  const cls =
    mode === 'data' ? { category: '', stateful: false, guessed: false } : classifyResourceType(type);
  const hints: EnvironmentHint[] = [];
  let protections: ProtectionFact[] = [];
  let weakened: ProtectionFact[] = [];
  if (mode !== 'data' && action !== 'no-op') {
    if (rc.module_address) pushHint(hints, hint('module', rc.module_address));
    resourceHints(type, change.before, change.before_sensitive, hints);
    resourceHints(type, change.after, change.after_sensitive, hints);
    // A created object has no protection yet: the "before" of a create paired with a forget is the old object.
    if (action !== 'create' && hasProtectionRules(type)) {
      protections = protectionFacts(type, change.before, change.before_sensitive);
      if (action === 'update' || action === 'import') {
        weakened = weakenedProtection(
          protections,
          protectionFacts(type, change.after, change.after_sensitive),
        );
      } else if (action === 'delete' && !cls.stateful) {
        // Deleting a protection resource (aws_s3_bucket_versioning) turns that protection off.
        weakened = protections.filter((p) => p.protects).map((p) => ({ ...p, protects: false }));
      }
    }
  }
  const planned: PlannedChange = {
    address: rc.address,
    type,
    provider: rc.provider_name ?? '',
    mode,
    action,
    actions: change.actions,
    category: cls.category,
    stateful: cls.stateful,
    guessed: cls.guessed,
    protections,
    weakened,
    hints,
  };
  if (rc.action_reason) planned.reason = rc.action_reason;
  if (rc.module_address) planned.module = rc.module_address;
  if (rc.previous_address) planned.previousAddress = rc.previous_address;
  if (rc.deposed) planned.deposed = rc.deposed;
  if (deferred !== undefined) planned.deferred = deferred;
  const causes = action === 'replace' ? replaceCauses(change.replace_paths) : undefined;
  if (causes) planned.replaceCauses = causes;
  return planned;
}

/** Managed resources in a state representation (prior_state.values.root_module and its child modules). */
function countManaged(module: unknown, depth = 0): number {
  if (module === null || typeof module !== 'object' || depth > 100) return 0;
  const m = module as { resources?: unknown; child_modules?: unknown };
  let count = 0;
  if (Array.isArray(m.resources)) {
    for (const r of m.resources as Record<string, unknown>[]) {
      if (r && r.mode !== 'data' && r.deposed_key === undefined) count++;
    }
  }
  if (Array.isArray(m.child_modules)) for (const c of m.child_modules) count += countManaged(c, depth + 1);
  return count;
}

function sensitiveVariables(configuration: unknown): Set<string> {
  const names = new Set<string>();
  const vars = (configuration as { root_module?: { variables?: unknown } } | null | undefined)?.root_module
    ?.variables;
  if (vars && typeof vars === 'object') {
    for (const [name, decl] of Object.entries(vars as Record<string, unknown>)) {
      if ((decl as { sensitive?: unknown } | null)?.sensitive === true) names.add(name);
    }
  }
  return names;
}

const PROVIDER_HINT_KEYS = ['profile', 'project', 'config_context', 'subscription_name'];

function providerHints(configuration: unknown, out: EnvironmentHint[]): void {
  const providers = (configuration as { provider_config?: unknown } | null | undefined)?.provider_config;
  if (!providers || typeof providers !== 'object') return;
  for (const [key, provider] of Object.entries(providers as Record<string, unknown>)) {
    const expressions = (provider as { expressions?: Record<string, unknown> } | null)?.expressions;
    if (!expressions || typeof expressions !== 'object') continue;
    for (const attr of PROVIDER_HINT_KEYS) {
      const constant = (expressions[attr] as { constant_value?: unknown } | undefined)?.constant_value;
      pushHint(out, hint(`provider ${key} ${attr}`, constant));
    }
  }
}

/** Parse a Terraform/OpenTofu plan JSON document (already JSON.parse'd). Throws InputError when malformed. */
export function parseTerraformPlan(doc: unknown, label = 'plan'): ParsedPlan {
  const envelope = Envelope.safeParse(doc);
  if (!envelope.success) throw invalid(`${label} is not Terraform plan JSON`, envelope.error);
  const plan = envelope.data;
  const major = Number.parseInt(plan.format_version, 10);
  if (!Number.isFinite(major) || major >= 2) {
    throw new InputError(
      `${label}: format_version "${plan.format_version}" is not supported (this version reads 0.x and 1.x)`,
    );
  }
  if (plan.resource_changes == null && plan.planned_values === undefined && plan.values !== undefined) {
    throw new InputError(
      `${label} is Terraform state, not a plan: run \`terraform plan -out plan.out && terraform show -json plan.out\``,
    );
  }
  const notes: string[] = [];
  if (major === 0)
    notes.push(
      `format_version ${plan.format_version} (Terraform before 1.0): no action_reason, so why a resource is replaced or deleted is not known`,
    );

  const changes: PlannedChange[] = [];
  const items = plan.resource_changes ?? [];
  let opentofu = false;
  for (let i = 0; i < items.length; i++) {
    const rc = validResourceChange(items[i], label, `resource_changes[${i}]`);
    if (!opentofu && rc.provider_name?.startsWith('registry.opentofu.org/')) opentofu = true;
    pushChanges(rc, changes);
  }

  const deferred: PlannedChange[] = [];
  const deferredItems = plan.deferred_changes ?? [];
  for (let i = 0; i < deferredItems.length; i++) {
    const parsed = DeferredChange.safeParse(deferredItems[i]);
    if (!parsed.success)
      throw new InputError(`${label}: ${issuesMessage(parsed.error, `deferred_changes[${i}]`)}`);
    pushChanges(parsed.data.resource_change, deferred, parsed.data.reason ?? 'unknown');
  }

  const hints: EnvironmentHint[] = [];
  const secret = sensitiveVariables(plan.configuration);
  for (const [name, variable] of Object.entries(plan.variables ?? {})) {
    if (!ENVIRONMENT_VARIABLE.test(name) || secret.has(name)) continue;
    pushHint(hints, hint(`variable ${name}`, (variable as { value?: unknown } | null)?.value));
  }
  providerHints(plan.configuration, hints);

  const priorState = (plan.prior_state as { values?: { root_module?: unknown } } | null | undefined)?.values
    ?.root_module;
  let existing = countManaged(priorState);
  let withBefore = 0;
  for (const c of changes) {
    if (c.mode !== 'data' && c.deposed === undefined && c.action !== 'create' && c.action !== 'read')
      withBefore++;
  }
  existing = Math.max(existing, withBefore);

  const parsed: ParsedPlan = {
    format: 'terraform',
    tool: opentofu ? 'tofu' : 'terraform',
    formatVersion: plan.format_version,
    changes,
    deferred,
    existing,
    driftCount: plan.resource_drift?.length ?? 0,
    hints,
    flags: {},
    notes,
  };
  if (plan.terraform_version) parsed.toolVersion = plan.terraform_version;
  if (plan.errored != null) parsed.flags.errored = plan.errored;
  if (plan.complete != null) parsed.flags.complete = plan.complete;
  if (plan.applyable != null) parsed.flags.applyable = plan.applyable;
  return parsed;
}
