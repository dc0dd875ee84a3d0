import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { PostgresStore } from '../../src/store/postgres.js';
import type { Tx } from '../../src/store/types.js';
import { POSTGRES_URL, uniqueSchema } from './stores.js';

// A replica decides on the freezes the last batch saw (checked again under the head lock) and reads tokens
// in one query per turn: the attacks here are a freeze and a revocation made through the OTHER replica,
// which must hold for the very next decision.

describe('two PostgreSQL replicas: what one reads after the other changed it', () => {
  const schema = uniqueSchema();
  const database = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const [a, b] = [new PostgresStore(database), new PostgresStore(database)] as const;

  beforeAll(async () => {
    await Promise.all([a, b].map((r) => r.migrate()));
  });
  afterAll(async () => {
    await a.dropSchema();
    await Promise.all([a, b].map((r) => r.close()));
  });

  const decide = (store: PostgresStore, label: string) => {
    let attempts = 0;
    const done = store.transact(async (tx) => {
      attempts++;
      const frozen = (await tx.getFreeze('global'))?.frozen ?? false;
      await tx.appendAudit({ type: 'decision', actor: 'claude', at: 1, data: { label, frozen } });
      return frozen;
    });
    return done.then((frozen) => ({ frozen, attempts }));
  };
  const freeze = (store: PostgresStore, frozen: boolean) =>
    store.transact(async (tx: Tx) => {
      await tx.setFreeze({ scope: 'global', frozen, at: 2, by: 'alice', reason: 'incident' });
      await tx.appendAudit({ type: frozen ? 'freeze' : 'unfreeze', actor: 'alice', at: 2, data: {} });
    });

  it('sends a batch of decisions as one message once it knows the freezes', async () => {
    await decide(a, 'warm');
    const before = { ...a.stats };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => decide(a, `d${i}`)));
    expect(results.every((r) => !r.frozen && r.attempts === 1)).toBe(true);
    const batches = a.stats.batches - before.batches;
    expect(a.stats.roundTrips - before.roundTrips).toBe(batches);
    expect(a.stats.lockedRoundTrips - before.lockedRoundTrips).toBe(batches);
  });

  it('denies on a freeze set through the other replica at once, then lets through once it is lifted', async () => {
    await decide(a, 'known unfrozen');
    await freeze(b, true);
    // Replica a still believes nothing is frozen: its append finds otherwise under the lock and retries.
    expect(await decide(a, 'after freeze')).toEqual({ frozen: true, attempts: 2 });
    expect(await decide(a, 'still frozen')).toEqual({ frozen: true, attempts: 1 });
    await freeze(b, false);
    expect(await decide(a, 'after unfreeze')).toEqual({ frozen: false, attempts: 2 });
    const entries = await a.auditEntries(1, 100_000);
    expect(verifyAuditChain(entries).ok).toBe(true);
    const decided = entries
      .map((e) => JSON.parse(e.body) as { type: string; data: { label?: string; frozen?: boolean } })
      .filter((e) => e.type === 'decision' && e.data.label?.startsWith('after'))
      .map((e) => [e.data.label, e.data.frozen]);
    // Only the attempt that saw the freeze was logged.
    expect(decided).toEqual([
      ['after freeze', true],
      ['after unfreeze', false],
    ]);
  });

  it('re-reads the freezes after a batch of its own that changed one', async () => {
    await freeze(a, true);
    expect(await decide(a, 'own freeze')).toEqual({ frozen: true, attempts: 1 });
    await freeze(a, false);
    expect(await decide(a, 'own unfreeze')).toEqual({ frozen: false, attempts: 1 });
  });

  it('refuses a token revoked through the other replica on the very next lookup', async () => {
    const hashes = ['1', '2', '3'].map((n) => n.repeat(64));
    await b.transact(async (tx) => {
      for (const [i, tokenHash] of hashes.entries())
        await tx.insertIdentity({
          id: `tok_${schema}_${i}`,
          kind: 'agent',
          name: `agent-${i}`,
          groups: [],
          actsFor: 'alice',
          tokenHash,
          createdAt: 1,
        });
    });
    // Lookups that arrive together share one query; each still gets its own identity (or none).
    const found = await Promise.all(
      [...hashes, 'f'.repeat(64), hashes[1]!].map((h) => a.identityByTokenHash(h)),
    );
    expect(found.map((i) => i?.name)).toEqual(['agent-0', 'agent-1', 'agent-2', undefined, 'agent-1']);
    await b.transact((tx) => tx.revokeIdentity('agent-1', 5));
    expect(await a.identityByTokenHash(hashes[1]!)).toBeUndefined();
    expect((await a.identityByTokenHash(hashes[0]!))?.name).toBe('agent-0');
  });

  it('refuses a decision whose caller it remembers once the other replica revoked the token, and only that one', async () => {
    const tokens = ['7', '8'].map((n, i) => ({
      id: `tok_${schema}_r${i}`,
      hash: n.repeat(64),
      name: `remembered-${i}`,
    }));
    await b.transact(async (tx) => {
      for (const t of tokens)
        await tx.insertIdentity({
          id: t.id,
          kind: 'agent',
          name: t.name,
          groups: [],
          actsFor: 'alice',
          tokenHash: t.hash,
          createdAt: 1,
        });
    });
    const [kept, revoked] = await Promise.all(tokens.map((t) => a.identityByTokenHash(t.hash, true)));
    await b.transact((tx) => tx.revokeIdentity(tokens[1]!.name, 5));
    // Replica a still remembers both (no round trip); the append checks them under the head lock.
    expect((await a.identityByTokenHash(tokens[1]!.hash, true))?.id).toBe(revoked!.id);
    const decideAs = (caller: typeof kept, label: string) =>
      a.transact(async (tx) => {
        if (!(await tx.callerLive(caller!))) throw new Error(`refused ${label}`);
        await tx.appendAudit({ type: 'decision', actor: caller!.name, at: 6, data: { label } });
        return label;
      });
    const results = await Promise.allSettled([decideAs(kept, 'kept'), decideAs(revoked, 'revoked')]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'kept',
      'refused revoked',
    ]);
    // Known now: refused at once, and looked up afresh (not found).
    await expect(decideAs(revoked, 'again')).rejects.toThrow('refused again');
    expect(await a.identityByTokenHash(tokens[1]!.hash, true)).toBeUndefined();
    // A transaction with nothing to append confirms its caller under the lock too.
    const c = new PostgresStore(database);
    try {
      const remembered = await c.identityByTokenHash(tokens[0]!.hash, true);
      await b.transact((tx) => tx.revokeIdentity(tokens[0]!.name, 7));
      await expect(
        c.transact(async (tx) => {
          if (!(await tx.callerLive(remembered!))) throw new Error('refused without an append');
        }),
      ).rejects.toThrow('refused without an append');
    } finally {
      await c.close();
    }
    const entries = await a.auditEntries(1, 100_000);
    expect(verifyAuditChain(entries).ok).toBe(true);
    const labels = entries.map((e) => (JSON.parse(e.body) as { data: { label?: string } }).data.label);
    expect(labels).toContain('kept');
    expect(labels).not.toContain('revoked');
    expect(labels).not.toContain('again');
  });
});
