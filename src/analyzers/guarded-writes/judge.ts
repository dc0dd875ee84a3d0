import { posix } from 'node:path';
import { riskRank, type ActionFacts, type Effect, type Risk } from '../../core/types.js';
import { resolvePath } from '../paths.js';
import {
  guardedAt,
  guardedWithin,
  userInterlockDir,
  type SensitiveContext,
  type SensitiveFile,
} from '../sensitive-files.js';

/**
 * One place a writing tool puts files: `file` is written (or replaced) whole, `into` receives files whose
 * names only the archive or source directory knows, `away` is moved elsewhere (gone from where it was).
 */
export interface Target {
  path: string;
  mode: 'file' | 'into' | 'away';
  /** For `into`: the archive whose members are the names written, when the command names none. */
  archive?: ArchiveSource;
  /** For `into`: which files of unknown names (`of x.tar.xz, whose members cannot be listed`), and the risk. */
  unknown?: { risk: Risk; files: string };
  /** A reading that holds only if this destination (as written) is a directory: `cp a dest` → `dest/a`. */
  within?: string;
}

/** An archive extracted without a list of members: where it is read from, and how names are shortened. */
export interface ArchiveSource {
  /**
   * The archive's path as written, and the names tried after it when it is missing (unzip adds `.zip`);
   * none when it is read from stdin or its name is not known.
   */
  paths: readonly string[];
  /** Leading components dropped from each member's name (`--strip-components=N`). */
  strip: number;
}

/** Deploy roots under /var that copies exist to fill (a web root), unlike the rest of the system. */
const DEPLOY_ROOTS = ['/var/www'];

/**
 * Whether writing `file` with an ordinary tool guards anything. Copying keys and configs around is
 * everyday work (`cp .env.example .env`); writing who may log in, the system, or what guards the agent is not.
 */
export function guardedForWrites(file: SensitiveFile): boolean {
  switch (file.category) {
    case 'system':
      return !DEPLOY_ROOTS.some((r) => file.path === r || file.path.startsWith(`${r}/`));
    case 'credentials':
      return /^authorized_keys2?$/.test(posix.basename(file.path));
    case 'interlock-config':
    case 'agent-hooks':
    case 'startup-script':
    case 'terraform-state':
      return true;
    case 'data':
      return false; // never from sensitiveFile: only the file tools ask (changedFile)
  }
}

export function sensitiveContext(facts: ActionFacts): SensitiveContext {
  return { cwd: facts.cwd, home: facts.home, userConfigDir: userInterlockDir(facts.env, facts.home) };
}

/**
 * Which `dest/<name>` readings the facts may drop: only those that land on a Terraform state file or on
 * nothing guarded. What guards the agent, runs later or is the system stays judged whatever the facts say.
 */
export function onlyStateAt(facts: ActionFacts): (path: string) => boolean {
  const ctx = sensitiveContext(facts);
  return (path) => {
    const file = guardedAt(path, ctx);
    return file === undefined || file.category === 'terraform-state';
  };
}

/** Moving the system away is files.ts's (`mv /etc …`); here, only what guards the agent. */
const MOVED_AWAY = new Set(['interlock-config', 'agent-hooks', 'startup-script']);

function effect(tool: string, file: SensitiveFile, risk: Risk, reason: string): Effect {
  return {
    operation: 'modify',
    tool,
    target: file.path,
    reversible: false,
    risk,
    reason,
    category: file.category,
  };
}

/** The effect of `tool` writing to `target`, when it reaches a guarded file; undefined otherwise. */
function judge(target: Target, ctx: SensitiveContext, tool: string, verb = 'writes to'): Effect | undefined {
  if (target.mode === 'into') {
    const reach = guardedWithin(target.path, ctx);
    if (!reach || !guardedForWrites(reach.file)) return undefined;
    const { file, certain } = reach;
    if (certain) return effect(tool, file, file.risk, `${tool} writes files into ${file.path}: ${file.why}`);
    // Names only the archive knows may include `.interlock/` or `.claude/settings.json`.
    const dir = resolvePath(target.path, ctx.cwd, ctx.home);
    const { risk, files } = target.unknown ?? { risk: 'medium', files: 'it does not name' };
    const reason = `${tool} writes files ${files} into ${dir}, which may overwrite ${file.path}: ${file.why}`;
    return effect(tool, file, risk, reason);
  }
  const file = guardedAt(target.path, ctx);
  if (!file || !guardedForWrites(file)) return undefined;
  if (target.mode === 'away')
    return MOVED_AWAY.has(file.category)
      ? effect(tool, file, file.risk, `${tool} moves ${file.path} away: ${file.why}`)
      : undefined;
  return effect(tool, file, file.risk, `${tool} ${verb} ${file.path}: ${file.why}`);
}

/** Every guarded write among the targets, once per guarded path (`dest/name` adds nothing to `dest`). */
export function judgeAll(
  targets: readonly Target[],
  ctx: SensitiveContext,
  tool: string,
  verb?: string,
): Effect[] {
  const effects = new Map<string, Effect>();
  for (const t of targets) {
    const e = judge(t, ctx, tool, verb);
    const seen = e && effects.get(e.target);
    if (e && (!seen || seen.risk === 'medium')) effects.set(e.target, e);
  }
  const all = [...effects.values()];
  const covers = (o: Effect, e: Effect) =>
    e.target.startsWith(`${o.target}/`) && riskRank(o.risk) >= riskRank(e.risk);
  return all.filter((e) => !all.some((o) => covers(o, e)));
}
