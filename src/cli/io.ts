import { stdioWriter } from './stdio-writer.js';

// Where a command reads and writes: the process by default, buffers in tests (so a test can run a
// command in-process instead of spawning one).

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

let answersToDescriptors = false;

/**
 * Set by the one-shot entry (bundle-entry.ts), whose process answers once and leaves: answers go straight
 * to the descriptors. Elsewhere (the full command line, a test that captures `process.stdout`) they go
 * through Node's streams.
 */
export function writeAnswersToDescriptors(): void {
  answersToDescriptors = true;
}

/**
 * The process's own input and output. `answer`: the command prints one answer and leaves (check, explain,
 * plan check, policy list), written straight to the descriptors in a one-shot process (see
 * stdio-writer.ts). `streams`: through Node's streams, which buffer what a slow reader has not taken yet:
 * `check --batch` keeps reading its input while its output waits, where a blocking write could wait on a
 * caller that waits on it.
 */
export function processIo(output: 'answer' | 'streams' = 'streams'): CliIo {
  const direct = output === 'answer' && answersToDescriptors;
  return {
    // Made when first read: `process.stdin` builds a stream over the descriptor (~3 ms of a one-shot
    // `check`), and only `check --batch` reads it.
    get stdin() {
      return process.stdin;
    },
    stdout: direct ? stdioWriter(1, () => process.stdout) : process.stdout,
    stderr: direct ? stdioWriter(2, () => process.stderr) : process.stderr,
    env: process.env,
  };
}
