import type { Effect, Risk } from '../../core/types.js';
import { hasOption, optionValue, optionValues } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import { effect, pathHint, routineOutsideProduction, type Scope } from './common.js';
import { label, refHints, targetsOf, type VerbContext } from './objects.js';
import { manifestRuns } from './manifest-commands.js';
import { patchedValue } from './patch-bodies.js';

export function scale({ inv, scope, parsed, rest }: VerbContext): Effect[] {
  const replicas = optionValue(parsed, '--replicas');
  const computed = inv.args.some((w) => w.dynamic && w.value.startsWith('--replicas'));
  const allNamespaces = hasOption(parsed, '-A', '--all-namespaces');
  return targetsOf(inv, parsed, rest).map((ref) => {
    const target = label(ref, parsed);
    if (replicas === '0') {
      const bulk = ref.name === undefined;
      const risk: Risk = allNamespaces && bulk ? 'critical' : 'high';
      const stopped = effect(
        scope,
        'modify',
        risk,
        target,
        `scales ${target} to zero: the workload stops serving`,
        'workload',
        {
          reversible: true,
          hints: refHints(ref),
        },
      );
      // Scaling one dev workload down is how it is paused; a whole namespace or more is an outage anywhere.
      return bulk ? stopped : routineOutsideProduction(stopped);
    }
    if (computed || replicas === undefined)
      return effect(
        scope,
        'modify',
        'medium',
        target,
        `scales ${target} to a replica count computed at run time (possibly zero)`,
        'workload',
        { reversible: true },
      );
    return effect(scope, 'modify', 'low', target, `scales ${target} to ${replicas} replicas`, 'workload', {
      reversible: true,
    });
  });
}

function nodes(rest: Word[]): string[] {
  const names = rest.filter((w, i) => !(i === 0 && /^(nodes?|no)$/.test(w.value)));
  return names.map((w) =>
    w.value.startsWith('node/') || w.value.startsWith('nodes/') ? w.value.split('/')[1]! : w.value,
  );
}

export function low(scope: Scope, verb: string, target: string, op: 'modify' | 'create' = 'modify'): Effect {
  return effect(scope, op, 'low', target, `${scope.tool} ${verb} ${target}`, 'workload', {
    reversible: true,
  });
}

export function drain({ scope, parsed, rest }: VerbContext): Effect[] {
  const emptyDir = hasOption(parsed, '--delete-emptydir-data', '--delete-local-data');
  return nodes(rest).map((n) =>
    effect(
      scope,
      'modify',
      'high',
      `node/${n}`,
      `drains node ${n}: evicts every pod on it${emptyDir ? ' and deletes their emptyDir data' : ''}`,
      'node',
      { reversible: true },
    ),
  );
}

export function cordon({ scope, rest }: VerbContext): Effect[] {
  return nodes(rest).map((n) =>
    effect(
      scope,
      'modify',
      'medium',
      `node/${n}`,
      `cordons node ${n}: no new pods are scheduled on it`,
      'node',
      {
        reversible: true,
      },
    ),
  );
}

/**
 * `kubectl taint nodes NAME|--all|-l SEL KEY[=VALUE]:EFFECT`: NoExecute evicts every pod that does not tolerate
 * it (on every node, an outage); NoSchedule only keeps new pods off; `KEY-` removes a taint.
 */
export function taint({ scope, parsed, rest }: VerbContext): Effect[] {
  const evicts = rest.some((w) => /:NoExecute$/.test(w.value));
  const named = nodes(
    rest.filter((w) => !w.value.includes('=') && !w.value.includes(':') && !w.value.endsWith('-')),
  );
  const selector = optionValue(parsed, '-l', '--selector');
  const many = hasOption(parsed, '--all')
    ? 'every node'
    : selector
      ? `the nodes matching -l ${selector}`
      : undefined;
  const targets = many ? [many] : named.map((n) => `node/${n}`);
  return targets.map((target) =>
    effect(
      scope,
      'modify',
      evicts ? (many ? 'high' : 'medium') : 'low',
      target,
      evicts ? `taints ${target} NoExecute: the pods without a toleration are evicted` : `taints ${target}`,
      'node',
      { reversible: true },
    ),
  );
}

export function replace({ inv, scope, parsed, rest }: VerbContext): Effect[] {
  const files = optionValues(parsed, '-f', '--filename');
  const runs = manifestRuns(inv, scope, files);
  if (!hasOption(parsed, '--force')) return [...runs, low(scope, 'replace', files.join(', ') || 'objects')];
  return [...runs, ...forcedReplacements({ inv, scope, parsed, rest })];
}

/** `replace --force`: each object deleted and created again. */
function forcedReplacements({ inv, scope, parsed, rest }: Omit<VerbContext, 'tool'>): Effect[] {
  return targetsOf(inv, parsed, rest).map((ref) => {
    const target = label(ref, parsed);
    return effect(
      scope,
      'replace',
      'high',
      target,
      `deletes and re-creates ${target} (replace --force)`,
      ref.kind.category,
      {
        hints: refHints(ref),
      },
    );
  });
}

