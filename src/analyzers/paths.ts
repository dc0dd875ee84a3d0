import { posix } from 'node:path';
import type { Risk } from '../core/types.js';
import { windowsParts } from '../shell/windows-paths.js';

// Path arithmetic only (node:path/posix is pure string manipulation, no file system access).

export function resolvePath(target: string, cwd: string, home: string): string {
  const joined = plainJoin(target, cwd);
  if (joined !== undefined) return joined;
  let p = target;
  if (p === '~') p = home;
  else if (p.startsWith('~/')) p = posix.join(home, p.slice(2));
  const resolved = posix.resolve(cwd, p);
  return resolved.length > 1 && resolved.endsWith('/') ? resolved.slice(0, -1) : resolved;
}

/** An absolute directory that resolve would leave as it is: no `.`, `..` or empty part, no trailing `/`. */
const NORMAL_DIR = /^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/;

/**
 * `name` or `./name` in a normal directory: what resolve returns, without its general walk over both
 * paths (`rm` with fifty arguments resolves each twice: for the effect and for the approval's inputs).
 */
function plainJoin(target: string, cwd: string): string | undefined {
  const name = target.startsWith('./') ? target.slice(2) : target;
  if (name === '' || name === '.' || name === '..' || name.startsWith('~') || name.includes('/')) return;
  return NORMAL_DIR.test(cwd) ? `${cwd}/${name}` : undefined;
}

const SYSTEM_ROOTS = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/opt',
  '/proc',
  '/root',
  '/sbin',
  '/srv',
  '/sys',
  '/usr',
  '/var',
  '/home',
  '/mnt',
  '/media',
  '/snap',
  '/Applications',
  '/Library',
  '/System',
  '/Users',
  '/private',
];
const SCRATCH_ROOTS = ['/tmp', '/var/tmp', '/dev/shm', '/private/tmp'];
const DATA_PATH =
  /(^|\/)(data|pgdata|postgres(ql)?|mysql|mariadb|mongo(db)?|redis|elasticsearch|kafka|zookeeper|etcd|backups?|snapshots?|volumes|uploads|media)(\/|$)/i;
const DATA_FILE = /\.(db|sqlite3?|sql|dump|bak|backup|tfstate|wal|mdb|ldb|parquet|avro|rdb|aof)$/i;
const SECRET_FILE =
  /(^|\/)(\.env(\.[\w.-]+)?|\.ssh|\.aws|\.kube|\.gnupg|id_[a-z0-9]+|credentials|\.netrc|\.pgpass|\.npmrc|\.docker)(\/|$)/i;
/**
 * Directories only a package manager, a test runner or a build fills, by names nothing else has (`dist` or
 * `build` may be anyone's): wherever in a home directory they are, deleting them loses nothing.
 */
const DEPENDENCY_CACHES = new Set([
  'node_modules',
  '__pycache__',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.tox',
  '.nox',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.parcel-cache',
  '.angular',
  '.dart_tool',
  '.nyc_output',
]);
/** The shells' and REPLs' records of the commands typed: `~/.bash_history`, `~/.zsh_history`. */
const SHELL_HISTORY =
  /(^|\/)(\.(bash|zsh|sh|ksh|ash|mysql|psql|python|node_repl|rediscli|sqlite)_history|\.histfile|fish_history)$/;
/** A shell history file, by its name: judged so on another machine too, where paths are not resolved. */
export const shellHistoryFile = (path: string): PathClass | undefined =>
  SHELL_HISTORY.test(path)
    ? { risk: 'medium', why: 'the shell history: the record of the commands run', riskInProduction: 'high' }
    : undefined;
/**
 * `.git/index.lock`, `.git/refs/heads/main.lock`: what a git command that stopped halfway leaves, which
 * blocks the next one; the file it guards is beside it, untouched.
 */
