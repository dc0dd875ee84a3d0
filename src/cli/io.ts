// Where a command reads and writes: the process by default, buffers in tests (so a test can run a
// command in-process instead of spawning one).

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    // Made when first read: `process.stdin` builds a stream over the descriptor (~3 ms of a one-shot
    // `check`), and only `check --batch` reads it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
}
