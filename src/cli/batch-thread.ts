import { parentPort, workerData } from 'node:worker_threads';
import { loadRuntime, type RuntimeOptions } from '../app/runtime.js';
import { groupEvaluator, type LineWork } from './batch-eval.js';

// A worker thread of `check --batch` (batch-pool.ts): it loads its own parsers and policies, evaluates
// the lines it is handed and sends their evaluations back. The main thread keeps the order, asks the
// approval server, records the audit log and answers.

/** What the main thread gives a worker: the batch's environment, cwd and how to load the runtime. */
export interface BatchThreadData {
  env: Record<string, string>;
  cwd?: string;
  runtime: Omit<RuntimeOptions, 'env' | 'sources'>;
}

/** A chunk of lines of one group to evaluate. */
export interface ChunkMessage {
  id: number;
  group: number;
  work: LineWork[];
}

export async function runBatchThread(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runBatchThread runs in a worker thread');
  const data = workerData as BatchThreadData;
  const env = Object.freeze({ ...data.env });
  // The same runtime as the main thread's, which loaded it with the process environment (a copy here).
  const rt = await loadRuntime(data.runtime);
  const evaluateGroup = groupEvaluator(data.cwd, env, rt);
  // One chunk at a time, in the order they came: a group's lines share their facts (once-facts.ts).
  let queue = Promise.resolve();
  port.on('message', (chunk: ChunkMessage) => {
    queue = queue.then(async () =>
      port.postMessage({ id: chunk.id, results: await evaluateGroup(chunk.group, chunk.work) }),
    );
  });
  port.postMessage({ ready: true });
}
