import type { Effect, Risk } from '../../core/types.js';
import { hasOption, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { classifyPath, isInside, isScratch, resolvePath } from '../paths.js';

// mount and umount. Mounting over, remounting or detaching a system path (/, /boot, /var, /home, /usr…)
// pulls files out from under running programs. A mount point made for the purpose (/mnt/x, /media/x,
// a scratch directory) hides nothing anyone uses: mounting an image there, or unmounting it, is everyday.

/** Directories whose subdirectories exist to be mounted on. */
const MOUNT_ROOTS = ['/mnt', '/media', '/run/media'];

const forMounting = (path: string) =>
  MOUNT_ROOTS.some((root) => isInside(path, root) && path !== root) || isScratch(path);

function mountEffect(inv: Invocation, where: string, risk: Risk, reason: string): Effect {
  return {
    operation: 'modify',
    tool: inv.name,
    target: where,
    reversible: false,
    risk,
    reason,
    category: 'host',
  };
}

/** mount with a source and a mount point, or -o remount; umount of a path, or of everything (-a). */
export function mounts(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {
    withValue: ['-o', '-t', '-O', '-L', '-U', '--options', '--types', '--test-opts'],
  });
  if (inv.name === 'umount' && hasOption(parsed, '-a', '--all'))
    return [
      mountEffect(inv, 'every mounted file system', 'high', 'umount -a detaches every mounted file system'),
    ];
  const points = parsed.positionals.map((w) =>
    inv.remote ? w.value : resolvePath(w.value, inv.facts.cwd, inv.facts.home),
  );
  const where = points[points.length - 1];
  if (!where) return [];
  const options = optionsOf(parsed.options.get('-o'), parsed.options.get('--options'));
  const verb = inv.name === 'umount' ? 'detaches' : /\bremount\b/.test(options) ? 'remounts' : 'mounts over';
  if (!inv.remote && forMounting(where))
    return [mountEffect(inv, where, 'low', `${inv.name} ${verb} ${where} (a mount point)`)];
  const cls = classifyPath(where, {
    cwd: inv.facts.cwd,
    home: inv.facts.home,
    recursive: true,
    remote: inv.remote,
  });
  const system = cls.risk === 'critical' || cls.risk === 'high';
  return [mountEffect(inv, where, system ? 'high' : 'medium', `${inv.name} ${verb} ${where} (${cls.why})`)];
}

const optionsOf = (...lists: (string[] | undefined)[]) => lists.flatMap((l) => l ?? []).join(',');
