import { lstatSync, readdirSync, realpathSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The managed tier: configuration an administrator installs for every user of the machine. Its location is
 * fixed (tests pass another through loadConfig's options). It is deliberately not an environment variable:
 * the agent sets those, and pointing one at any other root-owned directory (an empty one) would hide the
 * real managed policies without failing any ownership check.
 */
export const MANAGED_CONFIG_DIR = '/etc/interlock';

const GROUP_OR_WORLD_WRITABLE = 0o022;
const STICKY = 0o1000;

function ownership(path: string, st: Stats): string | undefined {
  if (st.uid !== 0) return `${path} is owned by uid ${st.uid}, not root`;
  if (st.mode & GROUP_OR_WORLD_WRITABLE) return `${path} is writable by group or others`;
  return undefined;
}

/** An ancestor may be world-writable only when sticky (like /tmp): then nobody else can rename our entry. */
function ancestorProblem(path: string): string | undefined {
  const st = lstatSync(path);
  if (st.uid !== 0) return `${path} is owned by uid ${st.uid}, not root`;
  if (st.mode & GROUP_OR_WORLD_WRITABLE && !(st.mode & STICKY))
    return `${path} is writable by group or others and not sticky`;
  const parent = dirname(path);
  return parent === path ? undefined : ancestorProblem(parent);
}

/** The files the loader reads from a managed directory: the config files, policies/ and its .cedar files. */
function managedEntries(dir: string): string[] {
  const top = readdirSync(dir).filter((f) => /^config\.(ya?ml|json)$/.test(f) || f === 'policies');
  const policies = top.includes('policies')
    ? readdirSync(join(dir, 'policies'))
        .filter((f) => f.endsWith('.cedar'))
        .map((f) => join('policies', f))
    : [];
  return [...top, ...policies].map((f) => join(dir, f));
}

/**
 * Why `dir` cannot be trusted as the managed tier, or undefined when it can: it, every file the loader reads
 * from it, and every directory above it must be owned by root and writable by nobody else. Symbolic links
 * inside it are refused, since what they point to may not be.
 */
export function managedDirProblem(dir: string): string | undefined {
  const real = realpathSync(dir);
  const own = ownership(real, lstatSync(real)) ?? ancestorProblem(dirname(real));
  if (own) return own;
  for (const path of managedEntries(real)) {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return `${path} is a symbolic link`;
    const problem = ownership(path, st);
    if (problem) return problem;
  }
  return undefined;
}
