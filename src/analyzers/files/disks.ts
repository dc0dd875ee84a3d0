import type { Effect } from '../../core/types.js';
import { hasOption, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { place } from './place.js';

// Tools that write file systems and partition tables onto disks: mkfs, wipefs, fdisk, sfdisk, parted,
// gdisk. Each also has ways of only looking (`wipefs /dev/sdb`, `sfdisk -d`, `parted print`, a dry run).

/** Options of mke2fs (mkfs.ext2/3/4) that take a value: -c, -F, -j, -n, -q, -S are flags there. */
const MKE2FS_VALUE = [
  '-b',
  '-C',
  '-d',
  '-e',
  '-E',
  '-g',
  '-G',
  '-i',
  '-I',
  '-J',
  '-l',
  '-L',
  '-m',
  '-M',
  '-N',
  '-o',
  '-O',
  '-r',
  '-t',
  '-T',
  '-U',
  '-z',
];

/** The other mkfs tools, together: a letter that takes a value in any of them. */
const MKFS_VALUE = [
  '-t',
  '-L',
  '-b',
  '-C',
  '-c',
  '-E',
  '-O',
  '-U',
  '-m',
  '-n',
  '-T',
  '-N',
  '-I',
  '-i',
  '-F',
  '-s',
];

/** Options of wipefs that take a value. */
const WIPEFS_VALUE = ['-o', '--offset', '-t', '--types', '-O', '--output', '--lock'];

/** wipefs erases with -a or -o; without them it lists the signatures, and -n (--no-act) erases nothing. */
function wipefsOnlyLooks(inv: Invocation): boolean {
  const parsed = parseOptions(inv.args, { withValue: WIPEFS_VALUE });
  return !hasOption(parsed, '-a', '--all', '-o', '--offset') || hasOption(parsed, '-n', '--no-act');
}

export function mkfs(inv: Invocation): Effect[] {
  if (inv.name === 'wipefs' && wipefsOnlyLooks(inv)) return [];
  const ext = /^(mke2fs|mkfs\.ext[234])$/.test(inv.name);
  const withValue = inv.name === 'wipefs' ? WIPEFS_VALUE : ext ? MKE2FS_VALUE : MKFS_VALUE;
  const parsed = parseOptions(inv.args, { withValue });
  const device = parsed.positionals[0];
  const target = device?.value ?? '<device>';
  if (device && !device.dynamic) {
    // A file system made inside a regular file (a disk image) formats no device: it overwrites that file.
    const { path, cls } = place(inv, device, false);
    if (!path.startsWith('/dev/'))
      return [
        {
          operation: 'modify',
          tool: inv.name,
          target: path,
          reversible: false,
          risk: cls.risk === 'none' ? 'low' : cls.risk,
          reason: `${inv.name} overwrites the image file ${path}: ${cls.why}`,
          category: 'file',
        },
      ];
  }
  return [
    {
      operation: 'delete',
      tool: inv.name,
      target,
      reversible: false,
      risk: 'critical',
      reason: `${inv.name} destroys every file system on ${target}`,
      category: 'disk',
    },
  ];
}

/** sfdisk's options that only print (or check) the table, and -n, which writes nothing. */
const SFDISK_READS = [
  '-d',
  '--dump',
  '-l',
  '--list',
  '-J',
  '--json',
  '-s',
  '--show-size',
  '-V',
  '--verify',
  '-g',
  '--show-geometry',
  '-F',
  '--list-free',
  '-T',
  '--list-types',
  '-v',
  '--version',
  '-h',
  '--help',
];
/** sfdisk's options that change the table whatever else is given. */
const SFDISK_WRITES = [
  '--delete',
  '--move-data',
  '-N',
  '--partition-number',
  '-A',
  '--activate',
  '-a',
  '--append',
  '-r',
  '--reorder',
  '--relocate',
];
/** Options that print a partition's attribute with DEVICE N, and set it when a value follows. */
const SFDISK_ATTRIBUTES: Record<string, number> = {
  '--part-type': 2,
  '--part-label': 2,
  '--part-uuid': 2,
  '--part-attrs': 2,
  '--disk-id': 1,
};
const SFDISK_VALUE = [
  '-N',
  '--partition-number',
  '-o',
  '--output',
  '-X',
  '--label',
  '-Y',
  '--label-nested',
  '-w',
  '--wipe',
  '-W',
  '--wipe-partitions',
  '-O',
  '--backup-file',
  '--sector-size',
  '-u',
  '--unit',
];

function sfdiskOnlyLooks(inv: Invocation): boolean {
  const parsed = parseOptions(inv.args, { withValue: SFDISK_VALUE });
  if (hasOption(parsed, '-n', '--no-act')) return true;
  if (hasOption(parsed, ...SFDISK_WRITES)) return false;
  const attribute = Object.keys(SFDISK_ATTRIBUTES).find((o) => parsed.options.has(o));
  if (attribute) return parsed.positionals.length <= SFDISK_ATTRIBUTES[attribute]!;
  return hasOption(parsed, ...SFDISK_READS);
}

export function partition(inv: Invocation): Effect[] {
  const readOnly =
    inv.name === 'sfdisk'
      ? sfdiskOnlyLooks(inv)
      : inv.args.some((w) => ['-l', '--list', '-s', 'print', '--print'].includes(w.value)) &&
        !inv.args.some((w) => ['mklabel', 'rm', 'mkpart'].includes(w.value));
  if (readOnly || inv.args.length === 0) return [];
  const device = inv.args.find((w) => w.value.startsWith('/dev/'))?.value ?? '<device>';
  return [
    {
      operation: 'modify',
      tool: inv.name,
      target: device,
      reversible: false,
      risk: 'critical',
      reason: `${inv.name} rewrites the partition table of ${device}`,
      category: 'disk',
    },
  ];
}
