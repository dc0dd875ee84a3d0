import type { Outcome } from './types.js';

type ExitName = Outcome | 'ok' | 'internal' | 'usage' | 'failed' | 'not-running' | 'hook-block';

/**
 * The exit code of every `interlock` command: the one table, documented in README.md ("Exit codes").
 * `check`, `explain` and `plan check` exit with their outcome's code, so scripts and CI can branch on them.
 */
export const EXIT_CODES: Readonly<Record<ExitName, number>> = {
  /** The command did what was asked. */
  ok: 0,
  allow: 0,
  /** Something went wrong that the user cannot fix by changing the command: a bug, an unreadable database,
   * an approval server that cannot be reached. For `check` the decision is deny. */
  internal: 1,
  /** Bad input or usage: an unknown command or flag, a missing argument, a bad value, a missing file. */
  usage: 2,
  ask: 3,
  'require-approval': 4,
  deny: 5,
  /** The command ran, and what it checks does not hold: `audit verify` and `report incident` (the log does
   * not verify), `policy validate|list|test` (a broken file or a failing test), `doctor` (a hook that is
   * missing or does not answer), `creds scan` (a credential reaches production); `approvals`, `freeze`, `unfreeze`: the approval server refused (a bad or
   * revoked token, not allowed, a request no longer pending) or did not count the vote. */
  failed: 6,
  /** `daemon status`: no daemon is running (the convention of init scripts' `status`). */
  'not-running': 3,
  /** `hook`: block the tool call. Exit 2 blocks in all four agents' hook protocols (docs/hooks.md); the hook
   * exits with it for anything it cannot read, a usage error included (exit 1 would let most agents go on). */
  'hook-block': 2,
};
