import type { Effect } from '../../core/types.js';
import { optionValue, type ParsedOptions } from '../../shell/options.js';
import { effect, type Scope } from './common.js';

// `kubectl run x --overrides='{"spec":{"hostPID":true,"containers":[{…"securityContext":{"privileged":true}}]}}'`:
// the pod shares its node's processes and runs privileged, so `nsenter -t 1` in it is a root shell on the node.
// It was a low-risk create. The override is JSON (kubectl's own format); one that does not parse is not judged.

const HOST_PATHS =
  /^\/(|etc|root|var|var\/run\/docker\.sock|run\/containerd\/containerd\.sock|proc|sys|dev|boot|usr|home)\/?$/;

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** What in a pod spec takes its node's walls down, as written. */
function nodeAccess(spec: Json): string[] {
  const found = ['hostPID', 'hostIPC', 'hostNetwork'].filter((k) => spec[k] === true);
  const containers = [...asArray(spec.containers), ...asArray(spec.initContainers)].map(asObject);
  for (const c of containers) {
    const security = asObject(c.securityContext);
    if (security.privileged === true) found.push('privileged');
    const added = asArray(asObject(security.capabilities).add);
    if (added.some((a) => /^(ALL|SYS_ADMIN)$/.test(String(a)))) found.push(`capabilities ${added.join(',')}`);
  }
  for (const v of asArray(spec.volumes).map(asObject)) {
    const path = asObject(v.hostPath).path;
    if (typeof path === 'string' && HOST_PATHS.test(path)) found.push(`hostPath ${path}`);
  }
  return found;
}

/** The node access a `kubectl run --overrides` (or `--privileged`) gives its pod; none for an ordinary one. */
export function podOverrides(scope: Scope, parsed: ParsedOptions, name: string): Effect[] {
  const text = optionValue(parsed, '--overrides');
  let found: string[] =
    parsed.options.has('--privileged') && optionValue(parsed, '--privileged') !== 'false'
      ? ['privileged']
      : [];
  if (text) {
    try {
      found = [...found, ...nodeAccess(asObject(asObject(JSON.parse(text) as unknown).spec))];
    } catch {
      // Not JSON: kubectl refuses it and nothing runs.
    }
  }
  if (!found.length) return [];
  const why = `runs pod ${name} with ${[...new Set(found)].join(', ')}: whatever runs in it can change its node as root`;
  return [effect(scope, 'modify', 'high', `pod ${name}`, why, 'container')];
}
