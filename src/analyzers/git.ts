import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { make, type Repo } from './git/common.js';
import { historyCommand } from './git/history.js';
import { push } from './git/push.js';
import { worktreeCommand } from './git/worktree.js';
import { pathHintValue } from './iac/common.js';
import { resolvePath } from './paths.js';

const GLOBAL_VALUES = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env'];

/** Global options come before the subcommand: `git -C dir -c k=v --no-pager push …`. */
function globals(inv: Invocation): { repo: Repo; index: number } {
  const config = new Map<string, string>();
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
    const value = GLOBAL_VALUES.includes(name) ? (inline ?? inv.args[++i]?.value ?? '') : '';
    if (name === '-C') dir = at(value, dir ?? inv.facts.cwd);
    else if (name === '--work-tree') workTree = value;
    else if (name === '-c') {
      const sep = value.indexOf('=');
      const key = (sep >= 0 ? value.slice(0, sep) : value).toLowerCase();
      config.set(key, sep >= 0 ? value.slice(sep + 1) : 'true');
    }
  }
  const base = dir ?? inv.facts.cwd;
  const tree = workTree ? at(workTree, base) : inv.remote && !dir ? '<remote repository>' : base;
  const value = tree.startsWith('<') ? undefined : inv.remote ? tree : pathHintValue(tree, inv.facts.home);
  const hints = value ? [{ source: 'git work tree', value, weak: true as const }] : [];
  return { repo: { dir: tree, config, hints }, index: i };
}

function analyze(inv: Invocation): Effect[] {
  if (inv.name === 'git-filter-repo' || inv.name === 'bfg') {
    const readOnly = ['--help', '-h', '--version', '--analyze', '--dry-run'];
    if (inv.args.some((w) => readOnly.includes(w.value))) return [];
    const reason = `${inv.name} rewrites the history of the repository`;
    return [make('modify', 'high', 'repository history', reason, 'git-history')];
  }
  const { repo, index } = globals(inv);
  const sub = inv.args[index];
  if (!sub) return [];
  if (sub.dynamic) {
    const reason = 'the git subcommand is computed at run time';
    return [make('execute-unverifiable', 'high', repo.dir, reason, 'git-history', repo.hints)];
  }
  const alias = repo.config.get(`alias.${sub.value.toLowerCase()}`);
  if (alias?.startsWith('!')) {
    const reason = `git -c alias.${sub.value} runs a shell command`;
    return [make('execute-unverifiable', 'high', alias.slice(1), reason, 'git-history', repo.hints)];
  }
  const args = inv.args.slice(index + 1);
  if (sub.value === 'push') return push(args);
  return worktreeCommand(repo, sub.value, args) ?? historyCommand(repo, sub.value, args) ?? [];
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
