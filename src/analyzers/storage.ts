import type { Effect, Operation, Risk } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';

// Disks, volumes and network links below the file system: `blkdiscard /dev/nvme1n1`, `nvme format`,
// `cryptsetup luksErase`, `lvremove vg0/data`, `mdadm --zero-superblock`, `zfs destroy`, `ip link set eth0
// down`. None of them names a file an agent would recognise, and each was allowed or only guessed at from
// its verb. Reading (`lvs`, `zfs list`, `ip link show`, `nvme list`) stays allowed: no rule here matches it.

interface Rule {
  operation: Operation;
  risk: Risk;
  /** What it does to the target, for the reason: "discards every block of". */
  does: string;
  category?: string;
}

const effect = (inv: Invocation, target: string, rule: Rule): Effect => ({
  operation: rule.operation,
  tool: inv.name,
  target,
  reversible: false,
  risk: rule.risk,
  reason: `${inv.name} ${rule.does} ${target}`,
  category: rule.category ?? 'disk',
});

/** A dry run: known to only look, so the verb (`destroy`) is not taken at its word. */
const DRY_RUN: Rule = { operation: 'read', risk: 'none', does: 'only reports what it would destroy in' };
const ERASES: Rule = { operation: 'delete', risk: 'critical', does: 'erases the data on' };
const DESTROYS_VOLUME: Rule = {
  operation: 'delete',
  risk: 'critical',
  does: 'deletes the volume and its data:',
};

/** The positional words: options left out, and the value after each option in `withValue`. */
function operands(inv: Invocation, withValue: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < inv.args.length; i++) {
    const w = inv.args[i]!.value;
    if (w === '--') {
      out.push(...inv.args.slice(i + 1).map((a) => a.value));
      break;
    }
    if (withValue.includes(w)) i++;
    else if (!w.startsWith('-')) out.push(w);
  }
  return out;
}

const has = (inv: Invocation, ...flags: string[]) =>
  inv.args.some(
    (a) => flags.includes(a.value) || flags.some((f) => f.startsWith('--') && a.value.startsWith(`${f}=`)),
  );

/** Whether `word` is `full` or a prefix of it at least `min` letters long (how ip, tc and btrfs read words). */
const prefixOf = (word: string | undefined, full: string, min: number) =>
  word !== undefined && word.length >= min && full.startsWith(word);

/** blkdiscard DEVICE: every block (or a range of them) discarded; there is nothing to undo. */
function blkdiscard(inv: Invocation): Effect[] {
  const device = operands(inv, ['-o', '--offset', '-l', '--length', '-p', '--step'])[0];
  return device ? [effect(inv, device, { ...ERASES, does: 'discards every block of' })] : [];
}

/** Subcommands that wipe a device or its keys (without the keys, a LUKS volume's data is gone). */
const CRYPTSETUP_ERASE = new Set(['luksErase', 'erase', 'luksKillSlot', 'luksFormat', 'luksRemoveKey']);

function cryptsetup(inv: Invocation): Effect[] {
  const [verb, device] = operands(inv, [
    '--type',
    '-c',
    '--cipher',
    '-s',
    '--key-size',
    '-d',
    '--key-file',
    '-S',
    '--key-slot',
  ]);
  if (!verb || !device) return [];
  if (verb === 'luksRemoveKey' || verb === 'luksKillSlot')
    return [
      effect(inv, device, { operation: 'modify', risk: 'high', does: `${verb} removes a key that opens` }),
    ];
  return CRYPTSETUP_ERASE.has(verb)
    ? [effect(inv, device, { ...ERASES, does: `${verb} destroys the keys and data of` })]
    : [];
}

