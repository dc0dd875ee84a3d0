import type { ActionFacts, Effect, EnvironmentHint } from '../core/types.js';
import type { Redirect, SimpleCommand, Substitution } from '../shell/extract.js';
import type { Word } from '../shell/words.js';

/** One command as an analyzer sees it, after wrappers (sudo, env, ssh, sh -c…) were peeled off. */
export interface Invocation {
  /** Basename of the program: "aws", "kubectl", "rm". */
  name: string;
  /** Arguments after the program name. */
  args: Word[];
  /** Variables set for this command only (`VAR=x cmd`, `env VAR=x cmd`). */
  assignments: Record<string, Word>;
  redirects: Redirect[];
  stdinFrom?: SimpleCommand;
  stdinText?: Word;
  /** The command substitutions in its arguments (`curl https://x/$(…)`): what prints their values. */
  substitutions?: Substitution[];
  facts: ActionFacts;
  /** Environment facts the wrappers contributed (ssh host, kubectl exec namespace…). */
  hints: EnvironmentHint[];
  /** Runs as root (sudo/doas). */
  elevated: boolean;
  /** Runs on another machine or container (ssh, kubectl exec, docker exec): local paths do not apply. */
  remote: boolean;
  /** Reads a variable as the command would see it: its own assignments first, then the agent's environment. */
  env(name: string): string | undefined;
  /** The full text of the command, for messages. */
  text: string;
}

/** Knowledge of one family of tools: what their commands destroy, replace, modify or only read. */
export interface Analyzer {
  readonly family: string;
  /** Program names this analyzer understands. */
  readonly commands: readonly string[];
  /**
   * Whether these tools act on this machine (files, git, local services). Local effects are
   * non-production unless something (an ssh host, a hint) says otherwise; remote ones are "unknown".
   */
  readonly local: boolean;
  /** Environment variables that choose where these tools act (AWS_PROFILE, PGHOST…). */
  readonly environmentVariables: readonly string[];
  /**
   * Knows a few of these programs' commands only (`npm unpublish`, not `npm run`): a command it finds
   * nothing in stays an unrecognised program, which production credentials make unverifiable.
   */
  readonly partial?: boolean;
  analyze(invocation: Invocation): Effect[];
}
