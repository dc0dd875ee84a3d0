import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointJob, writeCheckpoint } from '../../src/audit/checkpoint.js';
import { checkpointDue } from '../../src/audit/checkpoint-policy.js';
import { initKeys, readKeyring, readSigningKey, rotateKeys } from '../../src/audit/keys.js';
import { InputError } from '../../src/core/errors.js';
import { startServerCheckpoints } from '../../src/audit/serve.js';
import { verifyAuditLog } from '../../src/audit/verify.js';
import { readWitness } from '../../src/audit/witness.js';
import { TARGETS } from '../store/stores.js';
import { fill, fixture, newKeys, type Fixture } from './support.js';

describe('when a checkpoint is due', () => {
  const policy = { everyEntries: 100, everyMs: 60_000 };
  it.each([
    ['an empty log', undefined, undefined, 0, false],
    ['a first entry', { seq: 1 }, undefined, 0, true],
    ['nothing new', { seq: 50 }, { seq: 50, at: 0 }, 10 ** 9, false],
    ['99 new entries within the minute', { seq: 149 }, { seq: 50, at: 0 }, 59_999, false],
    ['100 new entries', { seq: 150 }, { seq: 50, at: 0 }, 1, true],
    ['one new entry after a minute', { seq: 51 }, { seq: 50, at: 0 }, 60_000, true],
  ] as const)('%s', (_name, tip, last, now, due) => {
    expect(checkpointDue(tip, last, now, policy)).toBe(due);
  });
});

describe('keys', () => {
  it('init writes a 0600 private key and a public keyring; rotate keeps old checkpoints verifiable', () => {
    const keys = newKeys();
    expect(statSync(keys.privateKey).mode & 0o777).toBe(0o600);
    expect(readFileSync(keys.keyring, 'utf8')).not.toMatch(/PRIVATE/);
    expect(() => initKeys(keys)).toThrow(InputError);
    const first = readSigningKey(keys.privateKey).id;
    const { retired, current } = rotateKeys(keys);
    expect(retired).toBe(first);
    expect(readSigningKey(keys.privateKey).id).toBe(current.id);
    const ring = readKeyring(keys.keyring);
    expect(ring.entries.map((e) => [e.id, !!e.retiredAt])).toEqual([
      [first, true],
      [current.id, false],
    ]);
    expect(statSync(keys.privateKey).mode & 0o777).toBe(0o600);
  });

  it('says what to do when the key or keyring is missing or damaged', () => {
    expect(() => readSigningKey('/nonexistent/key.pem')).toThrow(/interlock keys init/);
    expect(() => readKeyring('/nonexistent/keyring.json')).toThrow(/keys show --print-keyring/);
  });
});

describe.each(TARGETS)('checkpoints on $kind', (target) => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture(target);
  });
  afterEach(async () => {
    await f.cleanup();
  });

  it('checkpoints signed before a key rotation still verify after it', async () => {
    await fill(f.store, 5);
    await writeCheckpoint(f.log, f.signer);
    const keyring = `${f.keyDir}/keyring.json`;
    rotateKeys({ privateKey: `${f.keyDir}/signing-key.pem`, keyring });
    await fill(f.store, 5, 6);
    await writeCheckpoint(f.log, {
      key: readSigningKey(`${f.keyDir}/signing-key.pem`),
      witnessDir: `${f.keyDir}/witness`,
    });
    const cps = await f.log.side.checkpoints();
    expect(new Set(cps.map((c) => c.keyId)).size).toBe(2);
    const r = await verifyAuditLog(f.log, { keyring: readKeyring(keyring) });
    expect(r).toMatchObject({ ok: true, checkpoints: { total: 2, verified: 2 }, unsigned: 0 });
  });

  it('the job signs every N entries, and signs the rest when stopped; the witness follows', async () => {
    const job = startCheckpointJob({
      log: f.log,
      signer: f.signer,
      everyEntries: 10,
      everyMs: 3_600_000,
      pollMs: 3_600_000,
    });
    await fill(f.store, 4);
    expect(await job.runOnce()).toMatchObject({ seq: 4 }); // the first entries are signed at once
    await fill(f.store, 9, 5);
    expect(await job.runOnce()).toBeUndefined();
    await fill(f.store, 1, 14);
    expect(await job.runOnce()).toMatchObject({ seq: 14 });
    await fill(f.store, 3, 15);
    await job.stop();
    expect((await f.log.side.checkpoints()).map((c) => c.seq)).toEqual([4, 14, 17]);
    expect(readWitness(`${f.keyDir}/witness`, f.log.location)).toMatchObject({ seq: 17 });
  });

  it('signs while a transaction of the same process holds the database, without blocking it', async () => {
    await fill(f.store, 2);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const open = f.store.transact(async (tx) => {
      await tx.appendAudit({ type: 'x', actor: 'a', at: 1, data: {} });
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    const signing = writeCheckpoint(f.log, f.signer);
    await new Promise((r) => setTimeout(r, 50)); // the event loop still runs while the checkpoint waits
    release();
    await open;
    expect(await signing).toMatchObject({ seq: 2 });
    expect((await verifyAuditLog(f.log)).ok).toBe(true);
  });

  it('startServerCheckpoints uses the key named by INTERLOCK_AUDIT_KEY, and runs without one', async () => {
    const lines: string[] = [];
    const none = await startServerCheckpoints({
      store: f.store,
      database: f.database,
      env: { INTERLOCK_AUDIT_KEY: '/nonexistent/signing-key.pem' },
      log: (l) => lines.push(l),
    });
    expect(none).toBeUndefined();
    expect(lines.join('\n')).toMatch(/no signing key/);
    await fill(f.store, 3);
    const running = await startServerCheckpoints({
      store: f.store,
      database: f.database,
      env: { INTERLOCK_AUDIT_KEY: `${f.keyDir}/signing-key.pem` },
      pollMs: 3_600_000,
    });
    expect(running?.keyId).toBe(f.signer.key.id);
    await running!.stop();
    expect((await f.log.side.lastCheckpoint())?.seq).toBe(3);
  });
});
