import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

// A one-shot command writes its answer with a synchronous write to the descriptor. Building
// `process.stdout` over a pipe loads node:net and the stream modules (~3.5 ms of a ~75 ms `check`), for
// one write that a blocking pipe takes at once. Whatever the descriptor refuses (EAGAIN from a pipe another
// process made non-blocking, EPIPE, …) goes to the stream from then on, which handles it as it always did.

export interface StdioWriter {
  write(text: string): boolean;
  readonly isTTY: boolean;
}

/** Writes to `fd` (stdout, stderr) without building its stream; `stream()` takes over whatever the descriptor refuses. */
export function stdioWriter(fd: number, stream: () => NodeJS.WriteStream): StdioWriter {
  let fallback: NodeJS.WriteStream | undefined;
  let tty: boolean | undefined;
  return {
    write(text) {
      if (fallback) return fallback.write(text);
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
        return true;
      } catch {
        fallback = stream();
        return fallback.write(bytes.subarray(written));
      }
    },
    get isTTY() {
      tty ??= isTerminal(fd);
      return tty;
    },
  };
}

/** Only a character device is asked (node:tty loads node:net): a pipe, a file, a closed descriptor is no terminal. */
function isTerminal(fd: number): boolean {
  let device = false;
  try {
    device = fstatSync(fd).isCharacterDevice();
  } catch {
    // closed
  }
  return device && (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

/**
 * Whether a stdio stream may still hold output: Node writes to a pipe or socket asynchronously once the
 * pipe is full, and such a stream is an active handle. Without the resource list (it is experimental in
 * Node 20), assume it may.
 */
export function stdioMayHoldOutput(): boolean {
  if (typeof process.getActiveResourcesInfo !== 'function') return true;
  return process.getActiveResourcesInfo().some((r) => r === 'PipeWrap' || r === 'TCPWrap' || r === 'TTYWrap');
}
