import { posix } from 'node:path';
import type { Access, Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import { RISKS } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { isInside, resolvePath } from '../paths.js';

/** Where a kubectl/helm command lands: the tool name and the environment facts found on its command line. */
export interface Scope {
  tool: string;
  namespace?: string;
  hints: EnvironmentHint[];
}

export function effect(
  scope: Scope,
  operation: Operation,
  risk: Risk,
  target: string,
  reason: string,
  category: string,
  extra: { reversible?: boolean; hints?: EnvironmentHint[]; access?: Access } = {},
): Effect {
  const hints = [...scope.hints, ...(extra.hints ?? [])];
  const reversible = extra.reversible ?? false;
  // Two plain literals, not one that starts with a conditional spread: V8 built that one slowly, and
  // `kubectl delete` of fifty objects makes fifty (issue 17). Same fields, in the same order.
  if (extra.access)
    return {
      access: extra.access,
      operation,
      tool: scope.tool,
      target,
      reversible,
      risk,
      reason,
      hints,
      category,
    };
  return { operation, tool: scope.tool, target, reversible, risk, reason, hints, category };
}

/**
 * A change that is routine in dev or staging (a pod restarted, a release rolled back, a workload scaled to
 * zero): low there, its full risk in production or a cluster nobody recognised.
 */
export function routineOutsideProduction(change: Effect, outside: Risk = 'low'): Effect {
  return { ...change, risk: outside, riskInProduction: change.risk };
}

/** One risk level up (or down), bounded by none and critical. */
export function shiftRisk(risk: Risk, by: number): Risk {
  const index = Math.min(RISKS.length - 1, Math.max(0, RISKS.indexOf(risk) + by));
  return RISKS[index]!;
}

/**
 * A file path as an environment hint: only the part the user chose (relative to the project or HOME,
 * at most its last two components), so a home directory like /home/dev does not pass for "dev".
 */
export function pathHint(inv: Invocation, path: string): string {
  if (/^[a-z]+:\/\//i.test(path)) return path;
  const resolved = resolvePath(path, inv.facts.cwd, inv.facts.home);
  let rel = resolved;
  if (isInside(resolved, inv.facts.cwd)) rel = posix.relative(inv.facts.cwd, resolved);
  else if (isInside(resolved, inv.facts.home)) rel = posix.relative(inv.facts.home, resolved);
  return rel.split('/').filter(Boolean).slice(-2).join('/') || posix.basename(resolved);
}

/** The host of a URL or `host:port`, for hints. */
export function hostOf(server: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/i.exec(server);
  return m?.[1] ?? server;
}

/** Whether a dry run was asked for (`--dry-run`, `--dry-run=client|server`; `--dry-run=none` is a real run). */
export function isDryRun(values: readonly string[] | undefined): boolean {
  if (!values || values.length === 0) return false;
  const last = values[values.length - 1]!;
  return last !== 'none' && last !== 'false';
}

/**
 * The cluster context as the command line, its variables and the edge's facts give it. The explicit flag
 * wins; a kubeconfig chosen on the command line means the edge's current context does not apply.
 */
export function contextHints(
  inv: Invocation,
  flags: {
    context?: string | undefined;
    contextFlag: string;
    kubeconfig?: string | undefined;
    envContext?: string | undefined;
    envContextName?: string;
    namespace?: string | undefined;
  },
): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  if (flags.context) hints.push({ source: `flag ${flags.contextFlag}`, value: flags.context });
  else if (flags.envContext && flags.envContextName)
    hints.push({ source: `env ${flags.envContextName}`, value: flags.envContext });
  const ownKubeconfig = inv.assignments.KUBECONFIG;
  if (flags.kubeconfig) hints.push({ source: 'flag --kubeconfig', value: pathHint(inv, flags.kubeconfig) });
  else if (ownKubeconfig && !ownKubeconfig.dynamic) {
    const first = ownKubeconfig.value.split(':')[0] ?? ownKubeconfig.value;
    hints.push({ source: 'env KUBECONFIG', value: pathHint(inv, first) });
  }
  const kubeconfigChosen = flags.kubeconfig !== undefined || ownKubeconfig !== undefined;
  // On another machine (`ssh bastion kubectl …`) the current context is that machine's, not the edge's.
  const current = !flags.context && !flags.envContext && !kubeconfigChosen && !inv.remote;
  if (current && inv.facts.kubeContext) hints.push({ source: 'kube context', value: inv.facts.kubeContext });
  // `kubens prod && kubectl delete …`: the current context's namespace, unless -n names another.
  if (current && !flags.namespace && inv.facts.kubeNamespace)
    hints.push({ source: 'kube namespace', value: inv.facts.kubeNamespace });
  return hints;
}
