import { Worker } from 'node:worker_threads';
import type { GroupEvaluator, LineResult, LineWork } from './batch-eval.js';
import type { BatchThreadData, ChunkMessage } from './batch-thread.js';

// `check --batch` on more than one core: the lines of a group are shared out in small chunks between the
// main thread and worker threads (batch-thread.ts), each with its own parsers and policies. Whoever is free
// takes the next chunk; the results go back in their lines' places, so the order never changes. A worker
// that fails hands its chunk back to the main thread, which evaluates it as it would without workers.

/** A worker thread as the pool sees it (a stand-in in tests). */
export interface Thread {
  ready: boolean;
  dead: boolean;
  /** Chunks handed to it and not yet back. */
  busy: number;
  run(group: number, work: LineWork[]): Promise<LineResult[]>;
  stop(): Promise<number>;
}

/** Lines handed over at a time: small enough to share a group evenly, large enough to cost few messages. */
const CHUNK = 16;
/** Chunks a worker holds at once: enough to keep it busy while the main thread commits a group's entries. */
const IN_FLIGHT = 6;

/** Start a worker thread (batch-worker.ts); `onReady` once it has loaded its parsers and policies. */
function startWorker(data: BatchThreadData, onReady: (thread: Thread) => void): Thread {
  const worker = new Worker(new URL('./batch-worker.js', import.meta.url), { workerData: data });
  const pending = new Map<number, { resolve: (r: LineResult[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const fail = (error: Error) => {
    thread.dead = true;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const thread: Thread = {
    ready: false,
    dead: false,
    busy: 0,
    run(group, work) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, group, work } satisfies ChunkMessage);
      });
    },
    stop: () => worker.terminate(),
  };
  worker.on('message', (message: { ready: true } | { id: number; results: LineResult[] }) => {
    if ('ready' in message) {
      thread.ready = true;
      onReady(thread);
      return;
    }
    pending.get(message.id)?.resolve(message.results);
    pending.delete(message.id);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a batch worker thread exited (${code})`)));
  return thread;
}

/** One group's lines being shared out: the next chunk to take, and where the results go. */
class GroupShare {
  private next = 0;
  private left: number;
  private readonly results: LineResult[];
  readonly done: Promise<LineResult[]>;
  private finish!: (results: LineResult[]) => void;

  constructor(
    readonly group: number,
    private readonly work: readonly LineWork[],
  ) {
    this.results = new Array<LineResult>(work.length);
    this.left = work.length;
    this.done = new Promise((resolve) => (this.finish = resolve));
    if (!work.length) this.finish([]);
  }

  get taken(): boolean {
    return this.next >= this.work.length;
  }

  /** The next chunk: its first line's index and its lines (taken only when some are left). */
  take(): { start: number; work: LineWork[] } {
    const start = this.next;
    this.next = Math.min(this.work.length, start + CHUNK);
    return { start, work: this.work.slice(start, this.next) };
  }

  put(start: number, results: readonly LineResult[]): void {
    for (const [i, r] of results.entries()) this.results[start + i] = r;
    this.left -= results.length;
    if (this.left === 0) this.finish(this.results);
  }
}

export interface BatchPool {
  /** Start evaluating a group's lines; their results, in order (groups are evaluated in the order given). */
  evaluate(group: number, work: readonly LineWork[]): Promise<LineResult[]>;
  close(): Promise<void>;
}

/**
 * Evaluate on the main thread (`local`) and, once a group of at least `minLines` comes, on `threads` worker
 * threads too. Several groups may be under way: the threads go on with the next group's lines while the
 * main thread records the last one's. No threads: the main thread alone, group after group.
 */
export function batchPool(
  local: GroupEvaluator,
  options: {
    threads: number;
    minLines: number;
    data: BatchThreadData;
    start?: typeof startWorker;
  },
): BatchPool {
  const start = options.start ?? startWorker;
  const threads: Thread[] = [];
  /** Groups with lines not yet taken, oldest first. */
  const queue: GroupShare[] = [];
  let localRunning = false;

  const nextChunk = () => {
    while (queue[0]?.taken) queue.shift();
    const share = queue[0];
    return share && { share, ...share.take() };
  };
  /** Hand a worker its next chunk, while it lives; a chunk it fails is evaluated here instead. */
  const feed = (thread: Thread) => {
    while (thread.ready && !thread.dead && thread.busy < IN_FLIGHT) {
      const chunk = nextChunk();
      if (!chunk) return;
      const { share, start, work } = chunk;
      thread.busy++;
      void thread
        .run(share.group, work)
        .then((results) => {
          if (results.length !== work.length) throw new Error('a batch worker thread lost lines');
          thread.busy--;
          share.put(start, results);
          feed(thread);
        })
        .catch(async () => {
          thread.dead = true; // a thread that failed once is given no more lines
          share.put(start, await local(share.group, work));
        });
    }
  };
  const runLocal = async () => {
    if (localRunning) return;
    localRunning = true;
    for (let chunk = nextChunk(); chunk; chunk = nextChunk()) {
      chunk.share.put(chunk.start, await local(chunk.share.group, chunk.work));
      // Let the workers' answers in, so that they are handed their next chunks without waiting.
      if (threads.length) await new Promise((resume) => setImmediate(resume));
    }
    localRunning = false;
  };

  return {
    evaluate(group, work) {
      if (threads.length === 0 && options.threads > 0 && work.length >= options.minLines)
        for (let i = 0; i < options.threads; i++) threads.push(start(options.data, feed));
      const share = new GroupShare(group, work);
      queue.push(share);
      for (const thread of threads) feed(thread);
      void runLocal();
      return share.done;
    },
    async close() {
      await Promise.all(threads.map((t) => t.stop()));
    },
  };
}