/** nvme format|sanitize|delete-ns DEVICE; hdparm's secure erase and sector writes; sg_format --format. */
function deviceEraser(inv: Invocation): Effect[] {
  const ops = operands(inv, [
    '-n',
    '--namespace-id',
    '--user-master',
    '--security-erase',
    '--security-erase-enhanced',
    '--security-set-pass',
  ]);
  const device = ops.find((o) => o.startsWith('/dev/')) ?? ops.at(-1);
  if (!device) return [];
  switch (inv.name) {
    case 'nvme':
      return ['format', 'sanitize', 'delete-ns', 'detach-ns'].includes(ops[0] ?? '')
        ? [effect(inv, device, { ...ERASES, does: `${ops[0]} erases` })]
        : [];
    case 'hdparm':
      return has(
        inv,
        '--security-erase',
        '--security-erase-enhanced',
        '--write-sector',
        '--trim-sector-ranges',
        '--make-bad-sector',
      )
        ? [effect(inv, device, ERASES)]
        : [];
    default:
      return has(inv, '--format', '-F')
        ? [effect(inv, device, { ...ERASES, does: 'low-level formats' })]
        : [];
  }
}

/** LVM: removing or shrinking a volume, a group or a physical volume's label. */
function lvm(inv: Invocation): Effect[] {
  const targets = operands(inv, ['-L', '--size', '-l', '--extents', '--config', '--select', '-S']);
  const rule: Rule =
    inv.name === 'lvreduce'
      ? { operation: 'modify', risk: 'high', does: 'shrinks the volume (data beyond the new size is lost):' }
      : DESTROYS_VOLUME;
  return (targets.length ? targets : ['<the selected volumes>']).map((t) => effect(inv, t, rule));
}

/** mdadm: a member's RAID metadata wiped, an array stopped, a disk failed out of it. */
function mdadm(inv: Invocation): Effect[] {
  const devices = operands(inv).filter((o) => o.startsWith('/dev/') || !o.includes('='));
  const target = devices.join(' ') || '<devices>';
  if (has(inv, '--zero-superblock'))
    return [effect(inv, target, { ...ERASES, does: 'wipes the RAID metadata of' })];
  if (has(inv, '--stop', '-S', '--fail', '-f', '--remove', '-r'))
    return [
      effect(inv, target, { operation: 'modify', risk: 'high', does: 'stops or degrades the RAID array' }),
    ];
  return [];
}

/** zfs destroy|rollback, zpool destroy|labelclear|offline; btrfs subvolume|device delete. */
function zfsLike(inv: Invocation): Effect[] {
  const ops = operands(inv, ['-o', '-O', '-t']);
  const [verb, next] = ops;
  const target = (inv.name === 'btrfs' ? ops.slice(2) : ops.slice(1)).join(' ') || '<dataset>';
  if (inv.name === 'btrfs') {
    // btrfs takes any unambiguous prefix of its words: `btrfs su de`, `btrfs sub del`.
    const deleting =
      (prefixOf(verb, 'subvolume', 2) || prefixOf(verb, 'device', 3)) &&
      (prefixOf(next, 'delete', 2) || prefixOf(next, 'remove', 3));
    return deleting ? [effect(inv, target, DESTROYS_VOLUME)] : [];
  }
  if (verb === 'destroy' || verb === 'labelclear')
    return inv.name === 'zfs' && inv.args.some((w) => /^-[a-zA-Z]*n[a-zA-Z]*$/.test(w.value))
      ? [effect(inv, target, DRY_RUN)] // -n (also clustered: -nv, -rn) only reports what would go
      : [effect(inv, target, DESTROYS_VOLUME)];
  if (verb === 'rollback')
    return [
      effect(inv, target, {
        operation: 'replace',
        risk: has(inv, '-r', '-R') ? 'critical' : 'high',
        does: 'rolls back, losing every change (and with -r every later snapshot) since',
      }),
    ];
  if (inv.name === 'zpool' && (verb === 'offline' || verb === 'detach'))
    return [
      effect(inv, target, {
        operation: 'modify',
        risk: 'high',
        does: `${verb} takes a disk out of the pool:`,
      }),
    ];
  return [];
}

