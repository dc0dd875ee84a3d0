interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Durability for batches whose COMMIT was asynchronous (postgres-chain.ts): each waits for a flush SENT
 * after its COMMIT returned, so the flush's commit record lies past the batch's in the WAL. One flush at a
 * time; the batches that commit while it runs wait for the next one and share it, so the disk's flushes
 * no longer follow the batches one for one, and a replica chains its next batch while the last one's
 * flush runs. A failed flush fails the batches waiting on it: committed perhaps, but never acknowledged.
 */
export class GroupFlush {
  private waiting: Waiter[] = [];
  private running = false;

  constructor(private readonly flush: () => Promise<unknown>) {}

  /** Resolves once a flush that started after this call has committed. */
  after(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length) {
        const waiters = this.waiting;
        this.waiting = [];
        try {
          await this.flush();
          for (const w of waiters) w.resolve();
        } catch (error) {
          for (const w of waiters) w.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
