import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyAuditChain } from '../../src/store/audit.js';
import { SlackUserTakenError } from '../../src/store/conflicts.js';
import { PostgresStore } from '../../src/store/postgres.js';
import type { ApprovalRequest, Store } from '../../src/store/types.js';
import { olderDatabase, POSTGRES_URL, TARGETS, uniqueSchema } from './stores.js';

// One contract, two stores: whatever the service relies on must hold for SQLite and PostgreSQL alike.

function request(overrides: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return {
    id: `req_${Math.random().toString(36).slice(2, 14).padEnd(12, '0')}`,
    digest: 'a'.repeat(64),
    state: 'pending',
    requester: { kind: 'agent', name: 'claude', tokenId: 'tok_claude_a', actsFor: 'alice' },
    approvalsRequired: 2,
    approverGroup: 'platform',
    action: { kind: 'shell', command: 'kubectl delete ns prod', cwd: '/src' },
    assessment: { risk: 'critical', effects: [{ target: 'ns/prod' }], emoji: 'ünïcödé ✓' },
    decision: { outcome: 'require-approval', approvals: 2 },
    createdAt: 1_700_000_000_000,
    expiresAt: 1_700_003_600_000,
    ...overrides,
  };
}

describe.each(TARGETS)('store contract: $kind', (target) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await target.create());
  });
  afterEach(async () => {
    await cleanup();
  });

  it('migrates idempotently', async () => {
    await store.migrate();
    await store.migrate();
    expect(await store.auditEntries()).toEqual([]);
  });

  it('keeps a request and its JSON exactly, and patches it', async () => {
    const r = request();
    await store.transact(async (tx) => tx.insertRequest(r));
    expect(await store.getRequest(r.id)).toEqual(r);
    await store.transact(async (tx) => {
      await tx.updateRequest(r.id, { state: 'approved', approvedAt: 5, expiresAt: 10 });
      expect((await tx.getRequest(r.id))?.state).toBe('approved');
    });
    expect(await store.getRequest(r.id)).toEqual({ ...r, state: 'approved', approvedAt: 5, expiresAt: 10 });
    expect(await store.getRequest('req_nothere00000')).toBeUndefined();
  });

  it('finds the open request of a token for a digest, and allows only one', async () => {
    const first = request();
    await store.transact(async (tx) => tx.insertRequest(first));
    await expect(
      store.transact(async (tx) => tx.insertRequest(request({ id: 'req_second000000' }))),
    ).rejects.toThrow();
    await store.transact(async (tx) => {
      expect((await tx.findOpenRequest('tok_claude_a', first.digest))?.id).toBe(first.id);
      expect(await tx.findOpenRequest('tok_other', first.digest)).toBeUndefined();
      // The name is not the principal: a request is found by the token that made it, never by its name.
      expect(await tx.findOpenRequest('claude', first.digest)).toBeUndefined();
      await tx.updateRequest(first.id, { state: 'consumed', consumedAt: 9 });
      expect(await tx.findOpenRequest('tok_claude_a', first.digest)).toBeUndefined();
      // Once the first is closed, a new open request for the same action may exist.
      await tx.insertRequest(request({ id: 'req_third0000000', createdAt: first.createdAt + 1 }));
      expect((await tx.findLatestRequest('tok_claude_a', first.digest))?.id).toBe('req_third0000000');
    });
  });

  it('keeps the open requests of two tokens with the same name apart', async () => {
    const forAlice = request();
    const forDan = request({
      id: 'req_fordan000000',
      requester: { kind: 'agent', name: 'claude', tokenId: 'tok_claude_d', actsFor: 'dan' },
    });
    await store.transact(async (tx) => {
      await tx.insertRequest(forAlice);
      await tx.insertRequest(forDan);
      expect((await tx.findOpenRequest('tok_claude_d', forAlice.digest))?.id).toBe(forDan.id);
      expect((await tx.findLatestRequest('tok_claude_a', forAlice.digest))?.id).toBe(forAlice.id);
    });
    expect((await store.getRequest(forDan.id))?.requester).toEqual(forDan.requester);
    expect((await store.listRequests({ requesterToken: 'tok_claude_d' })).map((r) => r.id)).toEqual([
      forDan.id,
    ]);
  });

  it('rolls a failed transaction back entirely, audit included', async () => {
    await expect(
      store.transact(async (tx) => {
        await tx.insertRequest(request({ id: 'req_rolledback00' }));
        await tx.appendAudit({ type: 'x', actor: 'a', at: 1, data: {} });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.getRequest('req_rolledback00')).toBeUndefined();
    expect(await store.auditEntries()).toEqual([]);
    const e = await store.transact((tx) => tx.appendAudit({ type: 'y', actor: 'a', at: 2, data: {} }));
    expect(e.seq).toBe(1);
    expect(e.prevHash).toBe(GENESIS_HASH);
  });

  it('counts one approval per approver', async () => {
    const r = request();
    await store.transact(async (tx) => {
      await tx.insertRequest(r);
      const a = { requestId: r.id, approver: 'bob', tokenId: 'tok_1', groups: ['platform'], at: 3 };
      expect(await tx.insertApproval(a)).toBe(true);
      expect(await tx.insertApproval({ ...a, tokenId: 'tok_2', at: 4 })).toBe(false);
      expect(await tx.insertApproval({ ...a, approver: 'carol', comment: 'fine' })).toBe(true);
    });
    const approvals = await store.listApprovals(r.id);
    expect(approvals.map((a) => [a.approver, a.tokenId, a.comment])).toEqual([
      ['bob', 'tok_1', undefined],
      ['carol', 'tok_1', 'fine'],
    ]);
  });

  it("tells whether an approval's token has been revoked, and lets a revoked approval be replaced", async () => {
    const r = request();
    await store.transact(async (tx) => {
      for (const [id, name] of [
        ['tok_bob', 'bob'],
        ['tok_bob2', 'bob'],
        ['tok_carol', 'carol'],
      ] as const)
        await tx.insertIdentity({ id, kind: 'human', name, groups: [], tokenHash: `h_${id}`, createdAt: 1 });
      await tx.insertRequest(r);
      await tx.insertRequest(request({ id: 'req_other0000000', digest: 'b'.repeat(64), state: 'approved' }));
      await tx.updateRequest(r.id, { state: 'approved', approvedAt: 4 });
      for (const [requestId, approver, tokenId] of [
        [r.id, 'bob', 'tok_bob'],
        [r.id, 'carol', 'tok_carol'],
        ['req_other0000000', 'carol', 'tok_carol'],
      ] as const)
        await tx.insertApproval({ requestId, approver, tokenId, groups: [], at: 3 });
      await tx.revokeIdentity('tok_bob', 7);
      expect((await tx.listApprovals(r.id)).map((a) => [a.approver, a.tokenRevokedAt])).toEqual([
        ['bob', 7],
        ['carol', undefined],
      ]);
      // The approved requests an approval of these tokens helped approve.
      expect((await tx.listApprovedBy(['tok_bob'])).map((x) => x.id)).toEqual([r.id]);
      expect((await tx.listApprovedBy(['tok_carol', 'tok_x'])).map((x) => x.id).sort()).toEqual(
        [r.id, 'req_other0000000'].sort(),
      );
      expect(await tx.listApprovedBy([])).toEqual([]);
      // bob approves again with a live token: it replaces the revoked approval; carol's live one stays.
      expect(
        await tx.insertApproval({ requestId: r.id, approver: 'bob', tokenId: 'tok_bob2', groups: [], at: 8 }),
      ).toBe(true);
      expect(
        await tx.insertApproval({
          requestId: r.id,
          approver: 'carol',
          tokenId: 'tok_bob2',
          groups: [],
          at: 9,
        }),
      ).toBe(false);
      // A request goes back to pending with no approval time.
      await tx.updateRequest(r.id, { state: 'pending', approvedAt: null });
    });
    expect(
      (await store.listApprovals(r.id)).map((a) => [a.approver, a.tokenId, a.at, a.tokenRevokedAt]),
    ).toEqual([
      ['carol', 'tok_carol', 3, undefined],
      ['bob', 'tok_bob2', 8, undefined],
    ]);
    expect(await store.getRequest(r.id)).toEqual({ ...r, state: 'pending' });
  });

  it('lists requests by state and requester, newest first', async () => {
    await store.transact(async (tx) => {
      await tx.insertRequest(request({ id: 'req_a00000000000', digest: '1'.repeat(64), createdAt: 1 }));
      await tx.insertRequest(
        request({ id: 'req_b00000000000', digest: '2'.repeat(64), createdAt: 2, state: 'denied' }),
      );
      await tx.insertRequest(
        request({
          id: 'req_c00000000000',
          digest: '3'.repeat(64),
          createdAt: 3,
          requester: { kind: 'human', name: 'dan' },
        }),
      );
    });
    expect((await store.listRequests({})).map((r) => r.id)).toEqual([
      'req_c00000000000',
      'req_b00000000000',
      'req_a00000000000',
    ]);
    expect((await store.listRequests({ states: ['pending'] })).map((r) => r.id)).toEqual([
      'req_c00000000000',
      'req_a00000000000',
    ]);
    expect((await store.listRequests({ requesterToken: 'tok_claude_a', limit: 1 })).map((r) => r.id)).toEqual(
      ['req_b00000000000'],
    );
    // The metrics' pending gauge: pending and not yet past the deadline.
    expect(await store.countPending(1_700_003_599_999)).toBe(2);
    expect(await store.countPending(1_700_003_600_000)).toBe(0);
    await store.transact(async (tx) => {
      expect((await tx.listOverdue(1_700_003_600_000, 10)).map((r) => r.id).sort()).toEqual([
        'req_a00000000000',
        'req_c00000000000',
      ]);
      expect(await tx.listOverdue(1_700_003_599_999, 10)).toEqual([]);
    });
  });

  it('keeps freezes and breaker activity', async () => {
    await store.transact(async (tx) => {
      await tx.setFreeze({ scope: 'global', frozen: true, at: 1, by: 'alice', reason: 'incident' });
      await tx.setFreeze({ scope: 'global', frozen: false, at: 2, by: 'bob', reason: 'over' });
      await tx.setFreeze({
        scope: 'agent:claude',
        frozen: true,
        at: 3,
        by: 'circuit-breaker',
        reason: 'too many',
      });
      expect(await tx.getFreeze('global')).toEqual({
        scope: 'global',
        frozen: false,
        at: 2,
        by: 'bob',
        reason: 'over',
      });
      for (const at of [10, 20, 30]) await tx.recordActivity('claude', at, 'd');
      await tx.recordActivity('codex', 30, 'd');
      expect(await tx.countActivity('claude', 15)).toBe(2);
      await tx.pruneActivity(25);
      expect(await tx.countActivity('claude', 0)).toBe(1);
      await tx.clearActivity('claude');
      expect(await tx.countActivity('claude', 0)).toBe(0);
      expect(await tx.countActivity('codex', 0)).toBe(1);
    });
    expect((await store.listFreezes()).map((f) => [f.scope, f.frozen])).toEqual([
      ['agent:claude', true],
      ['global', false],
    ]);
  });

  it('finds identities by token hash until revoked', async () => {
    await store.transact(async (tx) => {
      await tx.insertIdentity({
        id: 'tok_1',
        kind: 'human',
        name: 'bob',
        groups: ['platform', 'sre'],
        tokenHash: 'h1',
        createdAt: 1,
      });
      await tx.insertIdentity({
        id: 'tok_2',
        kind: 'agent',
        name: 'claude',
        groups: [],
        actsFor: 'alice',
        tokenHash: 'h2',
        createdAt: 2,
      });
      await tx.insertIdentity({
        id: 'tok_3',
        kind: 'human',
        name: 'bob',
        groups: [],
        tokenHash: 'h3',
        createdAt: 3,
      });
    });
    expect(await store.identityByTokenHash('h2')).toEqual({
      id: 'tok_2',
      kind: 'agent',
      name: 'claude',
      groups: [],
      actsFor: 'alice',
      createdAt: 2,
    });
    const revoked = await store.transact((tx) => tx.revokeIdentity('bob', 9));
    expect(revoked.map((r) => r.id).sort()).toEqual(['tok_1', 'tok_3']);
    expect(await store.identityByTokenHash('h1')).toBeUndefined();
    expect((await store.listIdentities()).map((i) => [i.id, i.revokedAt])).toEqual([
      ['tok_1', 9],
      ['tok_2', undefined],
      ['tok_3', 9],
    ]);
  });

  it('reads names in one case, whatever case they were stored in, and revokes by name in any case', async () => {
    await store.transact(async (tx) => {
      await tx.insertIdentity({
        id: 'tok_c',
        kind: 'human',
        name: 'Carol',
        groups: ['Platform', 'sre'],
        tokenHash: 'hc',
        createdAt: 1,
      });
      await tx.insertIdentity({
        id: 'tok_a',
        kind: 'agent',
        name: 'Claude',
        groups: [],
        actsFor: 'Carol',
        tokenHash: 'ha',
        createdAt: 2,
      });
    });
    expect(await store.identityByTokenHash('hc')).toMatchObject({
      name: 'carol',
      groups: ['platform', 'sre'],
    });
    expect(await store.identityByTokenHash('ha')).toMatchObject({ name: 'claude', actsFor: 'carol' });
    const revoked = await store.transact((tx) => tx.revokeIdentity('CAROL', 9));
    expect(revoked.map((r) => [r.id, r.name])).toEqual([['tok_c', 'carol']]);
    expect(await store.identityByTokenHash('hc')).toBeUndefined();
  });

  it('maps a Slack user to one live human identity, and forgets it once the token is revoked', async () => {
    const human = (id: string, slackUser?: string) => ({
      id,
      kind: 'human' as const,
      name: 'alice',
      groups: ['platform'],
      tokenHash: `h_${id}`,
      createdAt: 1,
      ...(slackUser ? { slackUser } : {}),
    });
    await store.transact((tx) => tx.insertIdentity(human('tok_s1', 'U123ABC')));
    expect(await store.identityBySlackUser('U123ABC')).toMatchObject({
      id: 'tok_s1',
      name: 'alice',
      slackUser: 'U123ABC',
    });
    expect(await store.identityBySlackUser('U999')).toBeUndefined();
    // A second live identity for the same Slack user cannot exist: one click is one person.
    await expect(store.transact((tx) => tx.insertIdentity(human('tok_s2', 'U123ABC')))).rejects.toThrow(
      SlackUserTakenError,
    );
    // Two at once (two `token create --slack-user U555` racing): one wins, the other gets the store's own error.
    const raced = await Promise.allSettled(
      ['tok_r1', 'tok_r2'].map((id) => store.transact((tx) => tx.insertIdentity(human(id, 'U555')))),
    );
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = raced.find((r) => r.status === 'rejected')!;
    expect(lost.reason).toBeInstanceOf(SlackUserTakenError);
    expect((lost.reason as Error).message).toMatch(/^Slack user U555 already acts as another live token/);
    await expect(
      store.transact((tx) =>
        tx.insertIdentity({ ...human('tok_s3', 'U777'), kind: 'agent', actsFor: 'bob' }),
      ),
    ).rejects.toThrow(/only humans vote/);
    await store.transact((tx) => tx.revokeIdentity('tok_s1', 5));
    expect(await store.identityBySlackUser('U123ABC')).toBeUndefined();
    // Once revoked, the Slack user may be given to a new token.
    await store.transact((tx) => tx.insertIdentity(human('tok_s4', 'U123ABC')));
    expect((await store.identityBySlackUser('U123ABC'))?.id).toBe('tok_s4');
  });

  it('chains the audit log across transactions, and the chain verifies', async () => {
    for (let i = 0; i < 5; i++)
      await store.transact(async (tx) => {
        await tx.appendAudit({
          type: 'decision',
          actor: 'claude',
          at: i,
          data: { i, nested: { b: 1, a: [1, 'x'] } },
        });
        if (i % 2) await tx.appendAudit({ type: 'approval', actor: 'bob', at: i, data: { i } });
      });
    const entries = await store.auditEntries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(verifyAuditChain(entries).ok).toBe(true);
    // The tuple form `audit verify` walks holds the same entries, with numbers as numbers, paged by seq.
    const asTuples = entries.map((e) => [e.seq, e.at, e.type, e.actor, e.body, e.prevHash, e.hash]);
    expect(await store.auditTuples(1, 100)).toEqual(asTuples);
    expect(await store.auditTuples(3, 2)).toEqual(asTuples.slice(2, 4));
    expect(await store.auditTuples(8, 10)).toEqual([]);
    expect(entries[0]!.body).toBe(
      '{"actor":"claude","at":0,"data":{"i":0,"nested":{"a":[1,"x"],"b":1}},"seq":1,"type":"decision"}',
    );
    const tampered = entries.map((e) => (e.seq === 3 ? { ...e, body: e.body.replace('"i":1', '"i":7') } : e));
    expect(verifyAuditChain(tampered)).toMatchObject({ ok: false, problem: { seq: 3 } });
    expect(verifyAuditChain(entries.filter((e) => e.seq !== 4))).toMatchObject({
      ok: false,
      problem: { seq: 5 },
    });
  });

  it('keeps the chain whole when transactions that arrive together fail after appending', async () => {
    // SQLite runs these in one transaction, each in its own savepoint, and keeps the head in memory.
    const settled = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        store.transact(async (tx) => {
          await tx.appendAudit({ type: 'tick', actor: 'x', at: i, data: { i } });
          if (i % 3 === 1) throw new Error(`boom ${i}`);
          await tx.appendAudit({ type: 'tock', actor: 'x', at: i, data: { i } });
        }),
      ),
    );
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(4);
    const entries = await store.auditEntries();
    expect(verifyAuditChain(entries).ok).toBe(true);
    const kept = [0, 2, 3, 5, 6, 8, 9, 11];
    expect(entries.map((e) => (JSON.parse(e.body) as { data: { i: number } }).data.i)).toEqual(
      kept.flatMap((i) => [i, i]),
    );
    const next = await store.transact((tx) => tx.appendAudit({ type: 'y', actor: 'a', at: 99, data: {} }));
    expect(next).toMatchObject({ seq: entries.length + 1, prevHash: entries.at(-1)!.hash });
  });

  it('serialises concurrent transactions: no lost update, no fork in the chain', async () => {
    await store.transact(async (tx) =>
      tx.setFreeze({ scope: 'counter', frozen: false, at: 0, by: 'x', reason: '0' }),
    );
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.transact(async (tx) => {
          const f = (await tx.getFreeze('counter'))!;
          await new Promise((r) => setTimeout(r, i % 3));
          await tx.setFreeze({ ...f, reason: String(Number(f.reason) + 1) });
          await tx.appendAudit({ type: 'tick', actor: 'x', at: i, data: {} });
        }),
      ),
    );
    await store.transact(async (tx) => expect((await tx.getFreeze('counter'))!.reason).toBe('40'));
    const entries = await store.auditEntries();
    expect(entries).toHaveLength(40);
    expect(verifyAuditChain(entries).ok).toBe(true);
  });

  it('keeps witnessed checkpoints per token and log, oldest first, in a version-2 database too', async () => {
    const older = await olderDatabase(target.kind, 2, []);
    try {
      for (const s of [store, await older.open()]) {
        const c = (tokenId: string, logId: string, seq: number) => ({
          tokenId,
          logId,
          seq,
          hash: String(seq).padStart(64, '0'),
          at: seq * 10,
          keyId: 'ed25519:0123456789abcdef',
          signature: 'c2lnbmF0dXJl'.repeat(4),
          receivedAt: 5,
        });
        const log = 'a'.repeat(32);
        await s.transact(async (tx) => {
          await tx.insertWitnessedCheckpoint(c('tok_1', log, 11));
          await tx.insertWitnessedCheckpoint(c('tok_1', log, 1));
          await tx.insertWitnessedCheckpoint(c('tok_2', log, 30));
          expect(await tx.latestWitnessedCheckpoint('tok_1', log)).toEqual(c('tok_1', log, 11));
          expect(await tx.latestWitnessedCheckpoint('tok_1', 'b'.repeat(32))).toBeUndefined();
        });
        expect(await s.witnessedCheckpoints('tok_1', log)).toEqual([c('tok_1', log, 1), c('tok_1', log, 11)]);
        await expect(
          s.transact(async (tx) => tx.insertWitnessedCheckpoint(c('tok_1', log, 11))),
        ).rejects.toThrow();
      }
    } finally {
      await older.cleanup();
    }
  });

  it('migrates a version-1 database: requests made before tokens were recorded belong to no token', async () => {
    const older = await olderDatabase(target.kind, 1, [
      `INSERT INTO requests (id, digest, state, requester_kind, requester, acts_for, approvals_required, action_json, assessment_json, decision_json, created_at, expires_at)
       VALUES ('req_legacy000000', '${'a'.repeat(64)}', 'approved', 'agent', 'claude', 'alice', 1, '{}', '{}', '{}', 1, 2)`,
    ]);
    try {
      const migrated = await older.open();
      const legacy = await migrated.getRequest('req_legacy000000');
      expect(legacy?.requester).toEqual({ kind: 'agent', name: 'claude', actsFor: 'alice' });
      await migrated.transact(async (tx) => {
        // No token finds it, and a token's own request for the same action can be made beside it.
        expect(await tx.findOpenRequest('tok_claude_a', 'a'.repeat(64))).toBeUndefined();
        await tx.insertRequest(request());
        expect((await tx.findOpenRequest('tok_claude_a', 'a'.repeat(64)))?.requester.tokenId).toBe(
          'tok_claude_a',
        );
      });
    } finally {
      await older.cleanup();
    }
  });

  if (target.kind === 'postgres')
    it('lets several replicas migrate the same fresh schema at once', async () => {
      const database = `${POSTGRES_URL}?schema=${uniqueSchema()}`;
      const replicas = [1, 2, 3].map(() => new PostgresStore(database));
      try {
        await Promise.all(replicas.map((r) => r.migrate()));
        await replicas[0]!.transact((tx) => tx.appendAudit({ type: 'x', actor: 'a', at: 1, data: {} }));
        expect(await replicas[2]!.auditEntries()).toHaveLength(1);
      } finally {
        await replicas[0]!.dropSchema();
        await Promise.all(replicas.map((r) => r.close()));
      }
    });
});

describe('a new SQLite database', () => {
  it('is readable by its owner only (0600, in a 0700 directory it creates)', async () => {
    const { statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempTree } = await import('../support/tmp.js');
    const { SqliteStore } = await import('../../src/store/sqlite.js');
    const dir = join(tempTree({}), 'new', 'dir');
    const store = new SqliteStore(join(dir, 'x.db'));
    await store.migrate();
    expect(statSync(join(dir, 'x.db')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const side of ['x.db-wal', 'x.db-shm']) expect(statSync(join(dir, side)).mode & 0o077, side).toBe(0);
    await store.close();
  });
});
