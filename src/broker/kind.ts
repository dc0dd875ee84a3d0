import { InputError } from '../core/errors.js';
import type { Final } from '../app/pipeline.js';
import type { ShellEvaluation } from '../app/evaluate.js';
import type { BrokerConfig } from './config.js';

// One kind of brokered program (psql, aws, kubectl): how a command line finds its broker entry before the
// decision, and what runs after a final allow. Each kind lives in its own file; run.ts only dispatches.

export type ShellFinal = Final<ShellEvaluation>;

/** What the broker runs: an absolute program, its arguments and the child's whole environment. */
export interface Launch {
  program: string;
  args: string[];
  env: Record<string, string>;
  /** Lines for stderr before it runs (the Role an impersonated identity needs). */
  notes?: string[];
}

/**
 * Why the narrowed credentials cannot be had after the decision (STS down or refusing, an approved effect the
 * entry may not run or no policy can name): the decision becomes a deny, and nothing runs.
 */
export class LaunchRefused extends Error {}

/** No entry of the broker's file serves this command line: nothing runs, and the agent's own credentials never stand in. */
export function noEntry(kind: string, configPath: string, matching: string): InputError {
  return new InputError(
    `no ${kind} entry in ${configPath} matches ${matching}; nothing ran (the broker never uses the agent's own credentials)`,
  );
}

interface PreparedRun {
  /** `broker:<entry>`, recorded with the execution. */
  credentials: string;
  /** The environment the command is assessed with: as it will run, without the agent's credentials. */
  assessEnv: Record<string, string>;
  /** After a final allow. Throws LaunchRefused when nothing may run after all (fail closed). */
  launch(final: ShellFinal): Promise<Launch>;
}

export interface BrokerKind {
  /** The program's name, as the agent writes it (any path: the broker runs its own binary). */
  program: string;
  /** The entry for this command line. Throws InputError (naming the file) when nothing may run. */
  prepare(
    argv: readonly string[],
    config: BrokerConfig,
    configPath: string,
    env: NodeJS.ProcessEnv,
  ): PreparedRun;
}
