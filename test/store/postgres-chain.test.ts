import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditBodyParts, buildAuditEntry, GENESIS_HASH, verifyAuditChain } from '../../src/store/audit.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { quoteLiteral } from '../../src/store/postgres-chain.js';
import type { AuditInput } from '../../src/store/types.js';
import { POSTGRES_URL, uniqueSchema } from './stores.js';

// PostgreSQL chains the audit entries itself, under the head lock, with sha256() over a body it joins
// around the seq: these tests hold it to the exact bytes src/store/audit.ts and verify recompute, and show
// that two replicas appending at once still make one chain.

const AWKWARD = [
  'plain',
  'café ünïcödé',
  '日本語のテキスト',
  'emoji 🚀🔥 and astral 𝔘𝔫𝔦',
  'lone \ud800 high and \udc00 low surrogates',
  "quotes ' \" and backslashes \\ \\\\ E'\\x'",
  'control \u0000 \u0001 \n \t \u007f \u2028',
  '$fn$ ); COMMIT; DROP TABLE audit; --',
];

const notText = (value: string) => value.includes('\u0000') || /\p{Cs}/u.test(value);

function inputs(n: number): AuditInput[] {
  return Array.from({ length: n }, (_, i) => {
    const text = AWKWARD[i % AWKWARD.length]!;
    return {
      // PostgreSQL text holds no NUL or lone surrogate: those reach the body only, escaped as JSON.
      type: i % 3 || notText(text) ? 'decision' : `type ${text}`,
      actor: i % 2 && !notText(text) ? text : 'claude',
      at: 1_700_000_000_000 + i,
      data: { i, text, nested: { [text]: [text, i, null, true, 1.5], z: {} }, list: [] },
    };
  });
}

describe('the audit body around its seq', () => {
  it('is the canonical JSON of {seq, at, type, actor, data}, byte for byte', () => {
    for (const [i, input] of inputs(64).entries()) {
      const { before, after } = auditBodyParts(input);
      const seq = i * 997 + 1;
      expect(`${before}${seq}${after}`).toBe(canonicalJson({ seq, ...input }));
      expect(buildAuditEntry(input, seq, GENESIS_HASH).body).toBe(canonicalJson({ seq, ...input }));
    }
  });
});

describe('a literal in the message that appends', () => {
  it("is the text pg's escapeLiteral makes, for awkward strings and a batch's JSON", () => {
    const texts = [...AWKWARD, '', "'", '\\', "\\'", JSON.stringify(inputs(16)), canonicalJson(inputs(16))];
    for (const text of texts) expect(quoteLiteral(text)).toBe(pg.escapeLiteral(text));
  });
});