const GIT_LOCK = /(^|\/)\.git\/([^/]+\/)*[^/*?[]+\.lock$/;
/** Directories any build recreates: deleting them is routine work. */
const REGENERABLE = new Set([
  ...DEPENDENCY_CACHES,
  'dist',
  'build',
  'out',
  'target',
  '.cache',
  'coverage',
  '.venv',
  'venv',
  '.gradle',
  '.terraform',
  'tmp',
  '.tmp',
  'temp',
  'bin',
  'obj',
  'storybook-static',
  'playwright-report',
  'blob-report',
  'test-results',
  'htmlcov',
  '.vite',
  '.eslintcache',
  '.expo',
  'DerivedData',
  'vendor',
  'logs',
  'log',
]);
const REGENERABLE_FILE =
  /\.(pyc|pyo|o|obj|class|log|tmp|swp|orig|rej|tsbuildinfo|egg-info)$|(^|\/)(\.DS_Store|package-lock\.json|yarn\.lock|pnpm-lock\.yaml)$/i;

/** A name (a directory or a file) that builds and tools make again: `__pycache__`, `dist`, `x.pyc`. */
export function isRegenerableName(name: string): boolean {
  return REGENERABLE.has(name) || REGENERABLE_FILE.test(name);
}

/** A directory's name that only dependencies or caches have: `node_modules`, `.pytest_cache`, `x.egg-info`. */
export function isDependencyCacheName(name: string): boolean {
  return DEPENDENCY_CACHES.has(name) || name.endsWith('.egg-info');
}

export function isInside(path: string, dir: string): boolean {
  // Asked several times per target: no `${dir}/` string is built to ask it.
  return (
    path.startsWith(dir) && (path.length === dir.length || dir.endsWith('/') || path[dir.length] === '/')
  );
}

/** A path inside a scratch directory (`/tmp/x`, not `/tmp` itself). */
export function isScratch(path: string): boolean {
  return SCRATCH_ROOTS.some((r) => isInside(path, r) && path !== r);
}

export interface PathClass {
  risk: Risk;
  why: string;
  /** Worse on a production host (the shell history: what an incident there is read from). */
  riskInProduction?: Risk;
  /** Scratch space, build output or a cache: nothing anyone needs to keep, whatever the risk says. */
  throwaway?: true;
  /** Outside the project, but no system, data, secret or history path: it matters if lost, not if moved. */
  loose?: true;
}

/** Directories of a Windows drive that hold the system and its programs (`C:\Windows`, `C:\Program Files`). */
const WINDOWS_SYSTEM = new Set([
  'windows',
  'program files',
  'program files (x86)',
  'programdata',
  'recovery',
  'boot',
  'system volume information',
]);

/** A Windows temp directory's contents: `C:\Windows\Temp\x`, `%TEMP%\x`, `C:\Temp\x`. */
const windowsScratch = (parts: readonly string[]) =>
  (parts.length > 1 && (parts[0] === 'temp' || parts[0] === 'tmp')) ||
  (parts.length > 2 && parts[0] === 'windows' && parts[1] === 'temp') ||
  (parts.length > 5 && parts[0] === 'users' && parts.slice(2, 5).join('/') === 'appdata/local/temp');

/**
 * A path on a Windows drive, where its place says how bad destroying it is: the whole drive, the system's
 * directories, a user's home (C:\Users\<name> is someone's ~), temp space. Undefined elsewhere on the drive:
 * the general rules (data, secrets, build output, outside the project) judge those.
 */
function classifyWindowsPath(path: string, cwd: string, recursive: boolean): PathClass | undefined {
  const parts = windowsParts(path);
  // The project itself, or a parent of it (WSL's /mnt/c/Users/dev/repo): the general rules say so.
  if (!parts || isInside(cwd, path)) return undefined;
  const home = parts[0] === 'users' && parts.length === 2;
  if (/[*?[]/.test(parts.at(-1) ?? '') && recursive) {
    const dir = posix.dirname(path);
    const parent = parts.slice(0, -1);
    // The drive, every user's home, or one home: all of it.
    const everything = parent.length === 0 || (parent[0] === 'users' && parent.length <= 2);
    return everything ? { risk: 'critical', why: `everything in ${dir}` } : undefined;
  }
  if (parts.length === 0) return { risk: 'critical', why: `the whole drive ${path}` };
  if (windowsScratch(parts)) return { risk: 'low', why: 'a scratch directory', throwaway: true };
  if (WINDOWS_SYSTEM.has(parts[0]!) || (parts[0] === 'users' && parts.length === 1))
    return parts.length === 1
      ? { risk: 'critical', why: `the system directory ${path}` }
      : { risk: 'high', why: 'a system path' };
  if (home) return { risk: 'critical', why: 'a home directory' };
  if (parts[0] === 'users' && parts.length === 3 && recursive)
    return { risk: 'high', why: 'a top-level directory of a home directory' };
  return undefined;
}

/**
 * How bad it is to destroy `path` (already resolved). `recursive` means a whole tree goes.
 * The project is the current directory; HOME and the system directories are never routine.
 */
/** Caches under the home directory that tools fill again when needed (XDG, npm, pnpm, yarn, cargo, go, gradle, maven, macOS). */
const HOME_CACHES = [
  '.cache',
  '.npm/_cacache',
  '.npm/_npx',
  '.pnpm-store',
  '.local/share/pnpm/store',
  '.yarn/cache',
  '.bun/install/cache',
  '.cargo/registry',
  'go/pkg/mod',
  '.gradle/caches',
  '.m2/repository',
  '.nuget/packages',
  'Library/Caches',
];

export function classifyPath(
  path: string,
  opts: { cwd: string; home: string; recursive: boolean; remote?: boolean },
): PathClass {
  const { cwd, home, recursive } = opts;
  const base = posix.basename(path);
  const windows = classifyWindowsPath(path, cwd, recursive);
  if (windows) return windows;
  if (/[*?[]/.test(base) && recursive) {
    const dir = posix.dirname(path);
    const parent = classifyPath(dir, { ...opts, recursive: true });
    if (dir === cwd || dir === home || dir === '/') return { risk: 'critical', why: `everything in ${dir}` };
    if (parent.risk === 'low' || parent.risk === 'none') return parent;
    return {
      risk: parent.risk === 'critical' ? 'high' : parent.risk,
      why: `files matching ${base} in ${dir}`,
    };
  }
  if (path === '/') return { risk: 'critical', why: 'the root file system' };
  if (path === home) return { risk: 'critical', why: 'the home directory' };
  if (isInside(cwd, path))
    return {
      risk: 'critical',
      why: path === cwd ? 'the current project directory' : 'a parent of the current directory',
    };
  if (SECRET_FILE.test(path)) return { risk: 'high', why: 'credentials or secrets' };
  const history = shellHistoryFile(path);
  if (history) return history;
  if (GIT_LOCK.test(path) && !opts.remote)
    return { risk: 'low', why: 'a lock file a git command left behind', throwaway: true };
  if (/(^|\/)\.git(\/|$)/.test(path) && !opts.remote) return { risk: 'high', why: 'git history' };
  // A file in a scratch directory is scratch whatever its name: `/tmp/draft.sql` is no database.
  if (SCRATCH_ROOTS.some((r) => isInside(path, r)) && path !== '/tmp' && path !== '/var/tmp')
    return { risk: 'low', why: 'a scratch directory', throwaway: true };
  if (DATA_FILE.test(path)) return { risk: 'high', why: 'a data or state file' };
  const regenerable = REGENERABLE.has(base) || REGENERABLE_FILE.test(path);
  if (!opts.remote && isInside(path, cwd)) {
    // Below a directory a build recreates (`tmp/preview`, `node_modules/.cache/x`), unless it is data.
    const within = path.slice(cwd.length).split('/').slice(1, -1);
    const systemCwd = cwd === '/' || SYSTEM_ROOTS.some((r) => isInside(cwd, r) && !isInside(cwd, home));
    if (!systemCwd && within.some((dir) => REGENERABLE.has(dir)) && !DATA_PATH.test(path.slice(cwd.length)))
      return { risk: 'low', why: 'inside build output or a cache that is regenerated', throwaway: true };
    if (regenerable)
      return { risk: 'low', why: 'build output or cache that is regenerated', throwaway: true };
    if (DATA_PATH.test(path.slice(cwd.length))) return { risk: 'high', why: 'a data directory' };
    return recursive
      ? { risk: 'medium', why: 'a directory in the project' }
      : { risk: 'low', why: 'a file in the project' };
  }
  if (SYSTEM_ROOTS.includes(path)) return { risk: 'critical', why: `the system directory ${path}` };
  if (DATA_PATH.test(path)) return { risk: 'high', why: 'a data directory' };
  if (
    SYSTEM_ROOTS.some((r) => isInside(path, r)) &&
    !isInside(path, home) &&
    !path.startsWith('/home/') &&
    !path.startsWith('/Users/')
  ) {
    return { risk: 'high', why: 'a system path' };
  }
  if (regenerable) return { risk: 'low', why: 'build output or cache that is regenerated', throwaway: true };
  if (HOME_CACHES.some((c) => isInside(path, posix.join(home, c))))
    return {
      risk: 'low',
      why: 'a package or build cache, downloaded or built again when needed',
      throwaway: true,
    };
  if (isInside(path, home)) {
    const depth = path.slice(home.length).split('/').filter(Boolean).length;
    if (depth === 1 && recursive) return { risk: 'high', why: 'a top-level directory of the home directory' };
  }
  return recursive
    ? { risk: 'high', why: 'a directory outside the project', loose: true }
    : { risk: 'medium', why: 'a file outside the project', loose: true };
}

/** Where an added line grants access or runs a program: keys, cloud and cluster profiles, package registries. */
const ACCESS_FILE =
  /(^|\/)(\.ssh|\.aws|\.kube|\.gnupg|\.docker|id_[a-z0-9]+|credentials|\.netrc|\.pgpass|\.npmrc)(\/|$)/i;
/** Not places whose new files change how anything behaves: mounted volumes and users' homes (paths above say). */
const PLAIN_WRITE_ROOTS = ['/home', '/Users', '/mnt', '/media', '/dev', '/private/tmp'];

/**
 * Why new bytes at `path` (already resolved) can change how the system or an account behaves, when they can:
 * a file created or appended to in a system directory (a cron job, a sudoers rule, a library loaded at
 * start, a service), access settings (an authorized key, a cloud profile that runs a credential program),
 * git's hooks and configuration (both run code).
 * classifyPath asks what destroying a path costs; this asks what writing there grants, so a file that
 * does not exist yet, or that only grows, still counts. Data files, a project's .env and ordinary files
 * outside the project do not: growing them grants nothing.
 */
export function writeGrantsPower(
  path: string,
  opts: { cwd: string; home: string; remote?: boolean },
): PathClass | undefined {
  // A project's own .npmrc or credentials file is the project's configuration, edited as part of the work
  // (not when the "project" is the home directory or holds it: then ~/.ssh is inside it).
  const inProject = !opts.remote && isInside(path, opts.cwd) && !isInside(opts.home, opts.cwd);
  if (ACCESS_FILE.test(path) && !inProject) return { risk: 'high', why: 'credentials or access settings' };
  if (!opts.remote && /(^|\/)\.git\/(hooks|config)(\/|$)/.test(path))
    return { risk: 'high', why: 'git hooks or configuration' };
  const windows = windowsParts(path);
  if (windows)
    return windows.length > 1 && WINDOWS_SYSTEM.has(windows[0]!) && !windowsScratch(windows)
      ? { risk: 'high', why: 'a system path' }
      : undefined;
  if (!path.startsWith('/') || isInside(path, opts.home)) return undefined;
  if (SCRATCH_ROOTS.some((r) => isInside(path, r)) || PLAIN_WRITE_ROOTS.some((r) => isInside(path, r)))
    return undefined;
  return SYSTEM_ROOTS.some((r) => isInside(path, r) && path !== r)
    ? { risk: 'high', why: 'a system path' }
    : undefined;
}
