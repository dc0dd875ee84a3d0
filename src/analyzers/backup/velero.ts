import type { Effect, Operation, Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { contextHints } from '../kubernetes/common.js';
import { backupEffect } from './common.js';

// velero: `velero [--kubecontext C] <resource> <verb> [NAME…]` (or `velero <verb> <resource>`). Backups
// live in the cluster's object store; the cluster comes from --kubecontext, --kubeconfig or the current
// context, like kubectl.

const VALUE_OPTIONS = [
  '--kubeconfig',
  '--kubecontext',
  '-n',
  '--namespace',
  '--features',
  '--colorized',
  '-l',
  '--selector',
  '--from-backup',
  '--from-schedule',
  '--include-namespaces',
  '--exclude-namespaces',
  '--include-resources',
  '--exclude-resources',
  '--namespace-mappings',
  '--existing-resource-policy',
  '--ttl',
  '--schedule',
  '--storage-location',
  '--volume-snapshot-locations',
  '-o',
  '--output',
];

interface Rule {
  operation: Operation;
  risk: Risk;
  does: string;
  /** What policies see; backups unless it acts on the cluster's own resources. */
  category?: string;
}

const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['backup delete', { operation: 'delete', risk: 'high', does: 'deletes backups' }],
  ['schedule delete', { operation: 'delete', risk: 'high', does: 'deletes backup schedules' }],
  ['schedule pause', { operation: 'modify', risk: 'medium', does: 'stops scheduled backups' }],
  ['backup-location delete', { operation: 'delete', risk: 'high', does: 'deletes backup locations' }],
  ['snapshot-location delete', { operation: 'delete', risk: 'high', does: 'deletes snapshot locations' }],
  [
    'restore create',
    { operation: 'replace', risk: 'high', does: 'restores resources into the cluster', category: 'cluster' },
  ],
  [
    'uninstall',
    { operation: 'delete', risk: 'critical', does: 'removes velero and its resources', category: 'cluster' },
  ],
]);

const VERBS = new Set(['delete', 'create', 'pause', 'get', 'describe', 'logs', 'download', 'unpause']);

/**
 * `velero restore create` into other namespaces only (`--namespace-mappings payments:payments-restore-test`,
 * a rehearsal) touches none of the originals' objects, unless it may overwrite what it finds there
 * (`--existing-resource-policy update`). Any other restore is judged as the rule says.
 */
function rehearsal(parsed: ParsedOptions): boolean {
  if (optionValue(parsed, '--existing-resource-policy') === 'update') return false;
  const mapped = new Map(
    (optionValue(parsed, '--namespace-mappings') ?? '')
      .split(',')
      .map((pair) => pair.split(':') as [string, string?])
      .filter(([from, to]) => from && to && from !== to)
      .map(([from, to]) => [from, to!]),
  );
  // Every namespace restored is named, and each goes to another one.
  const included = (optionValue(parsed, '--include-namespaces') ?? '').split(',').filter(Boolean);
  return included.length > 0 && !included.includes('*') && included.every((ns) => mapped.has(ns));
}

export function velero(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '-h', '--help')) return [];
  const [first = '', second = '', ...names] = parsed.positionals.map((w) => w.value);
  // `velero delete backup X` is `velero backup delete X`.
  const command = VERBS.has(first) ? `${second} ${first}` : second ? `${first} ${second}` : first;
  const rule = RULES.get(command) ?? RULES.get(first);
  if (!rule) return [];
  const all = hasOption(parsed, '--all', '-l', '--selector');
  const elsewhere = command === 'restore create' && rehearsal(parsed);
  const risk: Risk = elsewhere ? 'low' : all && rule.operation === 'delete' ? 'critical' : rule.risk;
  const hints = contextHints(inv, {
    context: optionValue(parsed, '--kubecontext'),
    contextFlag: '--kubecontext',
    kubeconfig: optionValue(parsed, '--kubeconfig'),
  });
  const named = names.length ? names.join(' ') : optionValue(parsed, '--from-backup');
  const target = all ? 'every one' : (named ?? command);
  return [
    backupEffect('velero', {
      operation: elsewhere ? 'create' : rule.operation,
      risk,
      target: `${command} ${target}`,
      reason: `velero ${command} ${elsewhere ? 'restores into other namespaces (--namespace-mappings)' : rule.does}${all ? ' (all of them)' : ''}`,
      place: { hints, local: false },
      category: rule.category ?? 'backup',
    }),
  ];
}
