import { posix } from 'node:path';
import type { Effect, Risk } from '../core/types.js';
import { hasOption, optionValue, parseOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { judgeAll, sensitiveContext } from './guarded-writes/judge.js';
import { REMOTE_CONTEXT, remoteSystemWrites } from './guarded-writes/remote.js';
import { writtenTargets } from './guarded-writes/tools.js';
import { classifyPath, resolvePath, type PathClass } from './paths.js';
import { powerWriteAt } from './power-writes.js';

// `cp` and `mv` (and `ln -f`) replace the file at their destination: `cp /dev/null prod.db` or `cp key ~/.ssh/id_rsa`
// destroys what was there as surely as `> prod.db` does, and was allowed (only the files sensitive-files.ts
// guards were judged, by guarded-writes.ts, which keeps judging those). A destination that is a directory
// receives each source under its own name; one that does not exist is a new file, harmless unless new bytes
// there grant power (writeGrantsPower). Rewriting an ordinary project file is everyday work (low).
// Over ssh (kubectl exec…) the same copy is judged on that machine, placed on its host: its relative paths are
// read in its login directory as a project's are here (`cp a.conf a.conf.bak` stays low), its `~` as its home,
// and a file there is taken to exist (nothing here can say it does not).

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

/** The machine the paths are on: where relative and `~` paths are read, and what is known of its files. */
interface Machine {
  remote: boolean;
  cwd: string;
  home: string;
  /** The path as reported: resolved here; as written on another machine (its directories are not known). */
  shown(path: string): string;
  /** The path as judged: on another machine, read against the placeholders in REMOTE_CONTEXT. */
  judged(path: string): string;
  exists(path: string): boolean;
  isDirectory(path: string): boolean | undefined;
}

function machine(inv: Invocation): Machine {
  if (inv.remote) {
    const { cwd, home } = REMOTE_CONTEXT;
    return {
      remote: true,
      cwd,
      home,
      shown: (p) => p,
      judged: (p) => resolvePath(p, cwd, home),
      exists: () => true,
      isDirectory: () => undefined,
    };
  }
  const { cwd, home, files, pathExists } = inv.facts;
  return {
    remote: false,
    cwd,
    home,
    shown: (p) => resolvePath(p, cwd, home),
    judged: (p) => p,
    exists: (p) => (pathExists ? pathExists(p) : true),
    isDirectory: (p) => (files ? files.fingerprint(p).digest.startsWith('directory:') : undefined),
  };
}

/** `.`, `..`, `~` and paths ending in them are directories whatever the facts know: the sources go inside. */
const NAMES_A_DIRECTORY = /(^|\/)\.\.?$|^~$/;

/** The paths the sources land on. */
function destinations(
  at: Machine,
  sources: readonly string[],
  dest: string,
  into: 'directory' | 'file' | undefined,
): string[] {
  const path = at.shown(dest);
  const inside = () => sources.map((s) => posix.join(path, posix.basename(s.replace(/\/+$/, '')) || s));
  if (into === 'file') return [path];
  if (into === 'directory' || dest.endsWith('/') || sources.length > 1 || NAMES_A_DIRECTORY.test(dest))
    return inside();
  return at.isDirectory(path) ? inside() : [path];
}

/**
 * `cp .env.example .env` is how a project is set up, whether or not a .env was there: a judgement call
 * the labelled sets make (harmless) and this keeps; a `>` over it is still judged as a secrets file.
 */
const projectEnvFile = (at: Machine, path: string) =>
  path.startsWith(`${at.cwd}/`) && /^\.env(\.[\w-]+)?$/.test(posix.basename(path));

/** How bad losing the file at `path` is; another machine's login directory is read as a project is here. */
function classify(at: Machine, path: string): PathClass {
  const judged = at.judged(path);
  if (projectEnvFile(at, judged))
    return { risk: 'low', why: "the project's environment file, set up from its template" };
  const cls = classifyPath(judged, { cwd: at.cwd, home: at.home, recursive: false });
  return at.remote && cls.why === 'a file in the project'
    ? { ...cls, why: 'a file in the login directory' }
    : cls;
}

function replaced(inv: Invocation, at: Machine, path: string, backup: boolean): Effect[] {
  if (!at.exists(path)) return powerWriteAt(inv, path, 'creates');
  const cls = classify(at, path);
  return [
    {
      operation: 'replace',
      tool: inv.name,
      target: path,
      reversible: backup,
      risk: backup ? 'low' : REPLACE_RISK[cls.risk],
      reason: `${inv.name} replaces ${path}${backup ? ', keeping a backup' : ''} (${cls.why})`,
      category: 'file',
      // The shell history is worse to lose on a production host, where incidents are read from it.
      ...(cls.riskInProduction && !backup ? { riskInProduction: cls.riskInProduction } : {}),
    },
  ];
}

/** A backup's suffix on its original's name: `app.conf` → `app.conf.bak`, `.orig`, `~`, `.2024-05-01`. */
const BACKUP_SUFFIX = /^(?:[._-](?:bak|backup|orig|old|save|prev|copy|\d[\w:.-]*))+~?$|^~$/i;

/**
 * `cp app.conf app.conf.bak` makes a backup under its source's name. Here the facts say whether one was
 * there; on another machine, where a file is taken to exist, this name says it is new (or an older backup).
 */
const backupOf = (sources: readonly string[], path: string) =>
  sources.some((s) => {
    const name = posix.basename(s.replace(/\/+$/, ''));
    const dest = posix.basename(path);
    return name !== '' && dest.startsWith(name) && BACKUP_SUFFIX.test(dest.slice(name.length));
  });

/**
 * ln makes a new name; only with -f does it replace what had that name (`ln -sf /dev/null ~/.bash_history`).
 * On another machine whether the name is taken is not known: a new link is judged for what it grants.
 */
function linkEffects(inv: Invocation, at: Machine, path: string, force: boolean): Effect[] {
  if (force) return replaced(inv, at, path, false);
  return at.exists(path) && !at.remote ? [] : powerWriteAt(inv, path, 'links');
}

export const overwritesAnalyzer: Analyzer = {
  family: 'overwrites',
  commands: ['cp', 'mv', 'ln'],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    const parsed = parseOptions(inv.args, { withValue: CP_VALUE });
    // ln's -n is --no-dereference (`ln -sfn`, switching a release link), not cp's and mv's --no-clobber.
    const noClobber = inv.name !== 'ln' && hasOption(parsed, '-n', '--no-clobber');
    if (noClobber || optionValue(parsed, '--update') === 'none') return [];
    if (parsed.positionals.some((w) => w.dynamic)) return []; // files.ts and the run-time rules see these
    const backup = hasOption(parsed, '-b', '--backup');
    const target = optionValue(parsed, '-t', '--target-directory');
    const words = parsed.positionals.map((w) => w.value);
    const sources = target ? words : words.slice(0, -1);
    const dest = target ?? words[words.length - 1];
    if (!dest || !sources.length || dest === '/dev/null') return [];
    // What guarded-writes.ts reports (agent hooks, Interlock's files, system files) it keeps reporting.
    const reported = inv.remote
      ? remoteSystemWrites(inv)
      : judgeAll(writtenTargets(inv.name, inv.args), sensitiveContext(inv.facts), inv.name);
    const guarded = new Set(reported.map((e) => e.target));
    const at = machine(inv);
    const into =
      target !== undefined
        ? 'directory'
        : hasOption(parsed, '-T', '--no-target-directory')
          ? 'file'
          : undefined;
    const landed = destinations(at, sources, dest, into).filter(
      (p) => !guarded.has(p) && !(at.remote && backupOf(sources, p)),
    );
    if (inv.name === 'ln')
      return landed.flatMap((p) => linkEffects(inv, at, p, hasOption(parsed, '-f', '--force')));
    return landed.flatMap((p) => replaced(inv, at, p, backup));
  },
};
