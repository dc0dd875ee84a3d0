import type { Effect, Risk } from '../core/types.js';
import { hasOption, optionValue, parseOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { RSYNC_VALUE } from '../shell/cli-options/copies.js';
import { deletion, place } from './files/place.js';
import { isInside } from './paths.js';
import { find } from './files/find-deletes.js';
import { emptyingRisk } from './files/emptied.js';
import { mkfs, partition } from './files/disks.js';
import { permissions } from './files/permissions.js';

const BLOCK_DEVICE =
  /^\/dev\/(sd[a-z]|nvme\d|vd[a-z]|xvd[a-z]|hd[a-z]|mmcblk\d|disk\d|mapper\/|md\d|dm-\d|loop\d|rdisk\d)/;

function rm(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args);
  // rimraf (`npx rimraf dist`) and del-cli are `rm -rf` for Node projects: every path is a tree.
  const recursive = (inv.name !== 'rm' && inv.name !== 'srm') || hasOption(parsed, '-r', '-R', '--recursive');
  const effects = parsed.positionals.map((t) =>
    deletion(
      inv.name === 'srm' ? 'rm' : inv.name,
      inv,
      t,
      recursive,
      recursive ? 'deletes the tree' : 'deletes',
    ),
  );
  if (hasOption(parsed, '--no-preserve-root')) {
    for (const e of effects) {
      e.risk = 'critical';
      e.reason += ' (--no-preserve-root)';
    }
  }
  return effects;
}

function shred(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {
    withValue: ['-n', '--iterations', '-s', '--size', '--random-source'],
  });
  return parsed.positionals.map((t) => {
    const e = deletion('shred', inv, t, false, 'overwrites beyond recovery');
    if (BLOCK_DEVICE.test(e.target)) e.risk = 'critical';
    else if (e.risk === 'low' || e.risk === 'none' || e.risk === 'medium') e.risk = 'high';
    return e;
  });
}

function truncate(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: ['-s', '--size', '-r', '--reference', '-o'] });
  return parsed.positionals.map((t) => {
    const { path, cls } = place(inv, t, false);
    const risk = emptyingRisk(path, cls);
    return {
      operation: 'modify',
      tool: 'truncate',
      target: path,
      reversible: false,
      risk,
      reason: `truncates ${path}: ${cls.why}`,
      category: 'file',
    };
  });
}

/** Whether mv's destination is a lasting place in the project (not build output, a cache or scratch). */
function keepsInProject(inv: Invocation, dest: string): boolean {
  const word = inv.args.find((w) => w.value === dest);
  if (inv.remote || !word || word.dynamic) return false;
  const { path, cls } = place(inv, word, true);
  return isInside(path, inv.facts.cwd) && !cls.throwaway;
}

function mv(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: ['-t', '--target-directory', '-S', '--suffix'] });
  const dest =
    optionValue(parsed, '-t', '--target-directory') ??
    parsed.positionals[parsed.positionals.length - 1]?.value;
  const sources = optionValue(parsed, '-t', '--target-directory')
    ? parsed.positionals
    : parsed.positionals.slice(0, -1);
  if (dest === '/dev/null')
    return sources.map((s) => ({
      ...deletion('mv', inv, s, true, 'moves onto /dev/null, destroying'),
      risk: 'high' as Risk,
    }));
  // Moving a system or data path away is as good as deleting it for whatever depends on it. A loose file
  // brought into the project (`mv ~/Downloads/report.pdf docs/`) is kept where the work is, unless it lands
  // in build output or a cache, which the next clean removes.
  const keptInProject = dest !== undefined && keepsInProject(inv, dest);
  return sources.flatMap((s) => {
    const { path, cls } = place(inv, s, true);
    if (cls.risk !== 'critical' && cls.risk !== 'high') return [];
    if (cls.loose && keptInProject) return [];
    return [
      {
        operation: 'modify' as const,
        tool: 'mv',
        target: path,
        reversible: true,
        risk: cls.risk === 'critical' ? ('high' as Risk) : ('medium' as Risk),
        reason: `moves ${path} away: ${cls.why}`,
        category: 'file',
      },
    ];
  });
}

