import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';

/** What one checkpoint found: frames in the WAL, and how many of them are now in the database file. */
interface CheckpointResult {
  log: number;
  checkpointed: number;
}

// The worker's own connection runs with synchronous=FULL: SQLite then flushes the WAL before copying its
// frames into the database and flushes the database before it records them as copied, and only frames
// recorded as copied may be overwritten when the writer starts the WAL over. A PASSIVE checkpoint takes no
// lock the writer needs; it runs beside the writer, in its own thread, so its flushes never block the
// event loop.
//
// 'restart' (the writer waits meanwhile): a checkpoint of the whole WAL, then one write that changes nothing
// (user_version set to itself). The first write after a complete checkpoint starts the WAL over, and SQLite
// flushes the new header before its first frame: made here, that flush is this thread's, not the event
// loop's. NORMAL for that write: its frame holds nothing anyone needs (the header flush happens under NORMAL
// too), and the writer's next commit flushes the WAL anyway. If the write lock is taken (another process: not
// waited for, the writer is paused meanwhile) or the checkpoint is not complete, nothing is written: the
// writer's next commit starts the WAL over itself, as SQLite does by default.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.location, { timeout: 0 }); // never waits for a lock (see 'restart')
db.pragma('synchronous = FULL');
db.pragma('wal_autocheckpoint = 0');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
function restart() {
  const row = checkpoint();
  if (row.busy || row.checkpointed !== row.log || row.log === 0) return row;
  db.pragma('synchronous = NORMAL');
  try {
    db.exec('BEGIN IMMEDIATE');
    db.pragma('user_version = ' + db.pragma('user_version', { simple: true }));
    db.exec('COMMIT');
  } catch {
    if (db.inTransaction) db.exec('ROLLBACK'); // the write lock was taken: the writer starts it over
  } finally {
    db.pragma('synchronous = FULL');
  }
  return row;
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const row = message === 'restart' ? restart() : checkpoint();
    parentPort.postMessage({ log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;

/** Checkpoints of one SQLite file in a worker thread, one at a time. */
export class Checkpointer {
  private readonly worker: Worker;
  private pending: { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void } | undefined;
  private readonly exited: Promise<void>;
  private stopped: Error | undefined;
  private closing = false;

  constructor(location: string) {
    const require = createRequire(import.meta.url);
    const driver = require.resolve('better-sqlite3');
    // Required here, not imported: a one-shot command never checkpoints, and loading node:worker_threads
    // costs it ~3 ms.
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    this.worker = new Worker(WORKER, { eval: true, workerData: { driver, location } });
    this.worker.on('message', (m: CheckpointResult | { error: string }) => {
      const p = this.pending;
      this.pending = undefined;
      if (!this.closing) this.worker.unref();
      if ('error' in m) p?.reject(new Error(`checkpoint failed: ${m.error}`));
      else p?.resolve(m);
    });
    const fail = (error: Error) => {
      this.pending?.reject(error);
      this.pending = undefined;
    };
    this.worker.on('error', fail);
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.stopped = new Error('the checkpointer has stopped');
        fail(this.stopped);
        resolve();
      }),
    );
    // Idle, it never keeps the process alive: close() ends it. Unreferenced after the listeners: a 'message'
    // listener added later refs the worker's port again, and a one-shot `interlock check` then never exits.
    this.worker.unref();
  }

  get running(): boolean {
    return this.pending !== undefined;
  }

  /** Copy what the WAL holds into the database file (PASSIVE: as far as no reader needs the WAL). */
  checkpoint(): Promise<CheckpointResult> {
    return this.ask('checkpoint');
  }

  /** With the writer idle: copy the whole WAL, then start it over from this thread (see WORKER). */
  restart(): Promise<CheckpointResult> {
    return this.ask('restart');
  }

  private ask(message: 'checkpoint' | 'restart'): Promise<CheckpointResult> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.pending) return Promise.reject(new Error('a checkpoint is already running'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      // A checkpoint someone waits for (the writer, before it starts the WAL over) keeps the process alive.
      this.worker.ref();
      this.worker.postMessage(message);
    });
  }

  /** Let a running checkpoint finish, then close the worker's connection and end the thread. */
  async close(): Promise<void> {
    // Held until it has ended (unreferenced, the process could exit first and leave close() unsettled).
    this.closing = true;
    this.worker.ref();
    this.worker.postMessage('close');
    await this.exited;
  }
}
