import { isObject } from '../../core/guards.js';
import { quoteArgv } from '../../shell/quote-argv.js';
import { anyFlag, flagArg, stringArg, words } from './words.js';

// MCP tools that do what a well-known command does (the git servers' git_reset, git_push…; the filesystem
// servers' move_file, delete_file…): the call is judged as that command, so a force push, a hard reset or a
// move onto an existing file gets the judgement the shell analyzers give it, and the same call with a dry
// run or without force gets theirs too. Only the arguments that change what the command does are carried.

type Args = Record<string, unknown>;
type Build = (args: Args) => string[] | undefined;

const REPO_KEYS = ['repo_path', 'repoPath', 'path', 'repository', 'cwd', 'directory'];
const str = (args: Args, ...keys: string[]) => stringArg(args, ...keys);
const opt = (flag: string, on: boolean) => (on ? [flag] : []);
const dryRun = (args: Args) => flagArg(args, 'dryRun', 'dry_run', 'dry-run');

/** `git -C REPO …` for the repository the arguments name (the server's own directory when none). */
function git(args: Args, ...rest: (string | undefined)[]): string[] {
  const repo = str(args, ...REPO_KEYS);
  return ['git', ...(repo ? ['-C', repo] : []), ...rest.filter((w): w is string => w !== undefined)];
}

const GIT: Record<string, Build> = {
  reset: (a) => {
    const mode = (
      str(a, 'mode', 'reset_type', 'resetType', 'type') ?? (anyFlag(a, 'hard') ? 'hard' : undefined)
    )?.toLowerCase();
    return git(
      a,
      'reset',
      ...opt(`--${mode}`, !!mode && ['hard', 'soft', 'mixed', 'keep', 'merge'].includes(mode)),
      str(a, 'target', 'commit', 'ref'),
    );
  },
  push: (a) =>
    git(
      a,
      'push',
      ...opt('--force', anyFlag(a, 'force')),
      ...opt('--delete', anyFlag(a, 'delete')),
      str(a, 'remote') ?? 'origin',
      str(a, 'branch', 'ref', 'refspec'),
    ),
  branch: (a) => {
    const mode = str(a, 'mode', 'action', 'operation')?.toLowerCase();
    const name = str(a, 'branchName', 'branch_name', 'branch', 'name');
    if (mode === 'delete' || anyFlag(a, 'delete'))
      return git(a, 'branch', anyFlag(a, 'force') ? '-D' : '-d', name);
    if (mode === 'list' || !name) return git(a, 'branch', '--list');
    return git(a, 'branch', name);
  },
  clean: (a) => {
    const flags = `${dryRun(a) ? 'n' : ''}${anyFlag(a, 'force') ? 'f' : ''}${anyFlag(a, 'directories', 'dirs', 'd') ? 'd' : ''}${anyFlag(a, 'ignored', 'x') ? 'x' : ''}`;
    return git(a, 'clean', ...(flags ? [`-${flags}`] : []));
  },
  checkout: (a) =>
    git(
      a,
      'checkout',
      ...opt('--force', flagArg(a, 'force')),
      str(a, 'target', 'branch_name', 'branchName', 'branch', 'ref'),
    ),
  stash: (a) => {
    const mode = str(a, 'mode', 'action', 'operation')?.toLowerCase() ?? 'push';
    return git(
      a,
      'stash',
      mode,
      ...(mode === 'drop' || mode === 'pop' || mode === 'apply' ? [str(a, 'stash', 'ref')] : []),
    );
  },
  commit: (a) => git(a, 'commit', '-m', str(a, 'message') ?? 'message'),
  add: (a) =>
    git(
      a,
      'add',
      '--',
      ...(Array.isArray(a.files) ? a.files.filter((f): f is string => typeof f === 'string') : ['.']),
    ),
  rebase: (a) => git(a, 'rebase', str(a, 'onto', 'target', 'branch', 'upstream')),
  tag: (a) => {
    const mode = str(a, 'mode', 'action')?.toLowerCase();
    const name = str(a, 'tagName', 'tag_name', 'tag', 'name');
    return mode === 'delete' ? git(a, 'tag', '-d', name) : git(a, 'tag', ...(name ? [name] : ['--list']));
  },
};

const FILES: Record<string, Build> = {
  move: (a) => {
    const from = str(a, 'source', 'src', 'from', 'old_path', 'oldPath');
    const to = str(a, 'destination', 'dest', 'to', 'target', 'new_path', 'newPath');
    return from?.startsWith('/') && to?.startsWith('/') ? ['mv', from, to] : undefined;
  },
  delete: (a) => {
    const path = str(a, 'path', 'file_path', 'filePath', 'target');
    return path?.startsWith('/') ? ['rm', ...opt('-r', flagArg(a, 'recursive')), path] : undefined;
  },
};

/** The shell command an MCP tool call does, when its tool is one of these; undefined otherwise. */
export function equivalentCommand(tool: string, args: unknown): string | undefined {
  if (!isObject(args)) return undefined;
  const ws = words(tool);
  const verb = ws.find((w) => w in GIT);
  if (ws.includes('git') && verb) {
    const argv = GIT[verb]!(args);
    return argv ? quoteArgv(argv) : undefined;
  }
  // A forge's file tools name a repository elsewhere; only an absolute path is on this machine.
  const remote = ['owner', 'repo', 'repository', 'project_id', 'projectId'].some((k) => k in args);
  if (!remote && ws.some((w) => w === 'file' || w === 'directory' || w === 'files' || w === 'dir')) {
    const action = ws.find((w) => w in FILES) ?? (ws.includes('remove') ? 'delete' : undefined);
    const argv = action ? FILES[action]!(args) : undefined;
    return argv ? quoteArgv(argv) : undefined;
  }
  return undefined;
}
