import type { Effect, EnvironmentHint } from '../core/types.js';
import { hasOption, optionValue, optionValues, parseOptions } from '../shell/options.js';
import type { Analyzer } from './analyzer.js';

// `ansible-playbook -i inventories/production decommission.yml` changes every machine the inventory holds,
// by tasks in files Interlock does not read: it was an unrecognised program, allowed. It is a change to
// those machines, placed by the inventory and the limit it names; a rehearsal (`--check`) or a listing
// changes nothing.

const VALUE = [
  '-i',
  '--inventory',
  '--inventory-file',
  '-l',
  '--limit',
  '-e',
  '--extra-vars',
  '-u',
  '--user',
  '-t',
  '--tags',
  '--skip-tags',
  '-f',
  '--forks',
  '--become-user',
  '--vault-id',
  '--vault-password-file',
  '-c',
  '--connection',
  '--private-key',
  '-T',
  '--timeout',
  '-M',
  '--module-path',
  '--start-at-task',
];
const ONLY_LOOKS = ['-C', '--check', '--syntax-check', '--list-tasks', '--list-hosts', '--list-tags'];

export const playbooksAnalyzer: Analyzer = {
  family: 'playbooks',
  commands: ['ansible-playbook'],
  local: false,
  environmentVariables: ['ANSIBLE_INVENTORY'],
  analyze(inv): Effect[] {
    const parsed = parseOptions(inv.args, { withValue: VALUE });
    if (hasOption(parsed, ...ONLY_LOOKS, '-h', '--help', '--version')) return [];
    const playbooks = parsed.positionals.map((w) => w.value);
    const inventories = optionValues(parsed, '-i', '--inventory', '--inventory-file');
    const limit = optionValue(parsed, '-l', '--limit');
    const hints: EnvironmentHint[] = [
      ...inventories.map((value) => ({ source: 'ansible inventory', value })),
      ...(limit ? [{ source: 'ansible limit', value: limit }] : []),
    ];
    const where = inventories.length ? `the hosts of ${inventories.join(', ')}` : 'the default inventory';
    return [
      {
        operation: 'modify',
        tool: 'ansible-playbook',
        target: `${playbooks.join(' ') || 'a playbook'} on ${where}${limit ? ` (limit ${limit})` : ''}`,
        reversible: false,
        risk: 'medium',
        reason: `ansible-playbook runs ${playbooks.join(', ') || 'a playbook'} on ${where}; its tasks are not read here`,
        category: 'host',
        hints,
      },
    ];
  },
};