function dd(inv: Invocation): Effect[] {
  const of = inv.args.find((w) => w.value.startsWith('of='));
  if (!of) return [];
  const target = { value: of.value.slice(3), dynamic: of.dynamic };
  if (BLOCK_DEVICE.test(target.value)) {
    return [
      {
        operation: 'delete',
        tool: 'dd',
        target: target.value,
        reversible: false,
        risk: 'critical',
        reason: `dd writes raw data over the disk ${target.value}`,
        category: 'disk',
      },
    ];
  }
  const { path, cls } = place(inv, target, false);
  if (/^\/dev\/(null|zero|stdout)$/.test(path)) return [];
  // From a source that never ends and without count=, dd writes until the file system is full: every
  // program on the machine that writes (a database, its logs) then fails.
  const endless = inv.args.some((w) => /^if=\/dev\/(zero|u?random)$/.test(w.value));
  if (endless && !inv.args.some((w) => /^count=/.test(w.value)))
    return [
      {
        operation: 'modify',
        tool: 'dd',
        target: path,
        reversible: true,
        risk: 'high',
        reason: `dd writes ${path} from an endless source with no count=: it fills the file system`,
        category: 'disk',
      },
    ];
  return [
    {
      operation: 'modify',
      tool: 'dd',
      target: path,
      reversible: false,
      risk: cls.risk === 'low' || cls.risk === 'none' ? 'low' : cls.risk,
      reason: `dd overwrites ${path}: ${cls.why}`,
      category: 'file',
    },
  ];
}

const RSYNC_DELETE = [
  '--delete',
  '--delete-before',
  '--delete-during',
  '--delete-delay',
  '--delete-after',
  '--delete-excluded',
  '--del',
  '--remove-source-files',
];

function rsync(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: RSYNC_VALUE });
  const flag = RSYNC_DELETE.find((f) => parsed.options.has(f));
  if (!flag || hasOption(parsed, '-n', '--dry-run')) return []; // a dry run only lists what it would do
  const dest = parsed.positionals[parsed.positionals.length - 1];
  if (!dest) return [];
  const remote = /^([^/:]+@)?[^/:]+:/.exec(dest.value);
  if (remote) {
    const host = remote[0].replace(/^[^@]*@/, '').replace(/:$/, '');
    return [
      {
        operation: 'delete',
        tool: 'rsync',
        target: dest.value,
        reversible: false,
        risk: 'high',
        reason: `rsync ${flag} deletes files on ${host} that the source lacks`,
        hints: [{ source: 'rsync host', value: host }],
        category: 'file',
      },
    ];
  }
  const { path, cls } = place(inv, dest, true);
  const risk: Risk =
    cls.risk === 'low' || cls.risk === 'none' ? 'low' : cls.risk === 'medium' ? 'medium' : 'high';
  return [
    {
      operation: 'delete',
      tool: 'rsync',
      target: path,
      reversible: false,
      risk,
      reason: `rsync ${flag} deletes files in ${path} that the source lacks: ${cls.why}`,
      category: 'file',
    },
  ];
}

function unlink(inv: Invocation): Effect[] {
  return inv.args
    .filter((w) => !w.value.startsWith('-'))
    .map((t) => deletion(inv.name, inv, t, inv.name === 'rmdir' ? false : false, 'deletes'));
}

export const filesAnalyzer: Analyzer = {
  family: 'files',
  commands: [
    'rm',
    'find',
    'shred',
    'truncate',
    'mv',
    'dd',
    'mkfs',
    'mkfs.ext2',
    'mkfs.ext3',
    'mkfs.ext4',
    'mkfs.xfs',
    'mkfs.btrfs',
    'mkfs.vfat',
    'mkfs.fat',
    'mkfs.ntfs',
    'mkfs.exfat',
    'mke2fs',
    'mkswap',
    'wipefs',
    'fdisk',
    'sfdisk',
    'parted',
    'gdisk',
    'sgdisk',
    'chmod',
    'chown',
    'chgrp',
    'rsync',
    'unlink',
    'rmdir',
    'srm',
    'rimraf',
    'del-cli',
  ],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    if (inv.name.startsWith('mkfs')) return mkfs(inv);
    switch (inv.name) {
      case 'rm':
      case 'srm':
      case 'rimraf':
      case 'del-cli':
        return rm(inv);
      case 'find':
        return find(inv);
      case 'shred':
        return shred(inv);
      case 'truncate':
        return truncate(inv);
      case 'mv':
        return mv(inv);
      case 'dd':
        return dd(inv);
      case 'mke2fs':
      case 'mkswap':
      case 'wipefs':
        return mkfs(inv);
      case 'fdisk':
      case 'sfdisk':
      case 'parted':
      case 'gdisk':
      case 'sgdisk':
        return partition(inv);
      case 'chmod':
      case 'chown':
      case 'chgrp':
        return permissions(inv);
      case 'rsync':
        return rsync(inv);
      case 'unlink':
      case 'rmdir':
        return unlink(inv);
    }
    return [];
  },
};
