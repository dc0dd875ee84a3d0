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

  it('two token creates racing for one Slack user: one wins, the other is told who holds it', async () => {
    const make = (name: string) =>
      createToken(store, { kind: 'human', name, slackUser: 'U0RACE', createdBy: 'test' });
    const raced = await Promise.allSettled([make('dave'), make('erin')]);
    const won = raced.find((r) => r.status === 'fulfilled');
    const lost = raced.find((r) => r.status === 'rejected');
    expect(won).toBeDefined();
    const holder = won!.value.identity;
    expect((lost!.reason as Error).message).toBe(
      `Slack user U0RACE already acts as ${holder.name} (token ${holder.id}); a Slack user maps to one person. Revoke that token first (interlock token revoke ${holder.id}) if the mapping is wrong.`,
    );
    expect((await store.listIdentities()).filter((i) => i.slackUser === 'U0RACE')).toHaveLength(1);
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
