import type { Effect, Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { nameHintsFrom } from '../cloud/common.js';
import { backupEffect } from './common.js';

// kopia: `kopia <group> <verb> [args]`. The repository is the one kopia is connected to (its config file),
// which the command line does not show: a remote effect in an unknown place unless a name raises it.
// Its destructive commands are dry runs until `--delete` confirms them.

const VALUE_OPTIONS = [
  '--config-file',
  '--password',
  '--bucket',
  '--container',
  '--prefix',
  '--endpoint',
  '--region',
  '--access-key',
  '--secret-access-key',
  '--session-token',
  '--path',
  '--log-level',
  '--file-log-level',
  '--log-dir',
  '--parallel',
  '--description',
  '--tags',
];

interface Rule {
  risk: Risk;
  does: string;
  /** Without `--delete` the command only lists what it would delete. */
  confirmed?: true;
}

const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['snapshot delete', { risk: 'high', does: 'deletes snapshots', confirmed: true }],
  ['snapshot expire', { risk: 'high', does: 'deletes the snapshots retention lets go', confirmed: true }],
  ['repository sync-to', { risk: 'high', does: 'deletes from the copy what it lacks', confirmed: true }],
  ['blob delete', { risk: 'high', does: 'deletes repository blobs' }],
  ['content delete', { risk: 'high', does: 'deletes repository contents' }],
]);

export function kopia(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '-h', '--help')) return [];
  const [group = '', verb = '', ...names] = parsed.positionals.map((w) => w.value);
  const command = `${group} ${verb}`;
  const rule = RULES.get(command);
  if (!rule || (rule.confirmed && !hasOption(parsed, '--delete'))) return [];
  const bucket = optionValue(parsed, '--bucket', '--container', '--path');
  const hints = [
    ...nameHintsFrom('kopia config file', optionValue(parsed, '--config-file')),
    ...nameHintsFrom('kopia bucket', bucket),
  ];
  // `sync-to PROVIDER --bucket B` writes to B; every other command acts on the connected repository.
  const syncTo = command === 'repository sync-to';
  const target = syncTo ? `${names[0] ?? verb} ${bucket ?? ''}`.trim() : names.join(' ') || command;
  return [
    backupEffect('kopia', {
      operation: 'delete',
      risk: rule.risk,
      target,
      reason: `kopia ${command} ${rule.does}`,
      place: { hints, local: false },
    }),
  ];
}
