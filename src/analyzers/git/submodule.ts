import type { Effect } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import { gitOptions, lostWork, type Args, type Repo } from './common.js';

/**
 * git submodule deinit empties each submodule's work tree. Without -f it refuses when one holds local
 * changes, so only what can be checked out again goes; with -f the local changes go too. What
 * `submodule foreach` runs in each submodule is judged as a command of its own (shell/git-submodule.ts).
 */
export function submodule(repo: Repo, args: Args): Effect[] {
  const o = gitOptions(args);
  if (o.positionals[0]?.value !== 'deinit') return [];
  const force = hasOption(o, '-f', '--force');
  const paths = o.positionals.slice(1).map((w) => w.value);
  // Neither paths nor --all: git refuses and names --all.
  const which = hasOption(o, '--all') ? ['every submodule'] : paths;
  return which.map((target) =>
    force
      ? lostWork(
          repo,
          'medium',
          target,
          `git submodule deinit -f removes the work tree of ${target} with its uncommitted changes`,
        )
      : lostWork(
          repo,
          'low',
          target,
          `git submodule deinit removes the work tree of ${target} (it refuses if there are local changes)`,
        ),
  );
}
