import type { EnvironmentHint } from '../../core/types.js';
import { manifestText } from './manifest-text.js';
import { hasOption, optionValue, optionValues, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { pathHint, type Scope } from './common.js';
import { manifestResources, parseResources, type Kind, type ResourceRef } from './resources.js';

/** One kubectl verb as its handler sees it: `rest` are the words after the verb. */
export interface VerbContext {
  inv: Invocation;
  tool: string;
  scope: Scope;
  parsed: ParsedOptions;
  rest: Word[];
}

export function where(scope: Scope, ref: ResourceRef, allNamespaces: boolean): string {
  if (ref.kind.clusterScoped) return '';
  if (allNamespaces) return ' --all-namespaces';
  const ns = ref.namespace ?? scope.namespace;
  return ns ? ` -n ${ns}` : '';
}

/**
 * A namespace being deleted is named, like any resource: weak. The namespace an object lives in (its
 * manifest's metadata.namespace, like -n) says where the action lands in the cluster: explicit.
 */
export function refHints(ref: ResourceRef): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  if (ref.kind.category === 'namespace' && ref.name && !ref.dynamic)
    hints.push({ source: 'namespace', value: ref.name, weak: true });
  if (ref.namespace) hints.push({ source: 'namespace', value: ref.namespace });
  return hints;
}

/** The objects a `-f`/`-k` argument names: read from a static here-document or a file here, otherwise unknown. */
export function manifests(
  inv: Invocation,
  parsed: ParsedOptions,
): { refs: ResourceRef[]; unknown: { target: string; hints: EnvironmentHint[]; why: string }[] } {
  const refs: ResourceRef[] = [];
  const unknown: { target: string; hints: EnvironmentHint[]; why: string }[] = [];
  for (const file of optionValues(parsed, '-f', '--filename', '-k', '--kustomize')) {
    // tree-sitter-bash drops a `-` written right before `<<EOF`, leaving `-f` without a value.
    const text = manifestText(inv, file);
    const read = text === undefined ? undefined : manifestResources(text);
    if (read) {
      refs.push(...read);
      continue;
    }
    if (file === '-' || file === '') {
      unknown.push({ target: 'manifests read from stdin', hints: [], why: 'their contents are unknown' });
      continue;
    }
    const hint = pathHint(inv, file);
    const why = /(^|[^a-z])(namespaces?|ns)([^a-z]|$)/i.test(hint)
      ? 'the file appears to hold namespaces'
      : 'its contents are not known here';
    unknown.push({ target: file, hints: [{ source: 'manifest path', value: hint, weak: true }], why });
  }
  return { refs, unknown };
}

const MANIFEST: Kind = {
  name: 'manifest',
  risk: 'high',
  category: 'manifest',
  why: 'the objects a manifest file names',
};

export function targetsOf(inv: Invocation, parsed: ParsedOptions, rest: Word[]): ResourceRef[] {
  const { refs } = manifests(inv, parsed);
  const files = optionValues(parsed, '-f', '--filename', '-k', '--kustomize')
    .filter((f) => f !== '-' && f !== '')
    .map((f): ResourceRef => ({ kind: MANIFEST, name: f }));
  return [...parseResources(rest), ...refs, ...files];
}

export function label(ref: ResourceRef, parsed: ParsedOptions): string {
  if (ref.kind === MANIFEST) return `objects in ${ref.name ?? 'manifests'}`;
  if (ref.name !== undefined) return `${ref.kind.name}/${ref.name}`;
  const selector = optionValue(parsed, '-l', '--selector');
  return `${ref.kind.name} (${hasOption(parsed, '--all') ? 'all' : selector ? `-l ${selector}` : 'every one'})`;
}
