import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate, createToken, revokeToken } from '../../src/server/tokens.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { CLI } from '../support/cli.js';
import { SQLITE } from './stores.js';

// The SQLite store remembers which identity a token belongs to instead of reading the table per request.
// A revocation must still take effect on the very next request, wherever it was made: by this store, by
// another connection to the same file, or by `interlock token revoke` in another process.

describe('sqlite: a revoked token stops working at once', () => {
  let store: Store;
  let database: string;
  let cleanup: () => Promise<void>;
  let token: string;

  beforeEach(async () => {
    ({ store, database, cleanup } = await SQLITE.create());
    ({ token } = await createToken(store, { kind: 'agent', name: 'bot', actsFor: 'carol', createdBy: 't' }));
    // Twice: the second answer comes from what the store remembered.
    expect((await authenticate(store, token))?.name).toBe('bot');
    expect((await authenticate(store, token))?.name).toBe('bot');
  });
  afterEach(async () => {
    await cleanup();
  });

  it('revoked by this store', async () => {
    await revokeToken(store, 'bot', 't');
    expect(await authenticate(store, token)).toBeUndefined();
  });

  it('revoked through another connection to the same file', async () => {
    const other = new SqliteStore(database);
    await other.migrate();
    try {
      await revokeToken(other, 'bot', 't');
    } finally {
      await other.close();
    }
    expect(await authenticate(store, token)).toBeUndefined();
  });

  it('revoked by `interlock token revoke` in another process', () => {
    execFileSync(process.execPath, [CLI, 'token', 'revoke', 'bot', '--database', database], {
      stdio: 'pipe',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' },
    });
    return expect(authenticate(store, token)).resolves.toBeUndefined();
  });

  it('a token authenticated while a revocation is not yet committed is not remembered past it', async () => {
    let authenticatedDuring: unknown = 'not run';
    await store.transact(async (tx) => {
      await tx.revokeIdentity('bot', Date.now());
      // Not committed yet: the committed state still has the token live, and may be read again.
      authenticatedDuring = (await authenticate(store, token))?.name;
    });
    expect(authenticatedDuring).toBe('bot');
    expect(await authenticate(store, token)).toBeUndefined();
  });

  it('a lookup confirmed in the transaction: the transaction sees a revocation by another process', async () => {
    // A decision's lookup skips the check for other processes' commits (src/store/sqlite.ts); its
    // transaction makes it (Tx.callerLive).
    const caller = (await authenticate(store, token, true))!;
    expect(await store.transact((tx) => tx.callerLive(caller))).toBe(true);
    execFileSync(process.execPath, [CLI, 'token', 'revoke', 'bot', '--database', database], {
      stdio: 'pipe',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' },
    });
    const remembered = await authenticate(store, token, true);
    if (remembered) expect(await store.transact((tx) => tx.callerLive(remembered))).toBe(false);
    expect(await store.transact((tx) => tx.callerLive(caller))).toBe(false);
    expect(await authenticate(store, token)).toBeUndefined();
  });

  it('a lookup confirmed in the transaction: revoked by this store, or earlier in the same batch', async () => {
    const caller = (await authenticate(store, token, true))!;
    const [revoked, live] = await Promise.all([
      revokeToken(store, 'bot', 't'),
      store.transact((tx) => tx.callerLive(caller)), // runs after the revocation, in the same commit
    ]);
    expect(revoked).toHaveLength(1);
    expect(live).toBe(false);
    expect(await store.transact((tx) => tx.callerLive(caller))).toBe(false);
  });

  it('what it remembers cannot be changed by a caller', async () => {
    const identity = (await authenticate(store, token))!;
    expect(() => {
      (identity as { name: string }).name = 'someone-else';
    }).toThrow();
    expect((await authenticate(store, token))?.name).toBe('bot');
  });
});
