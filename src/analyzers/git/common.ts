import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import { parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { SensitiveContext } from '../sensitive-files.js';

/** The repository a git command acts on. */
export interface Repo {
  /** The work tree (cwd, or -C / --work-tree). */
  dir: string;
  /** `-c key=value` given before the subcommand (keys lower-cased). */
  config: Map<string, string>;
  /** The work tree as an environment hint (a deployment checkout in /srv/app-production). */
  hints: EnvironmentHint[];
  /** Where the guarded files are, for a repository on this machine (undefined on another one). */
  guards?: SensitiveContext;
  /** The directory the command runs in, for a repository on this machine (-C may name another). */
  cwd?: string;
}

export function make(
  operation: Operation,
  risk: Risk,
  target: string,
  reason: string,
  category: string,
  hints: EnvironmentHint[] = [],
): Effect {
  return { operation, tool: 'git', target, reversible: false, risk, reason, category, hints };
}

/** Uncommitted or untracked work in the work tree is lost. */
export function lostWork(repo: Repo, risk: Risk, target: string, reason: string): Effect {
  return make('delete', risk, target, reason, 'git-worktree', repo.hints);
}

/** Commits or the records that recover them are rewritten or dropped. */
export function lostHistory(
  repo: Repo,
  operation: Operation,
  risk: Risk,
  target: string,
  reason: string,
): Effect {
  return make(operation, risk, target, reason, 'git-history', repo.hints);
}

export type Args = readonly Word[];

/**
 * git takes any unique prefix of a long option (`git reset --har` is `--hard`). The long options whose
 * presence makes a git command more dangerous are matched by prefix too; those that make it safer
 * (`--dry-run`, `--cached`, `--staged`) only when written whole, so an abbreviation never hides an effect.
 */
const DANGEROUS_LONG_OPTIONS = [
  '--hard',
  '--merge',
  '--force',
  '--force-with-lease',
  '--discard-changes',
  '--interactive',
  '--pathspec-from-file',
  '--worktree',
  '--delete',
  '--mirror',
  '--prune',
  '--all',
  '--branches',
  '--expire',
  '--expire-unreachable',
];

/** A git subcommand's options, abbreviations of the dangerous ones included. */
export function gitOptions(args: Args, withValue: readonly string[] = []): ParsedOptions {
  return parseOptions(args, { withValue, abbreviations: DANGEROUS_LONG_OPTIONS });
}
