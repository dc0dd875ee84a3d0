import { posix } from 'node:path';
import type { Effect } from '../../core/types.js';
import { resolvePath } from '../paths.js';
import type { Repo } from './common.js';

// `git -c core.hooksPath=/tmp/h commit`: git runs the hooks in that directory, written by whoever wrote
// there and read by nobody. The project's own directory (`.githooks`, `$PWD/.githooks`,
// `$(git rev-parse --show-toplevel)/.githooks`) is its setup, and /dev/null turns hooks off.

/** A value computed from the working tree or the repository's top, as scripts spell it. */
const FROM_TOP = /^(\$PWD|\$\{PWD\}|\$\(pwd\)|\$\(git rev-parse --show-toplevel\))\/([^$`]*)$/;

/** The unread hooks a `-c core.hooksPath=DIR` makes git run, as one effect; none for the project's own. */
export function hooksPathEffects(repo: Repo, computed: boolean, home: string): Effect[] {
  const value = repo.config.get('core.hookspath');
  if (value === undefined || /^\/dev\/null\/?$/.test(value)) return [];
  const within = (path: string) => {
    const rel = posix.relative(repo.dir, path);
    return rel === '' || (!rel.startsWith('..') && !posix.isAbsolute(rel));
  };
  const top = FROM_TOP.exec(value);
  if (top && !posix.normalize(top[2] || '.').startsWith('..')) return [];
  // git takes a relative path from the top of the work tree.
  const inside = repo.dir.startsWith('<')
    ? !/^[/~]/.test(value) && !posix.normalize(value).startsWith('..')
    : within(resolvePath(value, repo.dir, home));
  if (!computed && inside) return [];
  return [
    {
      operation: 'execute-unverifiable',
      tool: 'git',
      target: value,
      reversible: false,
      risk: 'high',
      reason: `git -c core.hooksPath runs the hooks in ${value}, outside the project, which are not read`,
      category: 'git-history',
      hints: repo.hints,
    },
  ];
}
