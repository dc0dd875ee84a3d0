import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const DIST_CLI = fileURLToPath(new URL('../../dist/cli/', import.meta.url));
const STATE = mkdtempSync(join(tmpdir(), 'interlock-state-'));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string;
  cwd?: string;
  env?: Record<string, string>;
}

/** The environment every run gets: nothing of the test runner's own, decisions audited under a fresh state. */
function cliEnv(env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    // Decisions are recorded in the audit log under XDG_STATE_HOME: a fresh one per test run, never the user's.
    XDG_STATE_HOME: STATE,
    NO_COLOR: '1',
    ...env,
  };
}

/**
 * Run the built CLI (dist/) as a user would, with a controlled environment, in this process: the same
 * code as `node dist/cli/main.js ARGS` from its command table on, without starting Node and loading the
 * parsers each time (a process costs 0.1–0.4 s, and several times that on a loaded machine). The few tests
 * about the process itself (its exit, its bootstrap, a kill) use `spawnCli`.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return inProcess(args, { ...options, env: cliEnv(options.env) });
}

/** Run the built CLI in its own process, as `node dist/cli/main.js ARGS`: for the process boundary itself. */
export function spawnCli(args: string[], options: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input ?? '',
    cwd: options.cwd,
    env: cliEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

// The built modules are loaded by Node itself, not transformed by vitest (vitest.config.ts externalizes
// dist/), so what runs is exactly what `node dist/cli/main.js` runs.
type Program = typeof import('../../src/cli/all-commands.js');
type FastHook = typeof import('../../src/cli/hook-fast.js');
const load = <T>(file: string): Promise<T> => import(pathToFileURL(join(DIST_CLI, file)).href) as Promise<T>;

/** Calls share the process's environment, directory and standard streams: one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * `main.ts` without starting a process: the arguments go to the same command table (or, for `hook <agent>`,
 * to the same bundled fast hook), with `env` as the whole environment, `cwd` as the directory, `input` on
 * stdin, and stdout/stderr captured. An error that escapes a command is reported as main.ts does.
 */
export function inProcess(
  args: string[],
  options: { input?: string; cwd?: string; env: Record<string, string> },
): Promise<CliResult> {
  const run = queue.then(() => runInProcess(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runInProcess(
  args: string[],
  options: { input?: string; cwd?: string; env: Record<string, string> },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void) =>
    new Writable({
      highWaterMark: 1 << 30,
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const saved = {
    env: process.env,
    cwd: process.cwd(),
    exitCode: process.exitCode,
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin')!,
    stdout: Object.getOwnPropertyDescriptor(process, 'stdout')!,
    stderr: Object.getOwnPropertyDescriptor(process, 'stderr')!,
  };
  const stream = (value: unknown) => ({ value, configurable: true, enumerable: true, writable: true });
  process.env = { ...options.env };
  if (options.cwd) process.chdir(options.cwd);
  Object.defineProperty(process, 'stdin', stream(stdin));
  Object.defineProperty(process, 'stdout', stream(capture((t) => (stdout += t))));
  Object.defineProperty(process, 'stderr', stream(capture((t) => (stderr += t))));
  process.exitCode = undefined;
  let status: number;
  try {
    const [subcommand, ...rest] = args;
    // As main.ts: one-shot commands and batches compile WebAssembly with the baseline tier only. (It holds
    // for the rest of this process: WebAssembly compiled once is compiled for good.)
    if (!['serve', 'daemon'].includes(subcommand ?? ''))
      (await load<typeof import('../../src/cli/short-lived.js')>('short-lived.js')).preferQuickStart();
    if (subcommand === 'hook' && rest.length > 0 && !rest.includes('--help') && !rest.includes('-h')) {
      // As main.ts: the bundled fast entry, required (it is CommonJS).
      const fast = createRequire(CLI)('./hook-fast.cjs') as FastHook;
      process.exitCode = await fast.runFastHook(rest);
    } else {
      process.exitCode = await (await load<Program>('all-commands.js')).runProgram(args);
    }
    status = Number(process.exitCode ?? 0);
  } catch (error) {
    // What escapes even runProgram (the fast hook's own failure): as main.ts, it blocks.
    process.stderr.write(`interlock: ${error instanceof Error ? error.message : String(error)}\n`);
    status = 1;
  } finally {
    process.env = saved.env;
    process.chdir(saved.cwd);
    process.exitCode = saved.exitCode;
    Object.defineProperty(process, 'stdin', saved.stdin);
    Object.defineProperty(process, 'stdout', saved.stdout);
    Object.defineProperty(process, 'stderr', saved.stderr);
  }
  return { status, stdout, stderr };
}
