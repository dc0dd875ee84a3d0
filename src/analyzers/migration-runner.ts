import type { EnvironmentHint, Operation, Risk } from '../core/types.js';
import type { OptionSpec } from '../shell/options.js';
import type { Word } from '../shell/words.js';
import type { Invocation } from './analyzer.js';
import { serverHints } from './databases/servers.js';

// What migration-runners.ts knows of one schema migration runner: its options, the commands that only look,
// undo or apply migrations, and where its database is.

interface Task {
  operation: Operation;
  risk: Risk;
  what: string;
}

export const task = (operation: Operation, risk: Risk, what: string): Task => ({ operation, risk, what });

/** What a runner's positionals say: the command and the rest, and where the database is. */
interface Reading {
  command: string;
  rest: Word[];
  hints: EnvironmentHint[];
}

export interface Runner {
  options: OptionSpec;
  /** Commands that only look or write a new migration file: known, and nothing to judge. */
  looks: ReadonlySet<string>;
  read(
    positionals: Word[],
    inv: Invocation,
    value: (...names: string[]) => string | undefined,
  ): Reading | undefined;
  /** The task of a command, given the words after it; undefined when it changes nothing that matters. */
  task(command: string, rest: Word[], has: (...names: string[]) => boolean): Task | undefined;
  /** Commands that apply migrations: SQL in files not read here (`migrate up`, `sqitch deploy`). */
  applies: ReadonlySet<string>;
  /** Options with which a command only prints the SQL or says what it would do (`alembic upgrade --sql`). */
  dry?: readonly string[];
}

export const urlHints = (source: string, url: string | undefined): EnvironmentHint[] =>
  serverHints(source, url);

/** The database an option gives (`--url`, `--database-url`), or else the one a variable holds. */
export function urlOrVariable(
  inv: Invocation,
  option: string,
  url: string | undefined,
  variable = 'DATABASE_URL',
): EnvironmentHint[] {
  return url ? urlHints(`flag ${option}`, url) : urlHints(`env ${variable}`, inv.env(variable));
}
