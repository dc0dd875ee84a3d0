import type { Effect, Risk } from '../core/types.js';
import { hasOption, parseOptions, type ParsedOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { ownerOnly } from './files/owner-only.js';
import { ownedBySelf } from './files/owners.js';
import { isInside, resolvePath, writeGrantsPower } from './paths.js';

// `setfacl -m u:agent:rwx /etc/sudoers.d` hands out what `chmod o+w` would, one user at a time, and chmod's
// rules never saw it. An ACL entry for another user, a group or everyone is judged by where it lands:
// write where writing grants power (writeGrantsPower: system paths, access settings, git hooks), read of a
// file only its owner may read (a private key, /etc/shadow), or anything in the user's home outside the
// project. Entries for the user themself, and entries in the project or scratch space, hand out nothing.
// Taking entries away (`-x`, `-b`, `-k`) hands out nothing either: on a system path it is reported, low.

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

interface Grant {
  /** Whom the entries are for, for the messages (`guest`, `group ops`, `everyone`). */
  whom: string;
  reads: boolean;
  writes: boolean;
  /** The user's own entry: it matters only where writing grants power. */
  powerOnly?: boolean;
}

/** An entry such as `u:agent:rwx`, `d:g:ops:rw`, `o::rwx`, `user:bob:w`: what it gives someone else. */
function entryGrant(inv: Invocation, entry: string): Grant | undefined {
  const parts = entry.trim().split(':');
  if (parts[0] === 'd' || parts[0] === 'default') parts.shift();
  const [kind = '', qualifier = '', perms = ''] = parts;
  // The mask only limits other entries; the owner's own entry (`u::rw`) and the user's give no one else anything.
  if (!/^(u|user|g|group|o|other)$/.test(kind)) return undefined;
  if (/^u/.test(kind) && (qualifier === '' || ownedBySelf(inv, qualifier))) return undefined;
  if (/^g/.test(kind) && qualifier !== '' && ownedBySelf(inv, qualifier)) return undefined;
  const whom = /^o/.test(kind)
    ? 'everyone'
    : /^g/.test(kind)
      ? `the group ${qualifier || 'of the file'}`
      : qualifier;
  const octal = /^[0-7]$/.test(perms) ? Number(perms) : undefined;
  const reads = octal === undefined ? perms.includes('r') : (octal & 4) !== 0;
  const writes = octal === undefined ? perms.includes('w') : (octal & 2) !== 0;
  return reads || writes ? { whom, reads, writes } : undefined;
}

/** An entry whose kind and permissions are written out, whatever its name. */
const readable = (entry: string) =>
  /^((d|default):)?(u|user|g|group|m|mask|o|other):[^:]*:([rwxX-]*|[0-7])$/.test(entry.trim());

/** What the command's entries give others: one grant for all of them, unknown ones read as everything. */
function handedOut(inv: Invocation, parsed: ParsedOptions): Grant | undefined {
  if (hasOption(parsed, '-M', '--modify-file', '--set-file'))
    return { whom: 'whoever a file of entries names', reads: true, writes: true };
  const specs = ['-m', '--modify', '--set'].flatMap((o) => parsed.options.get(o) ?? []);
  // An entry computed at run time (`-m "$ACL"`) may hand out anything; a name alone (`u:$(whoami):rwx`) is read.
  const computed = specs.some(
    (spec) => inv.args.some((w) => w.dynamic && w.value.endsWith(spec)) && !spec.split(',').every(readable),
  );
  if (computed) return { whom: 'someone named at run time', reads: true, writes: true };
  const grants = specs.flatMap((spec) => spec.split(',').flatMap((e) => entryGrant(inv, e) ?? []));
  if (!grants.length) return selfWriteGrant(specs);
  return {
    whom: [...new Set(grants.map((g) => g.whom))].join(', '),
    reads: grants.some((g) => g.reads),
    writes: grants.some((g) => g.writes),
  };
}

/**
 * An entry that gives the user themself write access (`u:dev:rwx`): nothing handed to someone else, except
 * where writing grants power (`sudo setfacl -m u:dev:rwx /etc/sudoers.d` makes the user root).
 */
function selfWriteGrant(specs: readonly string[]): Grant | undefined {
  const writes = specs.some((spec) =>
    spec.split(',').some((e) => /^((d|default):)?(u|user):[^:]+:([rwxX-]*w[rwxX-]*|[2367])$/.test(e.trim())),
  );
  return writes ? { whom: 'the user', reads: false, writes: true, powerOnly: true } : undefined;
}

/** Why a grant on `path` matters, and how much, when it does. */
function grantMatters(inv: Invocation, grant: Grant, path: string, recursive: boolean): string | undefined {
  const where = { cwd: inv.facts.cwd, home: inv.facts.home, remote: inv.remote };
  // A grant on a directory lets the grantee create files in it: as much as writing one there would.
  const power = writeGrantsPower(path, where) ?? writeGrantsPower(`${path.replace(/\/+$/, '')}/x`, where);
  if (grant.writes && power) return `lets ${grant.whom} write ${path} (${power.why})`;
  if (grant.powerOnly) return undefined;
  const secret = ownerOnly(path, recursive);
  if (secret) return `lets ${grant.whom} read ${path} (${secret})`;
  const { home, cwd } = inv.facts;
  const homeOutsideProject = isInside(path, home) && !isInside(path, cwd) && !inv.remote;
  if (homeOutsideProject || (!inv.remote && isInside(home, path)))
    return `opens ${path} to ${grant.whom} (the home directory's files)`;
  return undefined;
}

/** `-b`, `-k`, `-x`: entries taken away. On a system path a service may lose the access it ran with. */
function removal(inv: Invocation, parsed: ParsedOptions, path: string): string | undefined {
  const removes = hasOption(parsed, '-b', '--remove-all', '-k', '--remove-default', '-x', '--remove', '-X');
  if (!removes) return undefined;
  const where = { cwd: inv.facts.cwd, home: inv.facts.home, remote: inv.remote };
  const system = writeGrantsPower(path, where) ?? writeGrantsPower(`${path.replace(/\/+$/, '')}/x`, where);
  return system
    ? `takes ACL entries away from ${path} (${system.why}): who relied on them loses access`
    : undefined;
}

export const aclsAnalyzer: Analyzer = {
  family: 'acls',
  commands: ['setfacl'],
  local: true,
  environmentVariables: [],
  analyze(inv): Effect[] {
    const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
    const recursive = hasOption(parsed, '-R', '--recursive');
    const grant = handedOut(inv, parsed);
    return parsed.positionals.flatMap((target): Effect[] => {
      const path =
        target.dynamic || inv.remote
          ? target.value
          : resolvePath(target.value, inv.facts.cwd, inv.facts.home);
      const granted =
        grant &&
        (target.dynamic
          ? `changes who may use ${path} (a path computed at run time)`
          : grantMatters(inv, grant, path, recursive));
      const why = granted ?? (target.dynamic ? undefined : removal(inv, parsed, path));
      if (!why) return [];
      const risk: Risk = granted ? 'high' : 'low';
      return [
        {
          operation: 'modify',
          tool: inv.name,
          target: path,
          reversible: false,
          risk,
          reason: `${inv.name} ${why}`,
          category: 'file',
        },
      ];
    });
  },
};
