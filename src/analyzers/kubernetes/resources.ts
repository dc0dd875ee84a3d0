import { parseAllDocuments } from 'yaml';
import type { Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';

/** What deleting one kind of Kubernetes object costs, and the policy category it belongs to. */
export interface Kind {
  name: string;
  risk: Risk;
  category: string;
  /** Cluster-scoped kinds ignore --namespace. */
  clusterScoped?: boolean;
  why: string;
  /** What deleting one costs outside production, when less: a pod is recreated, a finished job re-run. */
  riskOutsideProduction?: Risk;
}

const KINDS: Record<string, Kind> = {};

function kind(aliases: string[], spec: Omit<Kind, 'name'>): void {
  const entry: Kind = { name: aliases[0]!, ...spec };
  for (const alias of aliases) KINDS[alias] = entry;
}

kind(['namespace', 'namespaces', 'ns', 'project', 'projects'], {
  risk: 'critical',
  category: 'namespace',
  clusterScoped: true,
  why: 'deletes every object in the namespace: workloads, services, secrets and volumes claims',
});
kind(['persistentvolumeclaim', 'persistentvolumeclaims', 'pvc', 'pvcs'], {
  risk: 'high',
  category: 'volume',
  why: 'releases the volume behind it; with a Delete reclaim policy the data is gone',
});
kind(['persistentvolume', 'persistentvolumes', 'pv', 'pvs'], {
  risk: 'high',
  category: 'volume',
  clusterScoped: true,
  why: 'removes the volume and, with a Delete reclaim policy, its data',
});
kind(['statefulset', 'statefulsets', 'sts'], {
  risk: 'high',
  category: 'workload',
  why: 'stops a stateful workload (databases, queues)',
});
kind(['secret', 'secrets'], { risk: 'high', category: 'secret', why: 'credentials are lost' });
kind(['customresourcedefinition', 'customresourcedefinitions', 'crd', 'crds'], {
  risk: 'high',
  category: 'cluster',
  clusterScoped: true,
  why: 'deletes every custom resource of that type in the cluster',
});
kind(['node', 'nodes', 'no'], {
  risk: 'high',
  category: 'node',
  clusterScoped: true,
  why: 'takes a machine out of the cluster',
});
for (const [aliases, category, why] of [
  [['deployment', 'deployments', 'deploy'], 'workload', 'stops the workload and its pods'],
  [['daemonset', 'daemonsets', 'ds'], 'workload', 'stops the workload on every node'],
  [['replicaset', 'replicasets', 'rs'], 'workload', 'stops the pods it manages'],
  [['replicationcontroller', 'replicationcontrollers', 'rc'], 'workload', 'stops the pods it manages'],
  [['deploymentconfig', 'deploymentconfigs', 'dc'], 'workload', 'stops the workload and its pods'],
  [['cronjob', 'cronjobs', 'cj'], 'workload', 'scheduled jobs no longer run'],
  [['horizontalpodautoscaler', 'horizontalpodautoscalers', 'hpa'], 'workload', 'scaling stops'],
  [['poddisruptionbudget', 'poddisruptionbudgets', 'pdb'], 'workload', 'disruption limits are lost'],
  [['service', 'services', 'svc'], 'service', 'traffic to the workload stops'],
  [['ingress', 'ingresses', 'ing'], 'service', 'external traffic stops'],
  [['route', 'routes'], 'service', 'external traffic stops'],
  [['networkpolicy', 'networkpolicies', 'netpol'], 'service', 'network isolation changes'],
  [['configmap', 'configmaps', 'cm'], 'config', 'configuration is lost'],
  [['serviceaccount', 'serviceaccounts', 'sa'], 'iam', 'workloads lose their identity'],
  [['role', 'roles'], 'iam', 'permissions are lost'],
  [['rolebinding', 'rolebindings'], 'iam', 'permissions are lost'],
  [['buildconfig', 'buildconfigs', 'bc'], 'workload', 'builds are lost'],
  [['imagestream', 'imagestreams', 'is'], 'workload', 'image references are lost'],
  [['resourcequota', 'resourcequotas', 'quota'], 'config', 'resource limits are lost'],
  [['limitrange', 'limitranges', 'limits'], 'config', 'resource limits are lost'],
] as const) {
  kind([...aliases], { risk: 'high', category, why });
}
for (const [aliases, category, why] of [
  [['clusterrole', 'clusterroles'], 'iam', 'cluster-wide permissions are lost'],
  [['clusterrolebinding', 'clusterrolebindings'], 'iam', 'cluster-wide permissions are lost'],
  [['storageclass', 'storageclasses', 'sc'], 'cluster', 'volumes can no longer be provisioned'],
  [['priorityclass', 'priorityclasses', 'pc'], 'cluster', 'scheduling priorities change'],
  [['mutatingwebhookconfiguration', 'mutatingwebhookconfigurations'], 'cluster', 'admission changes'],
  [['validatingwebhookconfiguration', 'validatingwebhookconfigurations'], 'cluster', 'admission changes'],
  [['apiservice', 'apiservices'], 'cluster', 'an API group disappears'],
] as const) {
  kind([...aliases], { risk: 'high', category, clusterScoped: true, why });
}
kind(['job', 'jobs'], {
  risk: 'high',
  category: 'workload',
  why: 'stops the job and removes its pods',
  riskOutsideProduction: 'low',
});
kind(['pod', 'pods', 'po'], {
  risk: 'medium',
  category: 'pod',
  why: 'the running pod is killed (a controller may recreate it)',
  riskOutsideProduction: 'low',
});
kind(['endpoints', 'endpoint', 'ep', 'endpointslice', 'endpointslices'], {
  risk: 'medium',
  category: 'service',
  why: 'traffic routing is interrupted until it is rebuilt',
});
kind(['event', 'events', 'ev'], { risk: 'low', category: 'event', why: 'only events are removed' });
kind(['lease', 'leases'], { risk: 'low', category: 'cluster', why: 'leases are re-acquired' });
kind(['all'], {
  risk: 'high',
  category: 'workload',
  why: 'removes pods, services, deployments, statefulsets, jobs and more',
});

const UNKNOWN_KIND: Omit<Kind, 'name'> = {
  risk: 'high',
  category: 'custom-resource',
  why: 'a custom resource whose operator may delete what it manages (a database, a cluster…)',
};

const COMPUTED_KIND: Omit<Kind, 'name'> = {
  risk: 'critical',
  category: 'custom-resource',
  why: 'objects whose type is computed at run time (possibly namespaces)',
};

/** The kind for a type word: `deployments.apps` → deployment; unknown types are custom resources. */
function lookupKind(type: string): Kind {
  const lower = type.toLowerCase();
  const base = lower.split('.')[0] ?? lower;
  return KINDS[lower] ?? KINDS[base] ?? { name: lower, ...UNKNOWN_KIND };
}

export interface ResourceRef {
  kind: Kind;
  /** Undefined when the command selects by --all, -l or a field selector. */
  name?: string;
  /** The namespace the manifest gives, if any. */
  namespace?: string;
  /** The type or name is computed at run time. */
  dynamic?: boolean;
}

/**
 * Resource arguments as kubectl reads them: `type/name…`, `type name…`, `type1,type2 name…`.
 */
export function parseResources(words: readonly Word[]): ResourceRef[] {
  if (words.length === 0) return [];
  const first = words[0]!;
  if (first.value.includes('/')) {
    return words.map((w) => {
      const slash = w.value.indexOf('/');
      if (slash < 0)
        return w.dynamic
          ? { kind: { name: w.value, ...COMPUTED_KIND }, dynamic: true }
          : { kind: lookupKind(w.value) };
      return {
        kind: lookupKind(w.value.slice(0, slash)),
        name: w.value.slice(slash + 1),
        ...(w.dynamic ? { dynamic: true } : {}),
      };
    });
  }
  const types = first.value.split(',').filter(Boolean);
  const names = words.slice(1);
  const refs: ResourceRef[] = [];
  for (const type of types) {
    // A type computed at run time (`$(kubectl get ns -o name)`) may be anything, namespaces included.
    const k = first.dynamic ? { name: type, ...COMPUTED_KIND } : lookupKind(type);
    if (names.length === 0) refs.push({ kind: k, ...(first.dynamic ? { dynamic: true } : {}) });
    for (const n of names)
      refs.push({ kind: k, name: n.value, ...(first.dynamic || n.dynamic ? { dynamic: true } : {}) });
  }
  return refs;
}

/**
 * The objects a manifest names (YAML or JSON, several documents, `kind: List`). Undefined when the text
 * is not a manifest we can read.
 */
export function manifestResources(text: string): ResourceRef[] | undefined {
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return undefined;
  }
  const refs: ResourceRef[] = [];
  const visit = (obj: unknown): boolean => {
    if (obj === null || obj === undefined) return true;
    if (typeof obj !== 'object' || Array.isArray(obj)) return false;
    const o = obj as Record<string, unknown>;
    if (typeof o.kind !== 'string') return false;
    if (o.kind.endsWith('List') && Array.isArray(o.items)) return o.items.every(visit);
    const meta = (o.metadata ?? {}) as Record<string, unknown>;
    const ref: ResourceRef = { kind: lookupKind(o.kind) };
    if (typeof meta.name === 'string') ref.name = meta.name;
    if (typeof meta.namespace === 'string') ref.namespace = meta.namespace;
    refs.push(ref);
    return true;
  };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length) return undefined;
    if (!visit(doc.toJS())) return undefined;
  }
  return refs.length ? refs : undefined;
}
