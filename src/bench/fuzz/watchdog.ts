import { Worker } from 'node:worker_threads';

// A real infinite loop never returns, so no deadline in the same thread can see it. A watchdog thread
// reads a heartbeat and the current input from shared memory; when the heartbeat stops for `stallMs`, it
// prints the input that hung and kills the process, so the benchmark reports the hang instead of waiting.

const INPUT_BYTES = 64 * 1024;

const WATCHER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const beat = new Int32Array(workerData.shared, 0, 2);
const input = new Uint8Array(workerData.shared, 8);
let last = -1, since = Date.now();
setInterval(() => {
  const now = Atomics.load(beat, 0);
  if (now !== last) { last = now; since = Date.now(); return; }
  if (Date.now() - since < workerData.stallMs) return;
  const text = Buffer.from(input.subarray(0, Atomics.load(beat, 1))).toString('utf8');
  writeSync(2, '\\nfuzz: HANG, no answer for ' + workerData.stallMs + ' ms on input ' + text + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, 1000);
`;

export interface Watchdog {
  /** Before each input: what is about to run (shown if it hangs). */
  beat(input: string): void;
  stop(): Promise<void>;
}

export function watchdog(stallMs: number): Watchdog {
  const shared = new SharedArrayBuffer(8 + INPUT_BYTES);
  const beat = new Int32Array(shared, 0, 2);
  const input = new Uint8Array(shared, 8);
  const worker = new Worker(WATCHER, { eval: true, workerData: { shared, stallMs } });
  worker.unref();
  const encoder = new TextEncoder();
  return {
    beat(text) {
      const { written } = encoder.encodeInto(text.slice(0, INPUT_BYTES / 4), input);
      Atomics.store(beat, 1, written);
      Atomics.add(beat, 0, 1);
    },
    stop: async () => void (await worker.terminate()),
  };
}
