import type { Effect } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { contextHints, effect } from './common.js';

/** Arguments of kubectx and kubens that only print (no argument at all lists). */
const PRINTS = new Set(['-c', '--current', '-h', '--help', '-V', '--version']);

/**
 * kubectx and kubens select the kubeconfig's current context or its namespace (or rename or delete a
 * context entry): a change to a local file, like `kubectl config use-context`. What later calls then do
 * there is assessed on them (assess/stored-contexts.ts).
 */
export function kubectx(inv: Invocation): Effect[] {
  const first = inv.args[0];
  if (!first || PRINTS.has(first.value)) return [];
  const scope = { tool: inv.name, hints: contextHints(inv, { contextFlag: '--context' }) };
  const what = inv.args.map((w) => w.value).join(' ');
  const reason = `${inv.name} ${what} changes the local kubeconfig`;
  return [effect(scope, 'modify', 'low', what, reason, 'kubeconfig', { reversible: true })];
}
