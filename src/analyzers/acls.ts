import type { Effect } from '../core/types.js';
import { hasOption, parseOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { resolvePath, writeGrantsPower } from './paths.js';

// `setfacl -m u:agent:rwx /etc/sudoers.d` hands out what `chmod o+w` would, one user at a time, and chmod's
// rules (files.ts) never saw it. An ACL entry that lets a user, a group or everyone write (or run) where
// writing grants power (writeGrantsPower: system paths, access settings, git hooks) is a high-risk change
// of who may do what. Taking entries away (`-x`, `-b`, `-k`) hands out nothing.

const VALUE_OPTIONS = [
  '-m',
  '--modify',
  '-M',
  '--modify-file',
  '-x',
  '--remove',
  '-X',
  '--remove-file',
  '--set',
  '--set-file',
];

/** An entry such as `u:agent:rwx`, `d:g:ops:rw`, `o::rwx`, `user:bob:w`: whom it is for and what it allows. */
function grantsWrite(entry: string): boolean {
  const parts = entry.trim().split(':');
  if (parts[0] === 'd' || parts[0] === 'default') parts.shift();
  const [kind = '', , perms = ''] = parts;
  // The mask only limits other entries; it hands out nothing by itself.
  if (!/^(u|user|g|group|o|other)$/.test(kind)) return false;
  return /w/.test(perms) || /^[2367]$/.test(perms); // `rw-`, or an octal digit with the write bit
}

/** What the command's entries hand out: a write grant, an unknown one (read from a file), or nothing. */
function handedOut(inv: Invocation): 'write' | 'unknown' | undefined {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '-M', '--modify-file', '--set-file')) return 'unknown';
  const entries = ['-m', '--modify', '--set'].flatMap((o) => parsed.options.get(o) ?? []);
  if (entries.some((spec) => spec.split(',').some(grantsWrite))) return 'write';
  // An entry computed at run time (`-m "$ACL"`) may hand out anything.
  return entries.length > 0 && inv.args.some((w) => w.dynamic) ? 'unknown' : undefined;
}

export const aclsAnalyzer: Analyzer = {
  family: 'acls',
  commands: ['setfacl'],
  local: true,
  environmentVariables: [],
  analyze(inv): Effect[] {
    const grant = handedOut(inv);
    if (!grant) return [];
    const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
    const where = { cwd: inv.facts.cwd, home: inv.facts.home, remote: inv.remote };
    return parsed.positionals.flatMap((target): Effect[] => {
      const path =
        target.dynamic || inv.remote
          ? target.value
          : resolvePath(target.value, inv.facts.cwd, inv.facts.home);
      // A grant on a directory lets the grantee create files in it: as much as writing one there would.
      const power = target.dynamic
        ? { why: 'a path computed at run time' }
        : (writeGrantsPower(path, where) ?? writeGrantsPower(`${path.replace(/\/+$/, '')}/x`, where));
      if (!power) return [];
      return [
        {
          operation: 'modify',
          tool: inv.name,
          target: path,
          reversible: false,
          risk: 'high',
          reason: `${inv.name} ${grant === 'write' ? 'lets others write' : 'changes who may write'} ${path} (${power.why})`,
          category: 'file',
        },
      ];
    });
  },
};