describe('the audit chain on PostgreSQL', () => {
  const schema = uniqueSchema();
  const database = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const replicas = [new PostgresStore(database), new PostgresStore(database)];

  beforeAll(async () => {
    await Promise.all(replicas.map((r) => r.migrate()));
  });
  afterAll(async () => {
    await replicas[0]!.dropSchema();
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('hashes in SQL exactly what JavaScript computes, unicode and quotes included', async () => {
    const all = inputs(96);
    const before = (await replicas[0]!.auditEntries(1, 100_000)).length;
    const returned = await replicas[0]!.transact(async (tx) =>
      Promise.all(all.map((input) => tx.appendAudit(input))),
    );
    const stored = (await replicas[0]!.auditEntries(1, 100_000)).slice(before);
    let prev = before ? (await replicas[0]!.auditEntries(before, 1))[0]!.hash : GENESIS_HASH;
    for (const [i, input] of all.entries()) {
      const expected = buildAuditEntry(input, before + i + 1, prev);
      expect(stored[i]).toEqual(expected);
      expect(returned[i]).toEqual(expected);
      prev = expected.hash;
    }
    expect(verifyAuditChain(await replicas[0]!.auditEntries(1, 100_000)).ok).toBe(true);
  });

  it('makes one chain of 2 replicas × 40 concurrent appenders: no gap, no fork, each entry once', async () => {
    const start = (await replicas[0]!.auditEntries(1, 100_000)).length;
    const appenders = replicas.flatMap((replica, r) =>
      Array.from({ length: 40 }, (_, a) =>
        (async () => {
          for (let k = 0; k < 5; k++)
            await replica.transact(async (tx) => {
              await tx.appendAudit({ type: 'tick', actor: `r${r}`, at: k, data: { r, a, k, first: true } });
              await tx.appendAudit({ type: 'tick', actor: `r${r}`, at: k, data: { r, a, k, first: false } });
            });
        })(),
      ),
    );
    await Promise.all(appenders);
    const entries = await replicas[1]!.auditEntries(1, 100_000);
    expect(verifyAuditChain(entries)).toMatchObject({ ok: true, entries: start + 2 * 40 * 5 * 2 });
    const added = entries.slice(start).map((e) => JSON.parse(e.body) as { data: object });
    expect(new Set(added.map((e) => JSON.stringify(e.data))).size).toBe(2 * 40 * 5 * 2);
    // A transaction's two entries stay side by side: replicas never interleave inside one.
    for (let i = 0; i < added.length; i += 2)
      expect({ ...added[i]!.data, first: false }).toEqual(added[i + 1]!.data);
    expect(replicas[0]!.stats.transactions).toBeGreaterThan(replicas[0]!.stats.batches);
  });

  it('retries a decision whose freeze changed before its append took the lock', async () => {
    await replicas[0]!.transact(async (tx) => {
      await tx.setFreeze({ scope: 'global', frozen: false, at: 1, by: 'alice', reason: '' });
      await tx.appendAudit({ type: 'unfreeze', actor: 'alice', at: 1, data: {} });
    });
    let attempts = 0;
    await replicas[0]!.transact(async (tx) => {
      attempts++;
      const seen = await tx.getFreeze('global');
      // Another replica freezes everything while this one decides, without the lock.
      if (attempts === 1)
        await replicas[1]!.transact(async (other) => {
          await other.setFreeze({ scope: 'global', frozen: true, at: 2, by: 'bob', reason: 'incident' });
          await other.appendAudit({ type: 'freeze', actor: 'bob', at: 2, data: {} });
        });
      await tx.appendAudit({ type: 'decision', actor: 'claude', at: 3, data: { frozen: seen?.frozen } });
    });
    expect(attempts).toBe(2);
    const [last] = (await replicas[0]!.auditEntries(1, 100_000)).slice(-1);
    expect(JSON.parse(last!.body)).toMatchObject({ type: 'decision', data: { frozen: true } });
  });

  it('acknowledges an append only once the WAL is flushed past it, though the head lock went at COMMIT', async () => {
    // Each audit row notes where the WAL stood when it was written, before its transaction's commit record.
    const probe = new pg.Client({ connectionString: POSTGRES_URL });
    await probe.connect();
    try {
      await probe.query(`CREATE TABLE ${schema}.wal_probe (lsn pg_lsn NOT NULL)`);
      await probe.query(`CREATE FUNCTION ${schema}.note_lsn() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO ${schema}.wal_probe VALUES (pg_current_wal_insert_lsn()); RETURN NEW; END $$`);
      await probe.query(
        `CREATE TRIGGER note_lsn AFTER INSERT ON ${schema}.audit FOR EACH ROW EXECUTE FUNCTION ${schema}.note_lsn()`,
      );
      for (let i = 0; i < 20; i++) {
        await replicas[i % 2]!.transact(async (tx) => {
          await tx.getFreeze('global');
          await tx.appendAudit({ type: 'decision', actor: 'claude', at: i, data: { i } });
        });
        const { rows } = await probe.query<{ flushed: boolean }>(
          `SELECT pg_current_wal_flush_lsn() >= max(lsn) AS flushed FROM ${schema}.wal_probe`,
        );
        expect(rows[0]!.flushed).toBe(true);
      }
    } finally {
      await probe.query(`DROP TRIGGER IF EXISTS note_lsn ON ${schema}.audit`);
      await probe.end();
    }
    expect(verifyAuditChain(await replicas[0]!.auditEntries(1, 100_000)).ok).toBe(true);
  });

  it('appends, commits and flushes a batch that only appends in one round trip', async () => {
    const append = (i: number) =>
      replicas[1]!.transact(async (tx) => {
        await tx.getFreeze('global');
        await tx.appendAudit({ type: 'decision', actor: 'claude', at: i, data: { i } });
      });
    await append(0); // the freezes are read once, then known
    const batches = replicas[1]!.stats.batches;
    const sent = vi.spyOn(pg.Client.prototype, 'query');
    try {
      await Promise.all([append(1), append(2)]);
      await append(3);
      expect(sent).toHaveBeenCalledTimes(replicas[1]!.stats.batches - batches);
    } finally {
      sent.mockRestore();
    }
  });

  it('refuses an entry time that is not whole milliseconds, naming it', async () => {
    await expect(
      replicas[0]!.transact((tx) => tx.appendAudit({ type: 'x', actor: 'a', at: 1.5, data: {} })),
    ).rejects.toThrow(/1\.5 is not whole milliseconds/);
    await expect(
      replicas[0]!.transact((tx) => tx.appendAudit({ type: 'x', actor: 'a\u0000b', at: 1, data: {} })),
    ).rejects.toThrow(/actor "a\\u0000b" holds a NUL/);
  });
});
