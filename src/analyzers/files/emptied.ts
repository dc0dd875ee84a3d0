import type { Effect, Risk } from '../../core/types.js';
import type { PathClass } from '../paths.js';

// Emptying a file (`truncate -s 0 f`, `> f`, `: > f`, `cat /dev/null > f`) keeps the name and loses every
// byte. Unlike writing new content into it (everyday editing), nothing replaces what was there: for a
// source, configuration or data file that is destroying it. Logs, scratch files and build output are
// emptied all the time.

/** What emptying the existing file at `path` (classified as a single file) costs. */
export function emptyingRisk(path: string, cls: PathClass): Risk {
  if (/\.log$/i.test(path) && cls.risk !== 'critical') return 'low';
  if (cls.throwaway) return 'low';
  return cls.risk === 'low' || cls.risk === 'none' ? 'medium' : cls.risk;
}

/** The effect of emptying the existing file at `path`: `how` says by what (`truncate`, `` `>` alone ``). */
export function emptied(tool: string, path: string, cls: PathClass, how: string): Effect {
  return {
    operation: 'modify',
    tool,
    target: path,
    reversible: false,
    risk: emptyingRisk(path, cls),
    reason: `${how} empties ${path} (${cls.why})`,
    category: 'file',
    ...(cls.riskInProduction ? { riskInProduction: cls.riskInProduction } : {}),
  };
}
