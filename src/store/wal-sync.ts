import { fdatasync } from 'node:fs';

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Makes the writer's commits durable off the event loop: the writer commits with synchronous=NORMAL (its WAL
 * frames reach the OS), then this flushes the -wal file in libuv's thread pool, and a caller is answered
 * only once a flush that began after its commit has finished. A flush covers every commit made before it
 * began, so a burst of commits shares one. Two may run at once: a commit made while one runs starts the
 * next at once instead of waiting a whole flush for it to end (a busy server's callers waited up to two
 * flushes), and whichever ends covers what it began after, in any order.
 *
 * A second flush is for a few callers: one that committed just after a flush began waits one flush, not
 * two. A crowd (more than CROWD callers committed since the running flush began, as at maximum load) waits
 * for the running flush to end and then shares one: a second flush would only double the flushes, and each
 * costs the process 0.2–0.4 ms of CPU (mostly the kernel's) on this project's machine, loaded (issue 17).
 *
 * The flush is fdatasync: the frames and the file's length (what recovery reads), not its times, so a commit
 * that overwrites a restarted WAL in place costs no journal commit for the inode's mtime (fsync's did).
 *
 * After a failed flush nothing is known about what reached the disk (the kernel may even drop the dirty
 * pages and report success next time), so every later wait fails too: the store must be reopened.
 */
/** How a flush is made: fdatasync, or a stand-in in tests. */
export type FlushFn = (fd: number, done: (error: Error | null) => void) => void;

const MAX_FLUSHES = 2;
/** More callers than this, committed since the running flush began, share the next flush instead. */
const CROWD = 8;

export class WalSync {
  private committed = 0;
  private synced = 0;
  /** The last commit that a running or finished flush began after. */
  private begun = 0;
  private flushing = 0;
  /** Callers whose commits were made since the last flush began. */
  private uncovered = 0;
  /** Settle when the running flushes end (close waits for them before it closes the file). */
  private ends: Promise<void>[] = [];
  private failed: Error | undefined;
  private readonly waiters: Waiter[] = [];
  /** The commits not yet on disk and when each was made (performance.now()), oldest first. */
  private readonly unflushed: { seq: number; at: number }[] = [];

  constructor(
    private readonly fd: number,
    private readonly flushFd: FlushFn = fdatasync,
  ) {}

  /** Note a commit that `callers` wait for (a batch of transactions); returns its number, for `durable`. */
  commit(callers = 1): number {
    this.committed += 1;
    this.uncovered += callers;
    this.unflushed.push({ seq: this.committed, at: performance.now() });
    this.flush();
    return this.committed;
  }

  /** Set once a flush has failed: nothing more can be acknowledged. */
  get failure(): Error | undefined {
    return this.failed;
  }

  /**
   * Whether every commit not yet on disk was made within the last `windowMs` (and no flush has failed): the
   * flushes keep up, so what is committed now reaches the disk within about that long unless the machine
   * stops. Under a stalled disk this turns false after `windowMs`, which bounds what a caller told early
   * (see TransactOptions.harmless) can lose.
   */
  keepingUp(windowMs: number, now = performance.now()): boolean {
    const oldest = this.unflushed[0];
    return !this.failed && (oldest === undefined || now - oldest.at <= windowMs);
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

  /** Everything committed so far on disk, and no flush still running (for close). */
  async drained(): Promise<void> {
    await this.durable(this.committed);
    await Promise.all(this.ends);
  }

  private flush(): void {
    if (this.flushing >= MAX_FLUSHES || this.failed || this.begun >= this.committed) return;
    if (this.flushing > 0 && this.uncovered > CROWD) return; // they share the next one (see above)
    this.flushing += 1;
    const target = this.committed;
    this.begun = target;
    this.uncovered = 0;
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    this.ends.push(end);
    this.flushFd(this.fd, (error) => {
      this.flushing -= 1;
      this.ends = this.ends.filter((e) => e !== end);
      ended();
      if (this.failed) return; // another flush failed: its waiters, and all later ones, are refused
      if (error) {
        this.failed = new Error(`the SQLite write-ahead log could not be flushed to disk: ${error.message}`);
        for (const w of this.waiters.splice(0)) w.reject(this.failed);
        return;
      }
      if (target > this.synced) this.synced = target;
      let flushed = 0;
      while (flushed < this.unflushed.length && this.unflushed[flushed]!.seq <= this.synced) flushed++;
      this.unflushed.splice(0, flushed);
      // Waiters arrive in order of their commit numbers: answer the covered ones, oldest first.
      let n = 0;
      while (n < this.waiters.length && this.waiters[n]!.seq <= this.synced) n++;
      for (const w of this.waiters.splice(0, n)) w.resolve();
      this.flush();
    });
  }
}
