import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { SQLITE } from './stores.js';

// The SQLite store keeps the audit chain's head in memory within a transaction (src/store/sqlite.ts). Another
// process may append between two of its transactions (`interlock token create` does), so each transaction
// starts from the head in the table.

describe('sqlite: the audit head after another connection appended', () => {
  let store: Store;
  let database: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, database, cleanup } = await SQLITE.create());
  });
  afterEach(async () => {
    await cleanup();
  });

  it('continues the chain from the other connection’s entry', async () => {
    const append = (s: Store, n: number) =>
      s.transact((tx) => tx.appendAudit({ type: 'n', actor: 't', at: n, data: { n } }));
    await append(store, 1);
    const other = new SqliteStore(database);
    await other.migrate();
    try {
      await append(other, 2);
    } finally {
      await other.close();
    }
    expect(await append(store, 3)).toMatchObject({ seq: 3 });
    const entries = await store.auditEntries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(verifyAuditChain(entries).ok).toBe(true);
  });
});
