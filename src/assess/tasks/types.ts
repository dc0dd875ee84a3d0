/** Which file says what a task runner runs. */
export type TaskFormat = 'make' | 'package-json' | 'just' | 'task';

/** A task runner's command line, understood: where its file may be and which tasks it asks for. */
export interface TaskRequest {
  format: TaskFormat;
  /** How effects say where they came from: `make recreate`, `npm run db:reset`. */
  label: string;
  /** The files the runner looks for, absolute, in its order: the first that exists is the one it reads. */
  candidates: string[];
  /** The tasks asked for, in order; none means the runner's default. */
  tasks: string[];
  /** Variables set on the command line (`make ENV=prod`, `task deploy ENV=prod`): they win over the file's. */
  variables: Record<string, string>;
  /** Words for the task itself (`npm run x -- --force`, just's parameters, Taskfile's CLI_ARGS). */
  args: string[];
  /** Where the recipes run when the command line says (`make -C dir`, `just -d dir`), else the file's folder. */
  cwd?: string;
  /** `make -n`: only lines make runs even then (`+` lines, `$(MAKE)`). */
  dryRun?: boolean;
  /** npm, yarn, pnpm: `preX` and `postX` run around `X`. */
  prePost?: boolean;
}

/** One command line of a task, and where it is written (`Makefile:7`, `package.json scripts.db:reset`). */
interface RecipeLine {
  text: string;
  at: string;
}

/** The commands one task runs, each in its own shell, in `cwd` (relative to the file's folder) when set. */
export interface Recipe {
  name: string;
  lines: RecipeLine[];
  cwd?: string;
}

/**
 * What a runner's file says about the tasks asked for: the recipes, in the order they run; `none` when the
 * runner runs nothing of the file's (npm without such a script reports it; yarn runs a binary instead);
 * `unknown` when this reader cannot say (a target it did not find, a file it cannot follow).
 */
type TaskLookup =
  { kind: 'found'; recipes: Recipe[] } | { kind: 'none' } | { kind: 'unknown'; reason: string };

/** Reads one kind of file: `file` is how effects name it (`Makefile`, `ops/justfile`). */
export type TaskReader = (text: string, request: TaskRequest, file: string) => TaskLookup;

/** Text in place of a value this reader cannot compute: the shell sees a variable it cannot resolve. */
export const UNKNOWN_VALUE = '${INTERLOCK_UNKNOWN_VALUE}';
