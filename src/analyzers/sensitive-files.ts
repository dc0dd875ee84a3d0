import { posix } from 'node:path';
import { lastAnswer } from '../core/last-answer.js';
import type { Risk } from '../core/types.js';

// Which files an agent must not change without someone noticing: through its file tools (the hooks) or
// through the shell (guarded-writes.ts). Pure path arithmetic (node:path/posix).

export const SENSITIVE_CATEGORIES = [
  'interlock-config',
  'agent-hooks',
  'credentials',
  'terraform-state',
  'system',
  'startup-script',
  'data',
] as const;
type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export interface SensitiveFile {
  path: string;
  category: SensitiveCategory;
  risk: Risk;
  /** Why it matters, for the messages. */
  why: string;
  /** Terraform state describes infrastructure elsewhere: its environment is not "this machine". */
  remote: boolean;
}

export interface SensitiveContext {
  cwd: string;
  home: string;
  /** The user's Interlock configuration directory (~/.config/interlock). */
  userConfigDir: string;
}

/** Resolve `~`, relative paths and `..` the way the tool would. */
function absolutePath(path: string, cwd: string, home: string): string {
  let p = path;
  if (p === '~') p = home;
  else if (p.startsWith('~/')) p = posix.join(home, p.slice(2));
  return posix.resolve(cwd, p);
}

const CREDENTIAL_DIRS = ['.ssh', '.aws', '.kube', '.gnupg', '.azure', '.docker'];
const CREDENTIAL_NAMES = new Set([
  '.netrc',
  '.pgpass',
  '.npmrc',
  '.pypirc',
  '.git-credentials',
  '.envrc',
  'credentials',
  'credentials.json',
  'kubeconfig',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  'application_default_credentials.json',
  'service-account.json',
]);
const CREDENTIAL_EXT = /\.(pem|key|p12|pfx|jks|keystore|kdbx)$/i;
/** `.env`, `.env.local`, `.env.production`… but not the templates that hold no secrets. */
const ENV_FILE = /^\.env(\..+)?$/;
const ENV_TEMPLATE = /^\.env\.(example|sample|template|dist|defaults)$/i;
const TFSTATE = /\.tfstate(\.backup)?$/;

const AGENT_HOOK_FILES: ReadonlyArray<readonly [string, string]> = [
  ['.claude', 'settings.json'],
  ['.claude', 'settings.local.json'],
  ['.cursor', 'hooks.json'],
  ['.gemini', 'settings.json'],
  ['.codex', 'hooks.json'],
  ['.codex', 'config.toml'],
];
const MANAGED_SETTINGS = [
  '/etc/claude-code/managed-settings.json',
  '/Library/Application Support/ClaudeCode/managed-settings.json',
  '/etc/gemini-cli/settings.json',
];

const SYSTEM_ROOTS = [
  '/etc',
  '/usr',
  '/bin',
  '/sbin',
  '/boot',
  '/lib',
  '/lib64',
  '/System',
  '/Library',
  '/var',
];
const SCRATCH = ['/tmp', '/var/tmp', '/private/tmp', '/dev/shm'];
const STARTUP_SCRIPTS = [
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.profile',
  '.zshrc',
  '.zprofile',
  '.zshenv',
  '.config/fish/config.fish',
  '.bash_logout',
  '.zlogin',
  '.zlogout',
  '.xprofile',
  '.xinitrc',
  '.xsession',
  '.pam_environment',
];
/** Directories in the home whose files the session or the user's service manager runs (or reads) later. */
const STARTUP_DIRS = [
  '.config/systemd/user',
  '.config/autostart',
  '.config/environment.d',
  'Library/LaunchAgents',
];

/** The startup scripts' paths in a home, joined once rather than once per path asked about. */
const startupScriptsIn = lastAnswer((home) => STARTUP_SCRIPTS.map((s) => posix.join(home, s)));
const startupDirsIn = lastAnswer((home) => STARTUP_DIRS.map((d) => `${posix.join(home, d)}/`));

