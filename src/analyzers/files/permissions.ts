import { riskRank, type Effect, type Risk } from '../../core/types.js';
import { hasOption, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { isInside, isScratch, writeGrantsPower } from '../paths.js';
import { anyoneLosesExecute, othersGain, readMode, type ModeChange } from './modes.js';
import { ownerOnly } from './owner-only.js';
import { ownedBySelf } from './owners.js';
import { place } from './place.js';

// chmod, chown and chgrp. What decides is what the mode or the owner hands out, and where: power (a setuid
// bit, others' write where writing grants power, a system file to another user), exposure (a private key
// others may read), or breakage (a system program no one may run). A change that only takes from the
// group and others in the user's own files, or gives the user's files to the user, decides nothing.

const SYSTEM_PERMISSION_RISK: Record<Risk, Risk> = {
  critical: 'critical',
  high: 'high',
  medium: 'low',
  low: 'none',
  none: 'none',
};

/** Where the machine's programs live: taking their execute bit away breaks whatever runs them. */
const SYSTEM_PROGRAMS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

interface Finding {
  risk: Risk;
  what: (path: string) => string;
}

/** A setuid bit runs the program as its owner (root for a system binary) wherever it is. */
function setuidBits(mode: string, change: ModeChange): (Finding & { anywhere: boolean }) | undefined {
  if (change.setuid)
    return { risk: 'high', what: (p) => `${mode} sets the setuid bit of ${p}`, anywhere: true };
  // A setgid directory in a project only passes its group on.
  if (change.setgid)
    return { risk: 'high', what: (p) => `${mode} sets the setgid bit of ${p}`, anywhere: false };
  return change.adds.o.has('w')
    ? { risk: 'high', what: (p) => `${mode} lets anyone write ${p}`, anywhere: false }
    : undefined;
}

/** A private key others may read is a key others hold. */
function exposure(mode: string, change: ModeChange, path: string, recursive: boolean): Finding | undefined {
  const secret = othersGain(change, 'r') ? ownerOnly(path, recursive) : undefined;
  if (!secret) return undefined;
  const everyone = change.adds.o.has('r');
  return {
    risk: everyone ? 'high' : 'medium',
    what: (p) => `${mode} lets ${everyone ? 'every local user' : 'the group'} read ${p} (${secret})`,
  };
}

function breakage(mode: string, change: ModeChange, path: string): Finding | undefined {
  if (!anyoneLosesExecute(change) || !SYSTEM_PROGRAMS.some((dir) => isInside(path, dir))) return undefined;
  return { risk: 'high', what: (p) => `${mode} takes the execute bit from the system program ${p}` };
}

/**
 * Taking from the group and others only (`go-w`, `u+rwX,go-rwx`, `600`), in the user's own files or scratch:
 * nothing is handed out and the owner keeps reading and writing. On system paths services may lose access.
 */
function tightens(change: ModeChange, path: string, inv: Invocation, recursive: boolean): boolean {
  if (othersGain(change) || change.removes.u.has('r') || change.removes.u.has('w')) return false;
  // `chmod -R 600 dir` leaves the owner unable to enter the directories.
  if (recursive && change.removes.u.has('x')) return false;
  return !inv.remote && (isInside(path, inv.facts.home) || isScratch(path));
}

function chmodFinding(inv: Invocation, mode: string, path: string, recursive: boolean) {
  const change = readMode(mode);
  if (!change) return { verdict: 'judge' as const };
  const grant = setuidBits(mode, change);
  const where = { cwd: inv.facts.cwd, home: inv.facts.home, remote: inv.remote };
  if (grant && (grant.anywhere || writeGrantsPower(path, where)))
    return { verdict: 'found' as const, ...grant };
  const found = exposure(mode, change, path, recursive) ?? breakage(mode, change, path);
  if (found) return { verdict: 'found' as const, ...found };
  return tightens(change, path, inv, recursive)
    ? { verdict: 'nothing' as const }
    : { verdict: 'judge' as const };
}

/** Handing a system file to root takes nothing from anyone; to another user, it lets that user rewrite it. */
function ownerFinding(inv: Invocation, owner: string, path: string, dynamicPath: boolean) {
  const own = isInside(path, inv.facts.home) || isScratch(path);
  if (!dynamicPath && !inv.remote && own && ownedBySelf(inv, owner)) return { verdict: 'nothing' as const };
  const [user, group] = owner.split(/[:.]/);
  const name = inv.name === 'chgrp' ? owner : user || group || '';
  if (name === '' || name === 'root' || /^0+$/.test(name)) return { verdict: 'judge' as const };
  const where = { cwd: inv.facts.cwd, home: inv.facts.home, remote: inv.remote };
  return writeGrantsPower(path, where)
    ? { verdict: 'found' as const, risk: 'high' as Risk, what: (p: string) => `hands ${p} to ${owner}` }
    : { verdict: 'judge' as const };
}

/** `chmod -x file`: a mode that starts with a dash, which chmod takes as the mode (its own flags are -cfvR). */
const DASH_MODE = /^-[rwxXst]+$/;

export function permissions(inv: Invocation): Effect[] {
  const dashMode =
    inv.name === 'chmod' ? inv.args.find((w) => !w.dynamic && DASH_MODE.test(w.value)) : undefined;
  const args = inv.args.filter((w) => w !== dashMode);
  const parsed = parseOptions(args, { withValue: ['--reference', '--from'] });
  const recursive = hasOption(parsed, '-R', '--recursive');
  // The mode or owner comes first.
  const [modeOrOwner, ...targets] = dashMode ? [dashMode, ...parsed.positionals] : parsed.positionals;
  return targets.flatMap((t): Effect[] => {
    const { path, cls } = place(inv, t, recursive);
    const finding = !modeOrOwner
      ? { verdict: 'judge' as const }
      : inv.name === 'chmod'
        ? chmodFinding(inv, modeOrOwner.value, path, recursive)
        : ownerFinding(inv, modeOrOwner.value, path, t.dynamic);
    if (finding.verdict === 'nothing') return [];
    let risk = SYSTEM_PERMISSION_RISK[cls.risk];
    if (!recursive && risk === 'critical') risk = 'medium';
    if (!recursive && risk === 'high') risk = 'low';
    if (finding.verdict === 'found' && riskRank(risk) < riskRank(finding.risk)) risk = finding.risk;
    if (risk === 'none') return [];
    return [
      {
        operation: 'modify',
        tool: inv.name,
        target: path,
        reversible: false,
        risk,
        reason:
          finding.verdict === 'found'
            ? `${inv.name} ${finding.what(path)}`
            : `${inv.name}${recursive ? ' -R' : ''} changes access to ${path}: ${cls.why}`,
        category: 'file',
      },
    ];
  });
}
