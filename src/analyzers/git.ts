import type { Effect } from '../core/types.js';
import { word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { clone } from './git/clone.js';
import { rewritesNothing } from './git/filter-repo.js';
import { hooksPathEffects } from './git/hooks-path.js';
import { make, type Repo } from './git/common.js';
import { sensitiveContext } from './guarded-writes/judge.js';
import { historyCommand } from './git/history.js';
import { push } from './git/push.js';
import { submodule } from './git/submodule.js';
import { worktreeCommand } from './git/worktree.js';
import { pathHintValue } from './iac/common.js';
import { resolvePath } from './paths.js';

const GLOBAL_VALUES = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env'];

/** Global options come before the subcommand: `git -C dir -c k=v --no-pager push …`. */
function globals(inv: Invocation): { repo: Repo; index: number; computed: Set<string> } {
  const config = new Map<string, string>();
  const computed = new Set<string>();
  let dir: string | undefined;
  let workTree: string | undefined;
  const at = (p: string, base: string) => (inv.remote ? p : resolvePath(p, base, inv.facts.home));
  let i = 0;
  for (; i < inv.args.length; i++) {
    const w = inv.args[i]!;
    if (w.dynamic || !w.value.startsWith('-')) break;
    const eq = w.value.startsWith('--') ? w.value.indexOf('=') : -1;
    const name = eq >= 0 ? w.value.slice(0, eq) : w.value;
    const inline = eq >= 0 ? w.value.slice(eq + 1) : undefined;
    const valueWord = GLOBAL_VALUES.includes(name) && inline === undefined ? inv.args[++i] : undefined;
    const value = GLOBAL_VALUES.includes(name) ? (inline ?? valueWord?.value ?? '') : '';
    if (name === '-C') dir = at(value, dir ?? inv.facts.cwd);
    else if (name === '--work-tree') workTree = value;
    else if (name === '-c') {
      const sep = value.indexOf('=');
      const key = (sep >= 0 ? value.slice(0, sep) : value).toLowerCase();
      config.set(key, sep >= 0 ? value.slice(sep + 1) : 'true');
      if (valueWord?.dynamic) computed.add(key);
    }
  }
  const base = dir ?? inv.facts.cwd;
  const tree = workTree ? at(workTree, base) : inv.remote && !dir ? '<remote repository>' : base;
  const value = tree.startsWith('<') ? undefined : inv.remote ? tree : pathHintValue(tree, inv.facts.home);
  const hints = value ? [{ source: 'git work tree', value, weak: true as const }] : [];
  // Pathspecs are read from the work tree: guarded paths are found from there.
  const guards = inv.remote ? undefined : { ...sensitiveContext(inv.facts), cwd: tree };
  return {
    repo: { dir: tree, config, hints, ...(guards ? { guards, cwd: inv.facts.cwd } : {}) },
    index: i,
    computed,
  };
}

/** Split an alias the way git does (split_cmdline): blanks separate words, quotes and backslashes escape. */
function splitAlias(text: string): string[] | undefined {
  const words: string[] = [];
  let current: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) current += text[++i]!;
      else current += c;
    } else if (/\s/.test(c)) {
      if (current !== undefined) words.push(current);
      current = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      current ??= '';
    } else if (c === '\\' && i + 1 < text.length) current = (current ?? '') + text[++i]!;
    else current = (current ?? '') + c;
  }
  if (quote) return undefined;
  if (current !== undefined) words.push(current);
  return words;
}

function analyze(inv: Invocation): Effect[] {
  if (inv.name === 'git-filter-repo' || inv.name === 'bfg') {
    if (rewritesNothing(inv.args)) return [];
    const reason = `${inv.name} rewrites the history of the repository`;
    return [make('modify', 'high', 'repository history', reason, 'git-history')];
  }
  const { repo, index, computed } = globals(inv);
  const hooks = hooksPathEffects(repo, computed.has('core.hookspath'), inv.facts.home);
  let sub = inv.args[index];
  if (!sub) return hooks;
  let args = inv.args.slice(index + 1);
  // `git -c alias.nuke=reset nuke --hard` is `git reset --hard`; an alias may name another alias.
  const seen = new Set<string>();
  while (!sub.dynamic) {
    const key = `alias.${sub.value.toLowerCase()}`;
    const alias = repo.config.get(key);
    if (alias === undefined || seen.has(key)) break;
    seen.add(key);
    const words = computed.has(key) ? undefined : splitAlias(alias);
    // A shell alias written on this command line is read as a script where it is set (shell/escapes.ts);
    // words after it are appended to that script by git, so with any it is not known here.
    if (alias.startsWith('!') && !computed.has(key) && args.length === 0) return hooks;
    if (alias.startsWith('!') || !words?.length) {
      const reason = alias.startsWith('!')
        ? `git -c alias.${sub.value} runs a shell command`
        : `git -c alias.${sub.value} runs a git command computed at run time`;
      const target = alias.startsWith('!') ? alias.slice(1) : alias;
      return [make('execute-unverifiable', 'high', target, reason, 'git-history', repo.hints)];
    }
    sub = word(words[0]!);
    args = [...words.slice(1).map((w) => word(w)), ...args];
  }
  if (sub.dynamic) {
    const reason = 'the git subcommand is computed at run time';
    return [make('execute-unverifiable', 'high', repo.dir, reason, 'git-history', repo.hints)];
  }
  if (sub.value === 'push') return [...hooks, ...push(args)];
  if (sub.value === 'clone') return [...hooks, ...clone(inv, repo, args)];
  if (sub.value === 'submodule') return [...hooks, ...submodule(repo, args)];
  return [
    ...hooks,
    ...(worktreeCommand(repo, sub.value, args) ?? historyCommand(repo, sub.value, args) ?? []),
  ];
}

/**
 * git: force pushes and remote deletions (the remote and branch are environment hints), history rewriting,
 * and commands that throw away uncommitted or untracked work. Plain everyday commands have no effect.
 */
export const gitAnalyzer: Analyzer = {
  family: 'git',
  commands: ['git', 'git-filter-repo', 'bfg'],
  local: true,
  environmentVariables: [],
  analyze,
};
