// The API group and plural resource name of the kinds kubectl names (as the analyzer records them), and
// which kinds are cluster-scoped: what a Role rule is written in.

export interface KindInfo {
  apiGroup: string;
  resource: string;
  clusterScoped?: true;
}

const GROUPS: [string, string[]][] = [
  [
    '',
    [
      'pod',
      'service',
      'configmap',
      'secret',
      'persistentvolumeclaim',
      'serviceaccount',
      'endpoints',
      'event',
      'replicationcontroller',
      'resourcequota',
      'limitrange',
    ],
  ],
  ['apps', ['deployment', 'statefulset', 'daemonset', 'replicaset']],
  ['batch', ['job', 'cronjob']],
  ['autoscaling', ['horizontalpodautoscaler']],
  ['policy', ['poddisruptionbudget']],
  ['networking.k8s.io', ['ingress', 'networkpolicy']],
  ['rbac.authorization.k8s.io', ['role', 'rolebinding']],
  ['coordination.k8s.io', ['lease']],
  ['apps.openshift.io', ['deploymentconfig']],
  ['route.openshift.io', ['route']],
  ['build.openshift.io', ['buildconfig']],
  ['image.openshift.io', ['imagestream']],
];

const CLUSTER_GROUPS: [string, string[]][] = [
  ['', ['namespace', 'persistentvolume', 'node']],
  ['rbac.authorization.k8s.io', ['clusterrole', 'clusterrolebinding']],
  ['storage.k8s.io', ['storageclass']],
  ['scheduling.k8s.io', ['priorityclass']],
  ['admissionregistration.k8s.io', ['mutatingwebhookconfiguration', 'validatingwebhookconfiguration']],
  ['apiregistration.k8s.io', ['apiservice']],
  ['apiextensions.k8s.io', ['customresourcedefinition']],
];

/** `policy` → `policies`, `ingress` → `ingresses`, `endpoints` stays. */
function plural(kind: string): string {
  if (kind.endsWith('s')) return kind.endsWith('ss') ? `${kind}es` : kind;
  return kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

const KINDS = new Map<string, KindInfo>();
for (const [apiGroup, kinds] of GROUPS)
  for (const k of kinds) KINDS.set(k, { apiGroup, resource: plural(k) });
for (const [apiGroup, kinds] of CLUSTER_GROUPS)
  for (const k of kinds) KINDS.set(k, { apiGroup, resource: plural(k), clusterScoped: true });

/**
 * The group and plural of a kind: a built-in one from the table, a custom one written `plural.group`
 * (`certificates.cert-manager.io`). Undefined when it cannot be known (`all`, a bare custom kind).
 */
export function kindInfo(kind: string): KindInfo | undefined {
  const known = KINDS.get(kind);
  if (known) return known;
  const dot = kind.indexOf('.');
  if (dot > 0) return { apiGroup: kind.slice(dot + 1), resource: kind.slice(0, dot) };
  return undefined;
}
