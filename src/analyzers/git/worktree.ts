import type { Effect } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import { judgeAll } from '../guarded-writes/judge.js';
import { isDependencyCacheName } from '../paths.js';
import { gitOptions, lostWork, make, type Args, type Repo } from './common.js';

/** Pathspecs that cover many files: the whole tree, a directory, a glob. */
function isWide(path: string): boolean {
  return /^(\.|\.\/|\.\.|\*|:\/|:\/\*|:)$/.test(path) || path.endsWith('/') || /[*?[]/.test(path);
}

/**
 * A named pathspec that is a guarded path (`.interlock`, `.claude`): the policies or hook settings are
 * replaced by another version, perhaps one without the rules (`git checkout old -- .interlock`).
 */
function guardedPaths(repo: Repo, paths: readonly Word[], verb: string): Effect[] {
  const { guards } = repo;
  if (!guards) return [];
  const named = paths.filter((p) => !p.dynamic);
  const targets = named.map((p) => ({ path: p.value, mode: 'file' as const }));
  return judgeAll(targets, guards, 'git', `${verb.replace(/^git /, '')} writes another version of`);
}

/**
 * Discarding changes to paths: uncommitted work in them is gone for good (git never had it), so it asks,
 * whether the whole tree or one named file.
 */
function discard(repo: Repo, paths: readonly Word[], verb: string): Effect[] {
  return [
    ...paths.map((p) => {
      const wide = p.dynamic || isWide(p.value);
      const target = p.value === '.' || p.value === ':/' ? repo.dir : p.value;
      const what = wide ? `every file in ${target}` : target;
      return lostWork(repo, 'medium', target, `${verb} discards uncommitted changes to ${what}`);
    }),
    ...guardedPaths(repo, paths, verb),
  ];
}

function checkout(repo: Repo, args: Args): Effect[] {
  const dashDash = args.findIndex((w) => w.value === '--' && !w.dynamic);
  const before = gitOptions(dashDash >= 0 ? args.slice(0, dashDash) : args, [
    '-b',
    '-B',
    '--orphan',
    '--conflict',
    '--pathspec-from-file',
  ]);
  if (hasOption(before, '-b', '-B', '--orphan')) return [];
  if (hasOption(before, '-f', '--force'))
    return [lostWork(repo, 'medium', repo.dir, 'git checkout --force discards every uncommitted change')];
  if (hasOption(before, '--pathspec-from-file'))
    return [
      lostWork(repo, 'medium', repo.dir, 'git checkout discards changes to the files listed in a file'),
    ];
  // Without `--`, a plain word is usually a branch or commit; only a pathspec-looking word is a path.
  const paths =
    dashDash >= 0
      ? args.slice(dashDash + 1)
      : before.positionals.filter((w) => isWide(w.value) || /[^/]\.[A-Za-z0-9]+$/.test(w.value));
  return discard(repo, paths, 'git checkout');
}

function restore(repo: Repo, args: Args): Effect[] {
  const o = gitOptions(args, ['-s', '--source', '--conflict', '--pathspec-from-file']);
  const worktree = hasOption(o, '-W', '--worktree') || !hasOption(o, '-S', '--staged');
  if (!worktree) return []; // only unstages
  if (hasOption(o, '--pathspec-from-file'))
    return [lostWork(repo, 'medium', repo.dir, 'git restore discards changes to the files listed in a file')];
  return discard(repo, o.positionals, 'git restore');
}

/** Directories that hold only what a build or test run writes: `build/`, `dist`, `coverage/`, `target`. */
const BUILD_OUTPUT =
  /^(\.\/)?(build|dist|out|coverage|target|\.next|\.nuxt|\.turbo|\.cache|\.pytest_cache|htmlcov|node_modules)\/?$/;

function clean(repo: Repo, args: Args): Effect[] {
  const o = gitOptions(args, ['-e', '--exclude']);
  if (hasOption(o, '-n', '--dry-run')) return [];
  const forced = hasOption(o, '-f', '--force') || repo.config.get('clean.requireforce') === 'false';
  if (!forced && !hasOption(o, '-i', '--interactive')) return []; // git refuses without -f
  const ignored = '(.env files, local databases, build output)';
  const what = hasOption(o, '-x')
    ? `untracked and ignored files ${ignored}`
    : hasOption(o, '-X')
      ? `ignored files ${ignored}`
      : 'untracked files';
  const dirs = hasOption(o, '-d') ? ' and directories' : '';
  const where = o.positionals.map((w) => w.value).join(' ') || repo.dir;
  const reason = `git clean deletes ${what}${dirs} in ${where}; git cannot bring them back`;
  // Only ignored files (-X), only under build-output directories named (`build/ coverage/`), in a repository
  // on this machine at or below the working directory: regenerated (on a server they may be what runs).
  // Under directories only package managers and tools fill (`node_modules/`), whatever -x says.
  const here = repo.cwd !== undefined && (repo.dir === repo.cwd || repo.dir.startsWith(`${repo.cwd}/`));
  const named = o.positionals.length > 0 && o.positionals.every((w) => !w.dynamic);
  const onlyOutput =
    here &&
    named &&
    ((hasOption(o, '-X') && !hasOption(o, '-x') && o.positionals.every((w) => BUILD_OUTPUT.test(w.value))) ||
      o.positionals.every((w) => isDependencyCacheName(w.value.replace(/^\.\/|\/+$/g, ''))));
  return [lostWork(repo, forced && !onlyOutput ? 'medium' : 'low', where, reason)];
}

function stash(args: Args): Effect[] {
  const o = gitOptions(args, ['-m', '--message']);
  const sub = o.positionals[0]?.value;
  if (sub === 'clear')
    return [
      make(
        'delete',
        'medium',
        'every stash entry',
        'git stash clear deletes every stashed change',
        'git-worktree',
      ),
    ];
  if (sub !== 'drop') return [];
  const entry = o.positionals[1]?.value ?? 'stash@{0}';
  return [
    make('delete', 'medium', entry, `git stash drop deletes the stashed changes ${entry}`, 'git-worktree'),
  ];
}

/** Options of git switch that take a value (`-cfeature` is -c with "feature", not -c -f -e…). */
const SWITCH_VALUE = ['-c', '--create', '-C', '--force-create', '--orphan', '--conflict'];

/** Commands that throw away work in the work tree; undefined for any other subcommand. */
export function worktreeCommand(repo: Repo, name: string, args: Args): Effect[] | undefined {
  const o = gitOptions(args);
  switch (name) {
    case 'reset':
      if (hasOption(o, '--hard'))
        return [
          lostWork(
            repo,
            'medium',
            repo.dir,
            `git reset --hard discards every uncommitted change in ${repo.dir}`,
          ),
        ];
      if (hasOption(o, '--merge'))
        return [lostWork(repo, 'low', repo.dir, 'git reset --merge may discard changes in conflicted files')];
      return [];
    case 'switch':
      return hasOption(gitOptions(args, SWITCH_VALUE), '-f', '--force', '--discard-changes')
        ? [lostWork(repo, 'medium', repo.dir, 'git switch --discard-changes throws away uncommitted changes')]
        : [];
    case 'clean':
      return clean(repo, args);
    case 'checkout':
      return checkout(repo, args);
    case 'restore':
      return restore(repo, args);
    case 'stash':
      return stash(args);
    case 'rm': {
      if (hasOption(o, '--cached', '-n', '--dry-run')) return [];
      // Without -f git refuses to remove a file with uncommitted changes; with it they are gone for good,
      // as with `git switch --discard-changes`.
      const force = hasOption(o, '-f', '--force');
      return o.positionals.map((w) =>
        force
          ? lostWork(
              repo,
              'medium',
              w.value,
              `git rm -f deletes ${w.value} with any uncommitted changes in it`,
            )
          : lostWork(
              repo,
              'low',
              w.value,
              `git rm deletes ${w.value} from the work tree (it stays in history)`,
            ),
      );
    }
    case 'worktree': {
      if (o.positionals[0]?.value !== 'remove') return [];
      const tree = o.positionals[1]?.value ?? '<worktree>';
      const force = hasOption(o, '-f', '--force');
      const reason = `git worktree remove deletes the worktree ${tree}${force ? ' with its uncommitted changes (--force)' : ''}`;
      return [make('delete', force ? 'medium' : 'low', tree, reason, 'git-worktree')];
    }
  }
  return undefined;
}
