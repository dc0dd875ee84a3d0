import { fdatasync } from 'node:fs';

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Makes the writer's commits durable off the event loop: the writer commits with synchronous=NORMAL (its WAL
 * frames reach the OS), then this flushes the -wal file in libuv's thread pool, and a caller is answered
 * only once a flush that began after its commit has finished. One flush runs at a time and covers every
 * commit made before it began, so a burst of commits shares one.
 *
 * The flush is fdatasync: the frames and the file's length (what recovery reads), not its times, so a commit
 * that overwrites a restarted WAL in place costs no journal commit for the inode's mtime (fsync's did).
 *
 * After a failed flush nothing is known about what reached the disk (the kernel may even drop the dirty
 * pages and report success next time), so every later wait fails too: the store must be reopened.
 */
export class WalSync {
  private committed = 0;
  private synced = 0;
  private flushing = false;
  private failed: Error | undefined;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly fd: number) {}

  /** Note a commit; returns its number, for `durable`. */
  commit(): number {
    this.committed += 1;
    this.flush();
    return this.committed;
  }

  /** Set once a flush has failed: nothing more can be acknowledged. */
  get failure(): Error | undefined {
    return this.failed;
  }

  /** The number of the last commit: whatever a read sees now is covered once it is durable. */
  get latest(): number {
    return this.committed;
  }

  /** Undefined when commit `seq` is already on disk, else a promise that settles when it is (or cannot be). */
  durable(seq: number): Promise<void> | undefined {
    if (this.failed) return Promise.reject(this.failed);
    if (this.synced >= seq) return undefined;
    return new Promise((resolve, reject) => {
      this.waiters.push({ seq, resolve, reject });
      this.flush();
    });
  }

  /** Everything committed so far on disk (for close). */
  async drained(): Promise<void> {
    await this.durable(this.committed);
  }

  private flush(): void {
    if (this.flushing || this.failed || this.synced >= this.committed) return;
    this.flushing = true;
    const target = this.committed;
    fdatasync(this.fd, (error) => {
      this.flushing = false;
      if (error) {
        this.failed = new Error(`the SQLite write-ahead log could not be flushed to disk: ${error.message}`);
        for (const w of this.waiters.splice(0)) w.reject(this.failed);
        return;
      }
      this.synced = target;
      // Waiters arrive in order of their commit numbers: answer the covered ones, oldest first.
      let n = 0;
      while (n < this.waiters.length && this.waiters[n]!.seq <= target) n++;
      for (const w of this.waiters.splice(0, n)) w.resolve();
      this.flush();
    });
  }
}
