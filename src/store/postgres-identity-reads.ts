import type { IdentityRow } from './rows.js';

export type TokenRow = IdentityRow & { token_hash: string };

interface Waiter {
  hash: string;
  resolve: (row: TokenRow | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Token lookups that arrive together (in one turn of the event loop) go to the database as one query: one
 * round trip and one pooled connection for them all instead of one each. Nothing is kept between turns:
 * every lookup is read after its request arrived, so a token revoked through any replica is refused at once.
 */
export class IdentityReads {
  private waiting: Waiter[] = [];

  constructor(private readonly query: (hashes: string[]) => Promise<TokenRow[]>) {}

  read(hash: string): Promise<TokenRow | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ hash, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const waiters = this.waiting;
    this.waiting = [];
    try {
      const rows = await this.query([...new Set(waiters.map((w) => w.hash))]);
      const byHash = new Map(rows.map((row) => [row.token_hash, row]));
      for (const w of waiters) w.resolve(byHash.get(w.hash));
    } catch (error) {
      for (const w of waiters) w.reject(error);
    }
  }
}
