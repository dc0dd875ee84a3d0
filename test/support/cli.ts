import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const STATE = mkdtempSync(join(tmpdir(), 'interlock-state-'));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would, with a controlled environment. */
export function runCli(
  args: string[],
  options: { input?: string; cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input ?? '',
    cwd: options.cwd,
    // Decisions are recorded in the audit log under XDG_STATE_HOME: a fresh one per test run, never the user's.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      XDG_STATE_HOME: STATE,
      NO_COLOR: '1',
      ...options.env,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
