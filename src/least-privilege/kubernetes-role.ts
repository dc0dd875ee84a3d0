import type { Access } from '../core/types.js';
import { kindInfo } from './kubernetes-kinds.js';

// The Role (or ClusterRole) rules narrowed to what was approved: `kubectl delete deployment api -n prod`
// → in namespace prod, {apiGroups:["apps"], resources:["deployments"], verbs:["delete"],
// resourceNames:["api"]}. Bound to a service account, the agent runs the command as it (`--as`).

type KubernetesAccess = Extract<Access, { kind: 'kubernetes' }>;

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** The rules of one Role (a namespace) or of the ClusterRole (cluster-scoped kinds: no namespace). */
export interface RoleRules {
  namespace?: string;
  rules: PolicyRule[];
}

export interface Narrowing {
  roles: RoleRules[];
  /** Why a rule is wider than the approved objects (no namespace given, a selection). */
  notes: string[];
  unmapped: { target: string; why: string }[];
}

/** The namespace kubectl uses when none is given is the context's; `default` unless it says otherwise. */
const CONTEXT_NAMESPACE = 'default';

interface Placed {
  namespace?: string;
  rule: PolicyRule;
}

function placedRule(access: KubernetesAccess, notes: Set<string>): Placed | { why: string } {
  const info = kindInfo(access.resource);
  if (!info) return { why: `the API group of "${access.resource}" is not known` };
  // Deleting a selection (-l, --all) lists the objects first, and cannot be narrowed to names.
  const verbs = access.name === undefined && access.verb === 'delete' ? ['delete', 'list'] : [access.verb];
  const rule: PolicyRule = {
    apiGroups: [info.apiGroup],
    resources: [info.resource],
    verbs,
    ...(access.name !== undefined ? { resourceNames: [access.name] } : {}),
  };
  if (access.name === undefined)
    notes.add(`${info.resource}: a selection, so every object of the kind (no resourceNames)`);
  if (info.clusterScoped) return { rule };
  if (!access.namespace)
    notes.add(`${info.resource}: no namespace given, so the context's (written as "${CONTEXT_NAMESPACE}")`);
  return { namespace: access.namespace ?? CONTEXT_NAMESPACE, rule };
}

const ruleKey = (r: PolicyRule) => `${r.apiGroups.join()}|${r.resources.join()}|${r.verbs.join()}`;

/** Rules of one namespace merged: the same group, resource and verbs share one rule; names are unioned. */
function mergeRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const merged = new Map<string, PolicyRule>();
  for (const r of rules) {
    const key = ruleKey(r);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...r, ...(r.resourceNames ? { resourceNames: [...r.resourceNames] } : {}) });
    else if (!seen.resourceNames || !r.resourceNames) delete seen.resourceNames;
    else seen.resourceNames = [...new Set([...seen.resourceNames, ...r.resourceNames])].sort();
  }
  return [...merged.values()].sort((a, b) => ruleKey(a).localeCompare(ruleKey(b)));
}

/** The Role and ClusterRole rules that allow exactly the approved kubectl effects. */
export function narrowKubernetes(approved: readonly { target: string; access?: Access }[]): Narrowing {
  const notes = new Set<string>();
  const unmapped: Narrowing['unmapped'] = [];
  const byNamespace = new Map<string, PolicyRule[]>();
  for (const { target, access } of approved) {
    if (access?.kind !== 'kubernetes') continue;
    const placed = placedRule(access, notes);
    if ('why' in placed) {
      unmapped.push({ target, why: placed.why });
      continue;
    }
    const key = placed.namespace ?? '';
    byNamespace.set(key, [...(byNamespace.get(key) ?? []), placed.rule]);
  }
  const roles = [...byNamespace]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([namespace, rules]) => ({ ...(namespace ? { namespace } : {}), rules: mergeRules(rules) }));
  return { roles, notes: [...notes], unmapped };
}

/** A Role or ClusterRole manifest (plain data, for YAML or JSON). */
export function roleManifest(role: RoleRules, name: string): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: role.namespace ? 'Role' : 'ClusterRole',
    metadata: { name, ...(role.namespace ? { namespace: role.namespace } : {}) },
    rules: role.rules,
  };
}

/** The `--as` a narrowed kubectl runs with: the service account the Role is bound to. */
export function impersonation(serviceAccount: string, namespace: string): string {
  return `--as=system:serviceaccount:${namespace}:${serviceAccount}`;
}