/** A network link taken down: `ip link set eth0 down`, `ifdown eth0`, `nmcli connection|device down X`. */
function linkDown(inv: Invocation): Effect[] {
  const ops = operands(inv);
  const down: Rule = {
    operation: 'modify',
    risk: 'high',
    does: 'takes down the network link',
    category: 'host',
  };
  if (inv.name === 'ifdown' || inv.name === 'ifconfig') {
    const name = inv.name === 'ifdown' && has(inv, '-a', '--all') ? 'every interface' : ops[0];
    if (inv.name === 'ifconfig' && ops.at(-1) !== 'down') return [];
    return name ? [effect(inv, name, down)] : [];
  }
  if (inv.name === 'nmcli') {
    if (prefixOf(ops[0], 'networking', 1) && ops[1] === 'off') return [effect(inv, 'every connection', down)];
    const at = ops.findIndex((o) => o === 'down' || o === 'disconnect');
    return at > 0 && ['c', 'con', 'connection', 'd', 'dev', 'device'].includes(ops[0] ?? '') && ops[at + 1]
      ? [effect(inv, ops[at + 1]!, down)]
      : [];
  }
  // ip [-4|-6|-s…] link set [dev] NAME … down (ip takes prefixes: `ip l s eth0 down`); `ip addr flush dev X`.
  const link = ops.findIndex((o) => prefixOf(o, 'link', 1));
  const addr = ops.findIndex((o) => prefixOf(o, 'address', 1));
  if (addr >= 0 && prefixOf(ops[addr + 1], 'flush', 1)) {
    const dev = ops[ops.indexOf('dev') + 1] ?? ops[addr + 2] ?? '<device>';
    return [effect(inv, dev, { ...down, does: 'removes every address from' })];
  }
  if (link < 0 || !prefixOf(ops[link + 1], 'set', 1) || !ops.includes('down')) return [];
  const name = ops[link + 2] === 'dev' ? ops[link + 3] : ops[link + 2];
  return name ? [effect(inv, name, down)] : [];
}

/** tc netem that drops or delays every packet of a link: the host is cut off as surely as by `down`. */
function tc(inv: Invocation): Effect[] {
  const ops = operands(inv);
  // tc takes prefixes too: `tc qd a dev eth0 root netem loss 100%`.
  const changes = ['add', 'change', 'replace'].some((v) => prefixOf(ops[1], v, 1));
  if (!prefixOf(ops[0], 'qdisc', 2) || !changes || !ops.includes('netem')) return [];
  const device = ops[ops.indexOf('dev') + 1] ?? '<device>';
  // `loss [random] 100%`
  const after = ops.slice(ops.indexOf('loss') + 1);
  const loss = after[0] === 'random' ? after[1] : after[0];
  const total = ops.includes('loss') && loss !== undefined && /^100(\.0+)?%$/.test(loss);
  // The loopback device on this machine: a test of how its own programs cope. On a server, its database,
  // pooler and health checks talk over lo too.
  if (device === 'lo' && !inv.remote)
    return [
      effect(inv, device, {
        operation: 'modify',
        risk: 'low',
        does: 'degrades (netem) the loopback traffic on',
        category: 'host',
      }),
    ];
  return [
    effect(inv, device, {
      operation: 'modify',
      risk: total ? 'high' : 'medium',
      does: total ? 'drops every packet on' : 'degrades (netem) the traffic on',
      category: 'host',
    }),
  ];
}

const HANDLERS: Record<string, (inv: Invocation) => Effect[]> = {
  blkdiscard,
  cryptsetup,
  nvme: deviceEraser,
  hdparm: deviceEraser,
  sg_format: deviceEraser,
  lvremove: lvm,
  vgremove: lvm,
  pvremove: lvm,
  lvreduce: lvm,
  mdadm,
  zfs: zfsLike,
  zpool: zfsLike,
  btrfs: zfsLike,
  ip: linkDown,
  ifdown: linkDown,
  ifconfig: linkDown,
  nmcli: linkDown,
  tc,
};

export const storageAnalyzer: Analyzer = {
  family: 'storage',
  commands: Object.keys(HANDLERS),
  local: true,
  environmentVariables: [],
  // Knows the commands above only: `ip route add`, `nmcli connection up` stay as unrecognised as before.
  partial: true,
  analyze(inv) {
    return HANDLERS[inv.name]?.(inv) ?? [];
  },
};
