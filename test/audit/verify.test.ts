import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointMessage, writeCheckpoint } from '../../src/audit/checkpoint.js';
import { keyIdOf, readKeyring, signMessage } from '../../src/audit/keys.js';
import { verifyAuditLog, type VerifyReport } from '../../src/audit/verify.js';
import { readWitness } from '../../src/audit/witness.js';
import { buildAuditEntry } from '../../src/store/audit.js';
import { TARGETS } from '../store/stores.js';
import { fill, fixture, type Fixture } from './support.js';

// Tamper with a real database behind Interlock's back, one way at a time, and expect `audit verify` to
// name the first broken entry and what happened to it.

interface Row {
  seq: number;
  at: number;
  type: string;
  actor: string;
  body: string;
  prev_hash: string;
  hash: string;
}

const flip = (s: string, i: number) => `${s.slice(0, i)}${s[i] === 'a' ? 'b' : 'a'}${s.slice(i + 1)}`;

describe.each(TARGETS)('audit verify: $kind', (target) => {
  let f: Fixture;

  const verify = (options: { from?: number; to?: number } = {}): Promise<VerifyReport> =>
    verifyAuditLog(f.log, {
      keyring: readKeyring(join(f.keyDir, 'keyring.json')),
      witness: readWitness(join(f.keyDir, 'witness'), f.log.location),
      ...options,
    });
  const row = async (seq: number) => (await f.raw.rows<Row>('SELECT * FROM audit WHERE seq = ?', [seq]))[0]!;
  const set = (seq: number, column: string, value: unknown) =>
    f.raw.run(`UPDATE audit SET ${column} = ? WHERE seq = ?`, [value, seq]);

  // 25 entries; checkpoints signed at 10 and 20; 21–25 not signed yet.
  beforeEach(async () => {
    f = await fixture(target);
    await fill(f.store, 10);
    await writeCheckpoint(f.log, f.signer, 1_700_000_100_000);
    await fill(f.store, 10, 11);
    await writeCheckpoint(f.log, f.signer, 1_700_000_200_000);
    await fill(f.store, 5, 21);
  });
  afterEach(async () => {
    await f.cleanup();
  });

  it('verifies an untouched log, and says what is signed', async () => {
    const r = await verify();
    expect(r.problem).toBeUndefined();
    expect(r).toMatchObject({
      ok: true,
      lastSeq: 25,
      checked: { from: 1, to: 25, entries: 25 },
      checkpoints: { total: 2, verified: 2, newest: { seq: 20 } },
      unsigned: 5,
      signatures: 'verified',
      warnings: [],
    });
  });

  it.each([
    ['body', (r: Row) => flip(r.body, r.body.indexOf('kubectl')), 'altered-body', /contents were changed/],
    ['hash', (r: Row) => flip(r.hash, 63), 'altered-hash', /stored hash was changed/],
    ['prev_hash', (r: Row) => flip(r.prev_hash, 0), 'altered-link', /prev_hash column was changed/],
    [
      'actor',
      (r: Row) => `${r.actor}x`,
      'altered-column',
      /actor column says "claudex" but its hashed body says "claude"/,
    ],
    ['type', () => 'approval', 'altered-column', /type column says "approval"/],
    ['at', (r: Row) => Number(r.at) + 1, 'altered-column', /at column/],
  ] as const)('catches one changed byte in the %s column', async (column, change, kind, message) => {
    await set(7, column, change(await row(7)));
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ seq: 7, kind });
    expect(r.problem!.message).toMatch(message);
    expect(r.checked).toMatchObject({ to: 6, entries: 6 });
  });

  // The walk takes fitting entries in a fast loop and stops for checkpoints, watched and key entries:
  // wherever a page starts or ends, it must find the same first problem and count the same entries.
  it.each([1, 3, 9, 10, 11, 1000])('finds the same problem with pages of %d rows', async (pageSize) => {
    const keyring = readKeyring(join(f.keyDir, 'keyring.json'));
    const witness = readWitness(join(f.keyDir, 'witness'), f.log.location);
    const intact = await verifyAuditLog(f.log, { keyring, witness, pageSize });
    expect(intact).toMatchObject({ ok: true, checked: { from: 1, to: 25, entries: 25 } });
    const segment = await verifyAuditLog(f.log, { keyring, witness, pageSize, from: 12, to: 20 });
    expect(segment).toMatchObject({ ok: true, checked: { from: 10, to: 20, entries: 11 } });
    for (const seq of [10, 11, 20, 21]) {
      const before = await row(seq);
      await set(seq, 'body', flip(before.body, before.body.indexOf('kubectl')));
      const r = await verifyAuditLog(f.log, { keyring, witness, pageSize });
      expect(r.problem).toMatchObject({ seq, kind: 'altered-body' });
      expect(r.checked).toMatchObject({ to: seq - 1, entries: seq - 1 });
      await set(seq, 'body', before.body);
    }
  });

  it('catches a changed seq (the entry is missing from its place)', async () => {
    await set(7, 'seq', 7000);
    expect((await verify()).problem).toMatchObject({ seq: 7, kind: 'missing' });
  });

  it('catches a deleted row', async () => {
    await f.raw.run('DELETE FROM audit WHERE seq = 12');
    const r = await verify();
    expect(r.problem).toMatchObject({ seq: 12, kind: 'missing' });
    expect(r.problem!.message).toMatch(/entry 12 is missing: the log goes from 11 to 13/);
  });

  it('catches two swapped rows', async () => {
    const [a, b] = [await row(5), await row(6)];
    const put = (seq: number, r: Row) =>
      f.raw.run(
        'UPDATE audit SET at = ?, type = ?, actor = ?, body = ?, prev_hash = ?, hash = ? WHERE seq = ?',
        [r.at, r.type, r.actor, r.body, r.prev_hash, r.hash, seq],
      );
    await put(5, b);
    await put(6, a);
    const r = await verify();
    expect(r.problem).toMatchObject({ seq: 5, kind: 'reordered' });
    expect(r.problem!.message).toMatch(/holds entry 6/);
  });

  it('catches a cut tail behind a signed checkpoint', async () => {
    const last = await row(15);
    await f.raw.run('DELETE FROM audit WHERE seq > 15');
    await f.raw.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [15, last.hash]);
    const r = await verify();
    expect(r.problem).toMatchObject({ seq: 16, kind: 'truncated' });
    expect(r.problem!.message).toMatch(
      /ends at entry 15, but a checkpoint .* vouches for entry 20: entries 16–20 were removed/,
    );
  });

  it('catches a cut tail beyond the last checkpoint when the head row was left alone', async () => {
    await f.raw.run('DELETE FROM audit WHERE seq > 22');
    const r = await verify();
    expect(r.problem).toMatchObject({ seq: 23, kind: 'truncated' });
    expect(r.problem!.message).toMatch(/head row says the chain reaches entry 25/);
  });

  it('catches a cut tail when its checkpoints were deleted too (the witness file remembers)', async () => {
    const last = await row(15);
    await f.raw.run('DELETE FROM audit WHERE seq > 15');
    await f.raw.run('DELETE FROM audit_checkpoints WHERE seq > 15');
    await f.raw.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [15, last.hash]);
    const r = await verify();
    expect(r.problem).toMatchObject({ seq: 16, kind: 'truncated' });
    expect(r.problem!.message).toMatch(/witness file/);
  });

  /** Rewrite entry 3 and everything after it with consistent hashes, as someone with the database would. */
  async function rewriteChain(): Promise<void> {
    const rows = await f.raw.rows<Row>('SELECT * FROM audit ORDER BY seq');
    let prev = rows[1]!.hash;
    await f.raw.run('DELETE FROM audit WHERE seq >= 3');
    for (const r of rows.slice(2)) {
      const body = JSON.parse(r.body) as { data: Record<string, unknown> };
      if (Number(r.seq) === 3) body.data.command = 'ls';
      const e = buildAuditEntry(
        { type: r.type, actor: r.actor, at: Number(r.at), data: body.data },
        Number(r.seq),
        prev,
      );
      await f.raw.run(
        'INSERT INTO audit (seq, at, type, actor, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [e.seq, e.at, e.type, e.actor, e.body, e.prevHash, e.hash],
      );
      prev = e.hash;
    }
    await f.raw.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [25, prev]);
  }

  it('catches a rewrite of the whole chain (every hash recomputed) at the first signed checkpoint', async () => {
    await rewriteChain();
    const r = await verify();
    expect(r.problem).toMatchObject({ seq: 10, kind: 'rewritten' });
    expect(r.problem!.message).toMatch(/rewritten somewhere in entries 1–10/);
  });

  it('catches checkpoints re-signed with another key, or forged under the real key id', async () => {
    await rewriteChain();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const theirs = { id: keyIdOf(publicKey), privateKey };
    const entries = await f.raw.rows<Row>('SELECT * FROM audit WHERE seq IN (10, 20) ORDER BY seq');
    for (const e of entries) {
      const c = { seq: Number(e.seq), hash: e.hash, at: 1_700_000_300_000, keyId: theirs.id };
      await f.raw.run(
        'UPDATE audit_checkpoints SET hash = ?, at = ?, key_id = ?, signature = ? WHERE seq = ?',
        [c.hash, c.at, c.keyId, signMessage(theirs, checkpointMessage(c)), c.seq],
      );
    }
    expect((await verify()).problem).toMatchObject({ seq: 10, kind: 'unknown-key' });
    await f.raw.run('UPDATE audit_checkpoints SET key_id = ?', [f.signer.key.id]);
    expect((await verify()).problem).toMatchObject({ seq: 10, kind: 'bad-checkpoint' });
  });

  it('--from starts at the signed checkpoint before it', async () => {
    const r = await verify({ from: 15 });
    expect(r).toMatchObject({
      ok: true,
      anchor: { kind: 'checkpoint', seq: 10 },
      checked: { from: 10, to: 25, entries: 16 },
    });
    await set(12, 'body', flip((await row(12)).body, 3));
    expect((await verify({ from: 15 })).problem).toMatchObject({ seq: 12, kind: 'altered-body' });
  });

  it('verifies a segment and says which checkpoint covers it', async () => {
    const r = await verify({ from: 12, to: 18 });
    expect(r).toMatchObject({ ok: true, checked: { from: 10, to: 18 }, coveredBy: { seq: 20 } });
  });

  it('says when signatures cannot be checked (no keyring)', async () => {
    const r = await verifyAuditLog(f.log);
    expect(r.ok).toBe(true);
    expect(r.signatures).toBe('no-keyring');
    expect(r.warnings.join('\n')).toMatch(/could not be checked: no keyring/);
  });
});
