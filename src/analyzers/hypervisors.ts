import type { Effect, EnvironmentHint, Operation, Risk } from '../core/types.js';
import { hasOption, optionValue, parseOptions, type ParsedOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';

// Virtual machines and system containers: libvirt's virsh, Proxmox's qm and pct, VirtualBox's VBoxManage,
// LXD's lxc and Incus. `virsh undefine db1 --remove-all-storage`, `qm destroy 101 --purge`, `lxc delete web
// --force` delete a machine with its disks; each was allowed (unknown programs) or only guessed at from its
// verb. Listing and inspecting (`virsh list`, `qm config`, `lxc info`) match no rule and stay allowed.

interface Rule {
  operation: Operation;
  risk: Risk;
  /** What it does to the target, for the reason: "deletes the VM and its disks:". */
  does: string;
  /** Harsher where production is (a hard power-off of a production server). */
  inProduction?: Risk;
}

const DELETES_WITH_DISKS: Rule = {
  operation: 'delete',
  risk: 'critical',
  does: 'deletes the machine and its disks:',
};
const DELETES_DISK: Rule = { operation: 'delete', risk: 'critical', does: 'deletes the disk and its data:' };
const FORGETS: Rule = {
  operation: 'delete',
  risk: 'medium',
  does: 'removes the definition of the machine (its disks stay):',
};
const POWERS_OFF: Rule = {
  operation: 'modify',
  risk: 'medium',
  does: 'cuts the power of',
  inProduction: 'high',
};
const REVERTS: Rule = {
  operation: 'replace',
  risk: 'high',
  does: 'reverts to a snapshot, losing every change since, of',
};
const DELETES_SNAPSHOT: Rule = { operation: 'delete', risk: 'medium', does: 'deletes a snapshot of' };

interface Call {
  tool: string;
  target: string;
  rule: Rule;
  hints: EnvironmentHint[];
}

function toEffect({ tool, target, rule, hints }: Call): Effect {
  return {
    operation: rule.operation,
    tool,
    target,
    reversible: false,
    risk: rule.risk,
    reason: `${tool} ${rule.does} ${target}`,
    category: 'vm',
    hints,
    ...(rule.inProduction ? { riskInProduction: rule.inProduction } : {}),
  };
}

/** The machine's name as a weak hint (`prod-db1`), as a host name is for other tools. */
const named = (name: string | undefined): EnvironmentHint[] =>
  name ? [{ source: 'machine name', value: name, weak: true }] : [];

/** The host of a libvirt connection URI (`qemu+ssh://root@db-host/system`). */
function connectionHints(uri: string | undefined): EnvironmentHint[] {
  if (!uri) return [];
  try {
    const host = new URL(uri).hostname;
    return host ? [{ source: 'libvirt connection host', value: host }] : [];
  } catch {
    return [];
  }
}

const VIRSH_VALUE = [
  '-c',
  '--connect',
  '-d',
  '--debug',
  '-l',
  '--log',
  '-e',
  '--escape',
  '-k',
  '--keepalive-interval',
  '-K',
  '--keepalive-count',
  '--pool',
  '--vol',
  '--domain',
  '--storage',
  '--nvram',
];

/** virsh [-c URI] COMMAND [ARGS]; the domain or volume is the first word after the command. */
function virsh(inv: Invocation): Call[] {
  const o = parseOptions(inv.args, { withValue: VIRSH_VALUE });
  const [command, first, second] = o.positionals.map((w) => w.value);
  const hints = [...connectionHints(optionValue(o, '-c', '--connect')), ...named(first)];
  const at = (rule: Rule, target = first ?? '<domain>') => [{ tool: 'virsh', target, rule, hints }];
  switch (command ?? '') {
    case 'undefine':
      return at(
        hasOption(o, '--remove-all-storage', '--storage', '--wipe-storage') ? DELETES_WITH_DISKS : FORGETS,
      );
    case 'destroy':
      return at(POWERS_OFF);
    case 'reset':
      return at({ ...POWERS_OFF, does: 'resets at once, as the reset button would,' });
    case 'vol-delete':
    case 'vol-wipe':
      return at(DELETES_DISK, first ?? '<volume>');
    case 'pool-delete':
      return at(
        { ...DELETES_DISK, does: 'deletes the storage pool and the volumes in it:' },
        first ?? '<pool>',
      );
    case 'snapshot-revert':
      return at(REVERTS);
    case 'snapshot-delete':
      return at(DELETES_SNAPSHOT, second ? `${first} (${second})` : first);
  }
  return [];
}

/** Proxmox: `qm|pct destroy|stop|rollback|delsnapshot VMID …`. */
function proxmox(inv: Invocation): Call[] {
  const o = parseOptions(inv.args, {});
  const [command, id, snapshot] = o.positionals.map((w) => w.value);
  const kind = inv.name === 'pct' ? 'container' : 'VM';
  const target = id ? `${kind} ${id}` : `<${kind}>`;
  const at = (rule: Rule): Call[] => [{ tool: inv.name, target, rule, hints: [] }];
  switch (command ?? '') {
    case 'destroy':
      return at(DELETES_WITH_DISKS);
    case 'stop':
      return at(POWERS_OFF);
    case 'rollback':
      return at(REVERTS);
    case 'delsnapshot':
      return [
        {
          tool: inv.name,
          target: `${target} (snapshot ${snapshot ?? '?'})`,
          rule: DELETES_SNAPSHOT,
          hints: [],
        },
      ];
  }
  return [];
}

/** VBoxManage unregistervm VM --delete, closemedium … --delete, controlvm VM poweroff|reset, snapshot VM restore|delete. */
function virtualbox(inv: Invocation): Call[] {
  const o = parseOptions(inv.args, { withValue: ['--name', '--uuid'] });
  const [command, first, verb] = o.positionals.map((w) => w.value);
  const at = (rule: Rule, target = first ?? '<vm>') => [
    { tool: 'VBoxManage', target, rule, hints: named(first) },
  ];
  switch (command?.toLowerCase() ?? '') {
    case 'unregistervm':
      return at(hasOption(o, '--delete', '--delete-all') ? DELETES_WITH_DISKS : FORGETS);
    case 'closemedium': {
      // closemedium [disk|dvd|floppy] FILE --delete
      const file = ['disk', 'dvd', 'floppy'].includes(first ?? '') ? verb : first;
      return hasOption(o, '--delete') ? at(DELETES_DISK, file ?? '<medium>') : [];
    }
    case 'controlvm':
      return verb === 'poweroff' || verb === 'reset' ? at(POWERS_OFF) : [];
    case 'snapshot':
      if (verb === 'restore' || verb === 'restorecurrent') return at(REVERTS);
      return verb === 'delete' ? at(DELETES_SNAPSHOT) : [];
  }
  return [];
}

const LXC_VALUE = ['--project', '--target', '-t', '--timeout', '--reason', '--type'];

/** lxc|incus delete [REMOTE:]NAME[/SNAPSHOT]…, storage [volume] delete, restore, stop --force. */
function lxd(inv: Invocation): Call[] {
  const o: ParsedOptions = parseOptions(inv.args, { withValue: LXC_VALUE });
  const words = o.positionals.map((w) => w.value);
  const [command] = words;
  const at = (rule: Rule, names: string[]) =>
    names.map((name) => {
      const [remote, local] = name.includes(':') ? name.split(/:(.*)/s) : [undefined, name];
      const hints = [...(remote ? [{ source: `${inv.name} remote`, value: remote }] : []), ...named(local)];
      return { tool: inv.name, target: name, rule, hints };
    });
  switch (command ?? '') {
    case 'delete':
    case 'rm': {
      const names = words.slice(1);
      const snapshots = names.filter((n) => n.includes('/'));
      const instances = names.filter((n) => !n.includes('/'));
      return [...at(DELETES_WITH_DISKS, instances), ...at(DELETES_SNAPSHOT, snapshots)];
    }
    case 'restore':
      return at(REVERTS, words.slice(1, 2));
    case 'stop':
      return hasOption(o, '--force', '-f') ? at(POWERS_OFF, words.slice(1)) : [];
    case 'storage': {
      // storage delete POOL; storage volume delete POOL VOLUME
      if (words[1] === 'delete')
        return at({ ...DELETES_DISK, does: 'deletes the storage pool:' }, words.slice(2, 3));
      if (words[1] === 'volume' && (words[2] === 'delete' || words[2] === 'rm'))
        return at(DELETES_DISK, [words[4] ?? words[3] ?? '<volume>']);
      return [];
    }
    case 'snapshot':
      return words[1] === 'delete' ? at(DELETES_SNAPSHOT, words.slice(2, 3)) : [];
  }
  return [];
}

export const hypervisorsAnalyzer: Analyzer = {
  family: 'hypervisors',
  commands: ['virsh', 'qm', 'pct', 'VBoxManage', 'vboxmanage', 'lxc', 'incus'],
  // Without a connection URI or a remote, each acts on the hypervisor of this machine.
  // Knows a few of these programs' commands: the rest stay unrecognised (unverifiable in production).
  partial: true,
  local: true,
  environmentVariables: ['LIBVIRT_DEFAULT_URI'],
  analyze(inv) {
    if (inv.args.some((w) => w.value === '--help' || w.value === '-h' || w.value === 'help')) return [];
    const calls =
      inv.name === 'virsh'
        ? virsh(inv)
        : inv.name === 'qm' || inv.name === 'pct'
          ? proxmox(inv)
          : inv.name === 'lxc' || inv.name === 'incus'
            ? lxd(inv)
            : virtualbox(inv);
    return calls.map(toEffect);
  },
};
