import { posix } from 'node:path';
import type { Effect, Risk } from '../core/types.js';
import { hasOption, optionValue, parseOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { judgeAll, sensitiveContext } from './guarded-writes/judge.js';
import { writtenTargets } from './guarded-writes/tools.js';
import { classifyPath, resolvePath } from './paths.js';
import { powerWriteAt } from './power-writes.js';

// `cp` and `mv` (and `ln -f`) replace the file at their destination: `cp /dev/null prod.db` or `cp key ~/.ssh/id_rsa`
// destroys what was there as surely as `> prod.db` does, and was allowed (only the files sensitive-files.ts
// guards were judged, by guarded-writes.ts, which keeps judging those). A destination that is a directory
// receives each source under its own name; one that does not exist is a new file, harmless unless new bytes
// there grant power (writeGrantsPower). Rewriting an ordinary project file is everyday work (low).

const CP_VALUE = [
  '-t',
  '--target-directory',
  '-S',
  '--suffix',
  '--backup',
  '--sparse',
  '--reflink',
  '--preserve',
];

/** Risk of replacing an existing file, by what destroying it would cost (as a `>` redirect rates it). */
const REPLACE_RISK: Record<Risk, Risk> = {
  critical: 'high',
  high: 'high',
  medium: 'medium',
  low: 'low',
  none: 'low',
};

function isDirectory(inv: Invocation, path: string): boolean | undefined {
  if (!inv.facts.files) return undefined;
  return inv.facts.files.fingerprint(path).digest.startsWith('directory:');
}

/** The paths the sources land on. */
function destinations(
  inv: Invocation,
  sources: readonly string[],
  dest: string,
  into: 'directory' | 'file' | undefined,
): string[] {
  const at = resolvePath(dest, inv.facts.cwd, inv.facts.home);
  const inside = () => sources.map((s) => posix.join(at, posix.basename(s.replace(/\/+$/, '')) || s));
  if (into === 'file') return [at];
  if (into === 'directory' || dest.endsWith('/') || sources.length > 1) return inside();
  return isDirectory(inv, at) ? inside() : [at];
}

/**
 * `cp .env.example .env` is how a project is set up, whether or not a .env was there: a judgement call
 * the labelled sets make (harmless) and this keeps; a `>` over it is still judged as a secrets file.
 */
const projectEnvFile = (inv: Invocation, path: string) =>
  path.startsWith(`${inv.facts.cwd}/`) && /^\.env(\.[\w-]+)?$/.test(posix.basename(path));

function replaced(inv: Invocation, path: string, backup: boolean): Effect[] {
  const exists = inv.facts.pathExists ? inv.facts.pathExists(path) : true;
  if (!exists) return powerWriteAt(inv, path, 'creates');
  const cls = projectEnvFile(inv, path)
    ? { risk: 'low' as Risk, why: "the project's environment file, set up from its template" }
    : classifyPath(path, { cwd: inv.facts.cwd, home: inv.facts.home, recursive: false });
  return [
    {
      operation: 'replace',
      tool: inv.name,
      target: path,
      reversible: backup,
      risk: backup ? 'low' : REPLACE_RISK[cls.risk],
      reason: `${inv.name} replaces ${path}${backup ? ', keeping a backup' : ''} (${cls.why})`,
      category: 'file',
    },
  ];
}

/** ln makes a new name; only with -f does it replace what had that name (`ln -sf /dev/null ~/.bash_history`). */
function linkEffects(inv: Invocation, path: string, force: boolean): Effect[] {
  if (force) return replaced(inv, path, false);
  const exists = inv.facts.pathExists ? inv.facts.pathExists(path) : true;
  return exists ? [] : powerWriteAt(inv, path, 'links');
}

export const overwritesAnalyzer: Analyzer = {
  family: 'overwrites',
  commands: ['cp', 'mv', 'ln'],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    if (inv.remote) return []; // on another machine these paths are not this one's files
    const parsed = parseOptions(inv.args, { withValue: CP_VALUE });
    if (hasOption(parsed, '-n', '--no-clobber') || optionValue(parsed, '--update') === 'none') return [];
    if (parsed.positionals.some((w) => w.dynamic)) return []; // files.ts and the run-time rules see these
    const backup = hasOption(parsed, '-b', '--backup');
    const target = optionValue(parsed, '-t', '--target-directory');
    const words = parsed.positionals.map((w) => w.value);
    const sources = target ? words : words.slice(0, -1);
    const dest = target ?? words[words.length - 1];
    if (!dest || !sources.length || dest === '/dev/null') return [];
    // What guarded-writes.ts reports (agent hooks, Interlock's files, system files) it keeps reporting.
    const guarded = new Set(
      judgeAll(writtenTargets(inv.name, inv.args), sensitiveContext(inv.facts), inv.name).map(
        (e) => e.target,
      ),
    );
    const into =
      target !== undefined
        ? 'directory'
        : hasOption(parsed, '-T', '--no-target-directory')
          ? 'file'
          : undefined;
    const landed = destinations(inv, sources, dest, into).filter((p) => !guarded.has(p));
    if (inv.name === 'ln')
      return landed.flatMap((p) => linkEffects(inv, p, hasOption(parsed, '-f', '--force')));
    return landed.flatMap((p) => replaced(inv, p, backup));
  },
};
