import type { Effect, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { classifyPath, resolvePath, shellHistoryFile, type PathClass } from '../paths.js';

/** Where a file tool's target is, and how bad destroying it would be. */
export function place(inv: Invocation, target: Word, recursive: boolean): { path: string; cls: PathClass } {
  if (target.dynamic) {
    // `$DIR` we could not resolve: the worst case is the one that counts.
    const risk: Risk = recursive ? 'high' : 'medium';
    return { path: target.value, cls: { risk, why: 'a path computed at run time' } };
  }
  if (inv.remote && !target.value.startsWith('/')) {
    const history = shellHistoryFile(target.value);
    if (history && !recursive) return { path: target.value, cls: history };
    return {
      path: target.value,
      cls: { risk: recursive ? 'high' : 'medium', why: 'a path on another machine' },
    };
  }
  const path = inv.remote ? target.value : resolvePath(target.value, inv.facts.cwd, inv.facts.home);
  const cls = classifyPath(path, { cwd: inv.facts.cwd, home: inv.facts.home, recursive, remote: inv.remote });
  return { path, cls };
}

/** A deletion of `target`, as risky as destroying what is there. */
export function deletion(
  tool: string,
  inv: Invocation,
  target: Word,
  recursive: boolean,
  verb: string,
): Effect {
  const { path, cls } = place(inv, target, recursive);
  return {
    operation: 'delete',
    tool,
    target: path,
    reversible: false,
    risk: cls.risk,
    reason: `${verb} ${path}: ${cls.why}`,
    category: 'file',
    ...(cls.riskInProduction ? { riskInProduction: cls.riskInProduction } : {}),
  };
}
