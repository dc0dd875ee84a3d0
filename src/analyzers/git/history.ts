import type { Effect } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import { rewritesNothing } from './filter-repo.js';
import { gitOptions, lostHistory, make, type Args, type Repo } from './common.js';

const BRANCH_VALUES = [
  '-u',
  '--set-upstream-to',
  '--contains',
  '--no-contains',
  '--merged',
  '--no-merged',
  '--points-at',
  '--format',
  '--sort',
  '--column',
];

function branch(args: Args): Effect[] {
  const o = gitOptions(args, BRANCH_VALUES);
  const remote = hasOption(o, '-r', '--remotes');
  const force = hasOption(o, '-D') || (hasOption(o, '-d', '--delete') && hasOption(o, '-f', '--force'));
  if (hasOption(o, '-D', '-d', '--delete')) {
    return o.positionals.map((w) => {
      const reason = remote
        ? `git branch -r -d forgets the remote-tracking branch ${w.value}`
        : force
          ? `git branch -D deletes ${w.value} even if its commits are merged nowhere`
          : `git branch -d deletes ${w.value} (only if merged)`;
      return make('delete', force && !remote ? 'medium' : 'low', `branch ${w.value}`, reason, 'git-branch');
    });
  }
  if (hasOption(o, '-f', '--force', '-M', '-C')) {
    const target = `branch ${o.positionals[0]?.value ?? ''}`.trim();
    return [make('modify', 'low', target, 'git branch --force moves or overwrites a branch', 'git-branch')];
  }
  return [];
}

/** An expiry that keeps nothing: what it drops can no longer be recovered. */
const NOW = /^(now|all|0)$/i;

/** Commands that rewrite history, drop what recovers it, or delete refs; undefined for any other. */
export function historyCommand(repo: Repo, name: string, args: Args): Effect[] | undefined {
  const o = gitOptions(args);
  const first = o.positionals[0]?.value;
  switch (name) {
    case 'branch':
      return branch(args);
    case 'filter-branch':
    case 'filter-repo': {
      if (name === 'filter-repo' && rewritesNothing(args)) return [];
      const reason = `git ${name} rewrites every commit it touches: hashes change and the old history is dropped`;
      return [lostHistory(repo, 'modify', 'high', `history of ${repo.dir}`, reason)];
    }
    case 'reflog': {
      if (first === 'delete') {
        const reason = 'git reflog delete removes the records that let lost commits be recovered';
        return [lostHistory(repo, 'delete', 'medium', 'reflog entries', reason)];
      }
      if (first !== 'expire') return [];
      const expiry = [...(o.options.get('--expire') ?? []), ...(o.options.get('--expire-unreachable') ?? [])];
      const now = expiry.some((v) => NOW.test(v));
      const reason = `git reflog expire${now ? ' --expire=now' : ''} drops the records that let lost commits be recovered`;
      return [lostHistory(repo, 'delete', now ? 'high' : 'low', 'reflog', reason)];
    }
    case 'gc': {
      if (!(o.options.get('--prune') ?? []).some((v) => NOW.test(v))) return [];
      const reason =
        'git gc --prune=now deletes unreachable commits at once (no grace period to recover them)';
      return [lostHistory(repo, 'delete', 'medium', `unreachable objects in ${repo.dir}`, reason)];
    }
    case 'prune':
      if (hasOption(o, '-n', '--dry-run')) return [];
      return [
        lostHistory(
          repo,
          'delete',
          'medium',
          `unreachable objects in ${repo.dir}`,
          'git prune deletes unreachable commits',
        ),
      ];
    case 'update-ref': {
      const ref = first ?? '<ref>';
      return hasOption(o, '-d')
        ? [
            make(
              'delete',
              'medium',
              ref,
              `git update-ref -d deletes the ref ${ref}`,
              'git-branch',
              repo.hints,
            ),
          ]
        : [make('modify', 'low', ref, `git update-ref moves the ref ${ref}`, 'git-branch', repo.hints)];
    }
    case 'tag':
      if (!hasOption(o, '-d', '--delete')) return [];
      return o.positionals.map((w) =>
        make('delete', 'low', `tag ${w.value}`, `git tag -d deletes the local tag ${w.value}`, 'git-branch'),
      );
    case 'remote': {
      if (first !== 'remove' && first !== 'rm') return [];
      const target = `remote ${o.positionals[1]?.value ?? ''}`.trim();
      return [
        make(
          'modify',
          'low',
          target,
          'git remote remove forgets a remote and its tracking branches',
          'git-branch',
        ),
      ];
    }
  }
  return undefined;
}
