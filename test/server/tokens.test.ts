import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate, createToken, revokeToken } from '../../src/server/tokens.js';
import type { Store } from '../../src/store/types.js';
import { TARGETS } from '../store/stores.js';

// Making identities: what a token may be created with, on both stores.

describe.each(TARGETS)('tokens: $kind', (target) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await target.create());
  });
  afterEach(async () => {
    await cleanup();
  });

  it('an agent token needs the human it acts for', async () => {
    await expect(createToken(store, { kind: 'agent', name: 'claude', createdBy: 'test' })).rejects.toThrow(
      /an agent token needs --acts-for HUMAN/,
    );
    // Below the token code too: the store refuses such an identity.
    await expect(
      store.transact((tx) =>
        tx.insertIdentity({
          id: 'tok_noone',
          kind: 'agent',
          name: 'claude',
          groups: [],
          tokenHash: 'h',
          createdAt: 1,
        }),
      ),
    ).rejects.toThrow(/acts for/);
    expect(await store.listIdentities()).toEqual([]);
    expect(await store.auditEntries()).toEqual([]);
    const { token, identity } = await createToken(store, {
      kind: 'agent',
      name: 'claude',
      actsFor: 'carol',
      createdBy: 'test',
    });
    expect(await authenticate(store, token)).toEqual(identity);
    expect(identity.actsFor).toBe('carol');
  });

  it('stores names in one case: --acts-for Carol is carol', async () => {
    const agent = await createToken(store, {
      kind: 'agent',
      name: 'Claude',
      actsFor: 'Carol',
      createdBy: 'test',
    });
    expect(agent.identity).toMatchObject({ name: 'claude', actsFor: 'carol' });
    const human = await createToken(store, {
      kind: 'human',
      name: 'Bob',
      groups: ['Platform', 'platform', 'SRE'],
      createdBy: 'test',
    });
    expect(human.identity).toMatchObject({ name: 'bob', groups: ['platform', 'sre'] });
    expect(await authenticate(store, human.token)).toEqual(human.identity);
    expect((await revokeToken(store, 'BOB', 'test')).map((i) => i.id)).toEqual([human.identity.id]);
  });
});
