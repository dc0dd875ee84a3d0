import type { Effect, Risk } from '../core/types.js';
import type { Invocation } from './analyzer.js';
import { classifyPath, resolvePath } from './paths.js';

/**
 * A file rewritten in place (perl -i, ruby -i, an editor driven by commands), rated as sed -i is: editing a
 * project file is everyday work; rewriting system, data or secret files is not. A backup kept lowers all but
 * a high risk. `how` completes "<tool> … <path>".
 */
export function inPlaceEditEffect(
  inv: Invocation,
  file: string,
  how: (path: string) => string,
  backup = false,
): Effect {
  const path = inv.remote ? file : resolvePath(file, inv.facts.cwd, inv.facts.home);
  const cls = classifyPath(path, {
    cwd: inv.facts.cwd,
    home: inv.facts.home,
    recursive: false,
    remote: inv.remote,
  });
  const risk: Risk =
    cls.risk === 'critical' || cls.risk === 'high' ? 'high' : cls.risk === 'medium' ? 'medium' : 'low';
  return {
    operation: 'modify',
    tool: inv.name,
    target: path,
    reversible: backup,
    risk: backup && risk !== 'high' ? 'low' : risk,
    reason: `${inv.name} ${how(path)}: ${cls.why}`,
    category: 'file',
  };
}
