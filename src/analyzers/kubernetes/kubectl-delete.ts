import type { Access, Effect, Risk } from '../../core/types.js';
import { riskRank } from '../../core/types.js';
import { hasOption, optionValue } from '../../shell/options.js';
import { effect, routineOutsideProduction, shiftRisk } from './common.js';
import { manifests, refHints, where, type VerbContext } from './objects.js';
import { parseResources, type ResourceRef } from './resources.js';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'default']);

function completedPodsOnly(fieldSelector: string | undefined): boolean {
  return (
    fieldSelector !== undefined &&
    /status\.phase==?(Succeeded|Failed)/.test(fieldSelector) &&
    !fieldSelector.includes('!=')
  );
}

/** The permission a delete exercises: by name, or (a selection) every object of the kind. */
function deleteAccess(ref: ResourceRef, namespace: string | undefined): Access {
  return {
    kind: 'kubernetes',
    verb: 'delete',
    resource: ref.kind.name,
    ...(namespace && !ref.kind.clusterScoped ? { namespace } : {}),
    ...(ref.name !== undefined ? { name: ref.name } : {}),
  };
}

/** kubectl delete: namespaces are critical; bulk selections, system namespaces and --force aggravate. */
export function remove({ inv, scope, parsed, rest }: VerbContext): Effect[] {
  const all = hasOption(parsed, '--all');
  const allNamespaces = hasOption(parsed, '-A', '--all-namespaces');
  const selector = optionValue(parsed, '-l', '--selector');
  const fieldSelector = optionValue(parsed, '--field-selector');
  const grace = optionValue(parsed, '--grace-period');
  const forced = hasOption(parsed, '--force', '--now') || grace === '0' || grace === '1';
  const effects: Effect[] = [];
  const { refs: fromFiles, unknown } = manifests(inv, parsed);

  for (const m of unknown) {
    const risk: Risk = m.why.includes('namespaces') ? 'critical' : 'high';
    effects.push(
      effect(
        scope,
        'delete',
        forced ? shiftRisk(risk, 1) : risk,
        m.target,
        `deletes every object in ${m.target}: ${m.why}`,
        'manifest',
        { hints: m.hints },
      ),
    );
  }
  const raw = optionValue(parsed, '--raw');
  if (raw) {
    const ns = /\/namespaces\/([^/]+)\/?$/.exec(raw);
    effects.push(
      effect(scope, 'delete', ns ? 'critical' : 'high', raw, `deletes the API object at ${raw}`, 'cluster', {
        hints: ns ? [{ source: 'namespace', value: ns[1]!, weak: true }] : [],
      }),
    );
  }

  const selection = all
    ? 'all'
    : selector
      ? `-l ${selector}`
      : fieldSelector
        ? `--field-selector ${fieldSelector}`
        : allNamespaces
          ? 'all'
          : undefined;
  for (const ref of [...parseResources(rest), ...fromFiles]) {
    let risk = ref.kind.risk;
    const bulk = ref.name === undefined && !fromFiles.includes(ref);
    const matters = riskRank(risk) >= riskRank('medium');
    const cleanup = ref.kind.category === 'pod' && completedPodsOnly(fieldSelector);
    if (bulk && matters && !cleanup) {
      if (allNamespaces && !ref.kind.clusterScoped) risk = 'critical';
      else if (all) risk = shiftRisk(risk, 1);
      else if (selector) risk = riskRank(risk) < riskRank('high') ? 'high' : risk;
      else if (fieldSelector) risk = riskRank(risk) < riskRank('high') ? 'high' : risk;
    }
    const ns = ref.namespace ?? scope.namespace;
    const systemTarget =
      (ref.kind.category === 'namespace' && ref.name && SYSTEM_NAMESPACES.has(ref.name)) ||
      (!ref.kind.clusterScoped && ns && SYSTEM_NAMESPACES.has(ns) && ns !== 'default');
    if (matters && (systemTarget || forced)) risk = shiftRisk(risk, 1);
    const target = `${ref.kind.name}${ref.name !== undefined ? `/${ref.name}` : ` (${selection ?? 'every one'})`}${where(scope, ref, allNamespaces)}`;
    const notes = [
      allNamespaces && !ref.kind.clusterScoped ? 'in every namespace' : '',
      forced ? 'forced, without graceful shutdown' : '',
    ].filter(Boolean);
    const deleted = effect(
      scope,
      'delete',
      risk,
      target,
      `deletes ${target}: ${ref.kind.why}${notes.length ? ` (${notes.join(', ')})` : ''}`,
      ref.kind.category,
      { hints: refHints(ref), ...(ref.dynamic ? {} : { access: deleteAccess(ref, ns) }) },
    );
    // Restarting pods or clearing jobs in dev or staging is routine; across every namespace or in the
    // system ones it is not, and in production (or an unrecognised cluster) the full risk stands.
    const routine = ref.kind.riskOutsideProduction && !allNamespaces && !systemTarget;
    effects.push(routine ? routineOutsideProduction(deleted, ref.kind.riskOutsideProduction) : deleted);
  }
  return effects;
}
