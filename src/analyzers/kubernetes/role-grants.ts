import type { Effect } from '../../core/types.js';
import { optionValue, optionValues, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import { effect, type Scope } from './common.js';

// `kubectl create clusterrolebinding x --clusterrole=cluster-admin --serviceaccount=default:agent` makes the
// agent's own account an administrator of the cluster: a create, rated low like any other, and allowed.
// A binding is a grant of power: one that hands out a role able to change what it is bound in (admin,
// edit, cluster-admin), any role cluster-wide, or a privileged security context constraint, is high; a
// role that only reads, or another role in one namespace, medium. `oc adm policy add-…-to-user` alike.

const POWERFUL = /^(cluster-admin|admin|edit|system:masters|privileged|anyuid|hostaccess)$/;
const READS_ONLY = /^(view|.*-viewer|.*-reader)$/;

function grant(scope: Scope, role: string, who: string, clusterWide: boolean, target: string): Effect {
  const high = !READS_ONLY.test(role) && (POWERFUL.test(role) || clusterWide);
  const where = clusterWide ? 'across the cluster' : `in namespace ${scope.namespace ?? 'the current one'}`;
  return effect(
    scope,
    'modify',
    high ? 'high' : 'medium',
    target,
    `grants ${role} to ${who} ${where}`,
    'rbac',
  );
}

/** `kubectl create clusterrolebinding|rolebinding NAME --clusterrole|--role ROLE --user|--group|--serviceaccount …`. */
export function bindingCreated(scope: Scope, parsed: ParsedOptions, rest: readonly Word[]): Effect[] {
  const [kind, name = ''] = rest.map((w) => w.value);
  if (kind !== 'clusterrolebinding' && kind !== 'rolebinding') return [];
  const role = optionValue(parsed, '--clusterrole') ?? optionValue(parsed, '--role') ?? 'a role';
  const who = ['--user', '--group', '--serviceaccount'].flatMap((o) => optionValues(parsed, o)).join(', ');
  return [grant(scope, role, who || 'its subjects', kind === 'clusterrolebinding', `${kind} ${name}`.trim())];
}

/** `oc adm policy` (`rest` after `policy`): `add-cluster-role-to-user ROLE USER`, `add-role-to-user`, `add-scc-to-user SCC USER`. */
export function policyGranted(scope: Scope, rest: readonly Word[]): Effect[] {
  const [verb = '', role, ...who] = rest.map((w) => w.value);
  const m = /^add-(cluster-role|role|scc)-to-(user|group)$/.exec(verb);
  if (!m || !role) return [];
  const clusterWide = m[1] !== 'role';
  return [grant(scope, role, who.join(', ') || `a ${m[2]}`, clusterWide, `${verb} ${role}`)];
}