function under(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}/`);
}

/** The file is one Interlock treats as sensitive, and why; undefined for ordinary files. */
export function sensitiveFile(rawPath: string, ctx: SensitiveContext): SensitiveFile | undefined {
  const path = absolutePath(rawPath, ctx.cwd, ctx.home);
  const parts = path.split('/').filter(Boolean);
  const name = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2] ?? '';
  const found = (category: SensitiveCategory, risk: Risk, why: string, remote = false): SensitiveFile => ({
    path,
    category,
    risk,
    why,
    remote,
  });

  if (parts.includes('.interlock') || under(path, ctx.userConfigDir))
    return found(
      'interlock-config',
      'high',
      'the Interlock configuration and policies that guard this agent',
    );
  if (
    AGENT_HOOK_FILES.some(([dir, file]) => name === file && parent === dir) ||
    MANAGED_SETTINGS.includes(path)
  )
    return found('agent-hooks', 'high', "the agent's settings, where the Interlock hook is installed");
  if (TFSTATE.test(name) || parts.includes('terraform.tfstate.d'))
    return found('terraform-state', 'critical', 'Terraform state: the record of real infrastructure', true);
  if (
    (ENV_FILE.test(name) && !ENV_TEMPLATE.test(name)) ||
    CREDENTIAL_NAMES.has(name) ||
    CREDENTIAL_EXT.test(name) ||
    parts.some((p) => CREDENTIAL_DIRS.includes(p)) ||
    path.includes('/.config/gcloud/')
  )
    return found('credentials', 'high', 'credentials or secrets');
  if (
    startupScriptsIn(ctx.home).includes(path) ||
    startupDirsIn(ctx.home).some((d) => path.startsWith(d)) ||
    /\/\.git\/hooks\//.test(path)
  )
    return found('startup-script', 'medium', 'a script that runs later, outside the agent');
  if (SYSTEM_ROOTS.some((r) => under(path, r)) && !SCRATCH.some((r) => under(path, r)))
    return found('system', 'high', 'a system file');
  return undefined;
}

/** Databases and data a program keeps in one file: SQLite, dumps, backups, columnar and cache snapshots. */
const DATA_FILE_NAME = /\.(db|sqlite3?|dump|bak|backup|parquet|avro|orc|rdb|aof|mdb|ldb)$/i;

/**
 * A file an agent's own file tools (Write, Edit, an MCP server's write_file) must not rewrite unseen: a
 * sensitive file, or a database or data file. `> db/production.sqlite3` in the shell was judged; the same
 * rewrite through the Write tool was not. Only the file tools ask for data files: their content means
 * nothing to the shell's other judgements (a secret is not in them, nothing runs them).
 */
export function changedFile(rawPath: string, ctx: SensitiveContext): SensitiveFile | undefined {
  const sensitive = sensitiveFile(rawPath, ctx);
  if (sensitive) return sensitive;
  const path = absolutePath(rawPath, ctx.cwd, ctx.home);
  // A data file in a scratch directory is scratch, unless the project itself lives there.
  const scratch = SCRATCH.some((r) => under(path, r)) && !under(path, ctx.cwd);
  if (!DATA_FILE_NAME.test(path) || scratch) return undefined;
  return {
    path,
    category: 'data',
    risk: 'high',
    why: 'a database or data file: what it holds is lost when it is rewritten',
    remote: false,
  };
}

/** The hook-settings file an agent keeps in a directory of this name (`.claude` → `settings.json`). */
const HOOK_DIR_FILE = new Map(AGENT_HOOK_FILES.map(([dir, file]) => [dir, file] as const));

/**
 * The guarded file at `rawPath`, counting an agent's settings directory (`~/.claude`) as its hook file:
 * replacing or moving the directory replaces or removes that file.
 */
export function guardedAt(rawPath: string, ctx: SensitiveContext): SensitiveFile | undefined {
  const file = sensitiveFile(rawPath, ctx);
  if (file) return file;
  const path = absolutePath(rawPath, ctx.cwd, ctx.home);
  const hookFile = HOOK_DIR_FILE.get(posix.basename(path));
  return hookFile ? sensitiveFile(posix.join(path, hookFile), ctx) : undefined;
}

/** What writing files of unknown names into a directory can reach; `certain` when it lands on them. */
interface Reach {
  file: SensitiveFile;
  certain: boolean;
}

/**
 * What files of unknown names written into `rawDir` (an archive extracted, a directory's contents copied)
 * could overwrite: the directory's own guarded files, the system when it is `/`, and, in the project, the
 * home directory or a parent of either, the `.interlock/` and agent settings that live there.
 */
export function guardedWithin(rawDir: string, ctx: SensitiveContext): Reach | undefined {
  const at = guardedAt(rawDir, ctx);
  if (at) return { file: at, certain: true };
  const dir = absolutePath(rawDir, ctx.cwd, ctx.home);
  const holds = (path: string) => dir === '/' || under(path, dir);
  const possible = (path: string) => {
    const file = sensitiveFile(path, ctx);
    return file ? { file, certain: false } : undefined;
  };
  if (SYSTEM_ROOTS.some(holds)) return { file: { ...sensitiveFile('/etc', ctx)!, path: dir }, certain: true };
  if (holds(ctx.cwd)) return possible(posix.join(ctx.cwd, '.interlock'));
  if (holds(ctx.userConfigDir)) return possible(ctx.userConfigDir);
  if (holds(ctx.home)) return possible(posix.join(ctx.home, '.claude', 'settings.json'));
  return undefined;
}

/** The Terraform workspace a state file belongs to, from its path (terraform.tfstate.d/<workspace>/…). */
export function stateWorkspace(path: string): string | undefined {
  const parts = path.split('/');
  const at = parts.indexOf('terraform.tfstate.d');
  return at >= 0 ? parts[at + 1] : undefined;
}

// Asked once per effect that writes or sends a file, with the same directories each time: joined once.
const configHomeOf = lastAnswer((home) => posix.join(home, '.config'));
const interlockDirIn = lastAnswer((config) => posix.join(config, 'interlock'));

/** Where the user's Interlock configuration lives, from the agent's environment (XDG_CONFIG_HOME). */
export function userInterlockDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return interlockDirIn(env.XDG_CONFIG_HOME || configHomeOf(home));
}
