import { spawn } from 'node:child_process';

// Run the brokered program and time it. Its output goes to the caller's streams; its stdin is closed, so
// only the SQL on the command line, which was assessed and approved, can run (psql reading statements from
// the agent's terminal or a pipe would run unseen SQL as the privileged role).

export interface Execution {
  exitCode?: number;
  signal?: string;
  durationMs: number;
  /** Set when the program could not be started at all. */
  error?: string;
}

export interface ExecuteOptions {
  env: Record<string, string>;
  cwd?: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export function execute(
  program: string,
  args: readonly string[],
  options: ExecuteOptions,
): Promise<Execution> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      env: options.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => options.stdout.write(d.toString()));
    child.stderr.on('data', (d: Buffer) => options.stderr.write(d.toString()));
    child.once('error', (error) => resolve({ durationMs: Date.now() - started, error: error.message }));
    child.once('close', (code, signal) =>
      resolve({
        durationMs: Date.now() - started,
        ...(code !== null ? { exitCode: code } : {}),
        ...(signal ? { signal } : {}),
      }),
    );
  });
}