export function apply({ inv, scope, parsed, rest }: VerbContext): Effect[] {
  const paths = optionValues(parsed, '-f', '--filename', '-k', '--kustomize');
  const files = paths.join(', ') || 'manifests';
  const hints = paths
    .filter((f) => f !== '-' && f !== '')
    .map((f) => ({ source: 'manifest path', value: pathHint(inv, f), weak: true as const }));
  if (rest[0]?.value === 'view-last-applied') return [];
  const effects: Effect[] = manifestRuns(inv, scope, paths);
  if (hasOption(parsed, '--prune')) {
    const selector = optionValue(parsed, '-l', '--selector');
    const which = selector ? `objects matching -l ${selector}` : 'objects';
    effects.push(
      effect(
        scope,
        'delete',
        'high',
        `${which} not in ${files}`,
        `apply --prune deletes the ${which} that ${files} no longer lists`,
        'manifest',
        { hints },
      ),
    );
  }
  if (hasOption(parsed, '--force'))
    effects.push(
      effect(
        scope,
        'replace',
        'high',
        files,
        `apply --force deletes and re-creates the objects of ${files} when a patch fails`,
        'manifest',
        { hints },
      ),
    );
  return effects.some((e) => e.runs === undefined)
    ? effects
    : [...effects, { ...low(scope, 'apply', files), hints: [...scope.hints, ...hints] }];
}

export function patch({ inv, scope, parsed, rest }: VerbContext): Effect[] {
  const target =
    targetsOf(inv, parsed, rest)
      .map((ref) => label(ref, parsed))
      .join(', ') || 'object';
  const body = optionValue(parsed, '-p', '--patch') ?? '';
  // Finalizers hold an object (a claim's volume, a namespace's contents) until what guards it has run.
  if (/"?finalizers"?/.test(body))
    return [
      effect(
        scope,
        'modify',
        'medium',
        target,
        `patches the finalizers of ${target}, which guard its deletion`,
        'workload',
      ),
    ];
  // The volume's data is deleted with its claim (Retain, the safety net, keeps it).
  if (patchedValue(body, 'spec', 'persistentVolumeReclaimPolicy') === 'Delete')
    return [
      effect(
        scope,
        'modify',
        'medium',
        target,
        `sets the reclaim policy of ${target} to Delete: its data is deleted when its claim is`,
        'volume',
      ),
    ];
  if (patchedValue(body, 'spec', 'replicas') !== 0) return [low(scope, 'patch', target)];
  return [
    effect(
      scope,
      'modify',
      'high',
      target,
      `patches ${target} to zero replicas: the workload stops serving`,
      'workload',
      {
        reversible: true,
      },
    ),
  ];
}

/**
 * `kubectl annotate … helm.sh/resource-policy-`: helm keeps an object with that annotation when its release is
 * uninstalled (a database's volume claim); without it, the next `helm uninstall` deletes it.
 */
export function annotate({ scope, rest }: VerbContext): Effect[] {
  const names = rest.map((w) => w.value);
  const target = names.filter((n) => !/[=]|-$/.test(n)).join(' ') || 'object';
  if (names.some((n) => n === 'helm.sh/resource-policy-' || /^helm\.sh\/resource-policy=(?!keep$)/.test(n)))
    return [
      effect(
        scope,
        'modify',
        'medium',
        target,
        `removes helm's keep policy from ${target}: uninstalling its release will delete it`,
        'workload',
      ),
    ];
  return [low(scope, 'annotate', names.join(' '))];
}

export function rollout({ inv, scope, parsed, rest }: VerbContext): Effect[] {
  const sub = rest[0]?.value;
  if (sub === 'status' || sub === 'history') return [];
  const refs = targetsOf(inv, parsed, rest.slice(1));
  if (sub !== 'undo') return refs.map((ref) => low(scope, `rollout ${sub ?? ''}`.trim(), label(ref, parsed)));
  const to = optionValue(parsed, '--to-revision');
  return refs.map((ref) => {
    const target = label(ref, parsed);
    return routineOutsideProduction(
      effect(
        scope,
        'replace',
        'medium',
        target,
        `rolls ${target} back to ${to ? `revision ${to}` : 'the previous revision'}`,
        ref.kind.category,
        { reversible: true },
      ),
    );
  });
}

export function config({ tool, scope, rest }: VerbContext, reads: ReadonlySet<string>): Effect[] {
  const sub = rest[0]?.value;
  if (!sub || reads.has(sub)) return [];
  return [
    effect(
      scope,
      'modify',
      'low',
      rest[1]?.value ?? sub,
      `${tool} config ${sub} changes the local kubeconfig`,
      'kubeconfig',
      { reversible: true },
    ),
  ];
}

export function auth({ scope, parsed, rest }: VerbContext): Effect[] {
  if (rest[0]?.value !== 'reconcile') return [];
  const removes = hasOption(parsed, '--remove-extra-permissions', '--remove-extra-subjects');
  const why = removes
    ? 'auth reconcile removes permissions and subjects not in the manifest'
    : 'auth reconcile adds missing RBAC rules';
  return [effect(scope, 'modify', removes ? 'medium' : 'low', 'RBAC objects', why, 'iam')];
}

/** oc rollback DC. */
export function rollback({ scope, rest }: VerbContext): Effect[] {
  const name = rest[0]?.value;
  return [
    effect(
      scope,
      'replace',
      'medium',
      name ?? 'deployment',
      `rolls ${name ?? 'the deployment'} back`,
      'workload',
      { reversible: true },
    ),
  ];
}

/** oc adm prune … --confirm deletes old builds, deployments or images. */
export function prune({ scope, parsed, rest }: VerbContext): Effect[] {
  if (!hasOption(parsed, '--confirm')) return [];
  const what = rest[0]?.value ?? 'objects';
  return [
    effect(
      scope,
      'delete',
      'medium',
      `old ${what}`,
      `oc adm prune ${what} --confirm deletes old ${what}`,
      'cluster',
    ),
  ];
}
