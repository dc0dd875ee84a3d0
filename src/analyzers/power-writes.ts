import type { Effect } from '../core/types.js';
import type { Word } from '../shell/words.js';
import type { Invocation } from './analyzer.js';
import { resolvePath, writeGrantsPower } from './paths.js';

/**
 * A program that writes a file where it names (a download's output, say): a high-risk modify when new
 * bytes there grant power (a cron job, a program on the PATH, an authorized key; see writeGrantsPower),
 * nothing otherwise: writing an ordinary file is the program's ordinary work. A name computed at run time
 * is not guessed at.
 */
function powerWrite(inv: Invocation, target: Word, verb: string): Effect[] {
  if (target.dynamic || target.value === '-' || target.value === '') return [];
  return powerWriteAt(
    inv,
    inv.remote ? target.value : resolvePath(target.value, inv.facts.cwd, inv.facts.home),
    verb,
  );
}

/** The same, for a path already resolved. */
export function powerWriteAt(inv: Invocation, path: string, verb: string): Effect[] {
  const grants = writeGrantsPower(path, { cwd: inv.facts.cwd, home: inv.facts.home, remote: inv.remote });
  if (!grants) return [];
  return [
    {
      operation: 'modify',
      tool: inv.name,
      target: path,
      reversible: false,
      risk: grants.risk,
      reason: `${inv.name} ${verb} ${path} (${grants.why})`,
      category: 'file',
    },
  ];
}

/**
 * A download's write (`curl -o`, `wget -O`, a bucket copy): judged as powerWrite; otherwise still reported,
 * at no risk (fileWritten).
 */
export function downloadWrite(inv: Invocation, target: Word, verb = 'downloads into'): Effect[] {
  const power = powerWrite(inv, target, verb);
  return power.length ? power : fileWritten(inv, target, verb);
}

/**
 * A program's write of an ordinary file, reported at no risk so that a later command of the same line that
 * runs the file (`curl -o i.sh URL && bash i.sh`, `install x y.sh && ./y.sh`) is known to run what was
 * written, not what is on disk now (assess/shell.ts's runScriptFile). A name computed at run time, stdin
 * and devices are not files written.
 */
export function fileWritten(inv: Invocation, target: Word, verb: string): Effect[] {
  if (target.dynamic || target.value === '-' || target.value === '') return [];
  const path = inv.remote ? target.value : resolvePath(target.value, inv.facts.cwd, inv.facts.home);
  if (/^\/dev\//.test(path)) return [];
  const exists = !inv.remote && inv.facts.pathExists?.(path) !== false;
  return [
    {
      operation: exists ? 'replace' : 'create',
      tool: inv.name,
      target: path,
      reversible: !exists,
      risk: 'none',
      reason: `${inv.name} ${verb} ${path}`,
      category: 'file',
    },
  ];
}

/**
 * A program's writes of files it names only at run time, under `dir` (`git clone URL`, `curl -OJ`, `wget
 * -r`, an archive nobody listed): reported at no risk, as one write of the directory, so that a later
 * command of the same line that runs a file from under it is known to run what was fetched.
 */
export function filesNamedAtRunTime(inv: Invocation, dir: Word, verb: string): Effect[] {
  if (dir.dynamic || dir.value === '') return [];
  const path = inv.remote ? dir.value : resolvePath(dir.value, inv.facts.cwd, inv.facts.home);
  const exists = !inv.remote && inv.facts.pathExists?.(path) !== false;
  return [
    {
      operation: exists ? 'modify' : 'create',
      tool: inv.name,
      target: path,
      reversible: !exists,
      risk: 'none',
      reason: `${inv.name} ${verb} files it names at run time under ${path}`,
      category: 'file',
      namesAtRunTime: true,
    },
  ];
}
