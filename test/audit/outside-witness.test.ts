import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApprovalClient } from '../../src/approvals/http.js';
import { checkpointMessage, writeCheckpoint } from '../../src/audit/checkpoint.js';
import { recordKey } from '../../src/audit/key-record.js';
import { keyIdOf, readKeyring, readSigningKey, signMessage, type KeyEntry } from '../../src/audit/keys.js';
import { closeLocalAudit, recordLocalDecision, type CheckLike } from '../../src/audit/local.js';
import { logIdOf } from '../../src/audit/log-id.js';
import { openAuditLog } from '../../src/audit/open.js';
import { sendToOutsideWitness } from '../../src/audit/outside-witness.js';
import { keyPaths } from '../../src/audit/paths.js';
import { writeWitness } from '../../src/audit/witness.js';
import type { RunningServer } from '../../src/server/serve.js';
import { buildAuditEntry } from '../../src/store/audit.js';
import type { Store } from '../../src/store/types.js';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { TARGETS } from '../store/stores.js';
import { clientOf, people, serverOn, type People } from '../server/harness.js';

// Issue 13, "Audit out of reach": whoever can write the local audit log can also read its signing key and
// delete its witness file, so the log is held against the approval server's copy of its checkpoints. Each
// attack below is done as such an attacker would (raw SQL on the real SQLite log, the real key, the real
// files), and `interlock audit verify` must exit 6. Where the attack is invisible without the outside
// witness, the test shows that too (--allow-no-witness, no server): that is why the server is asked.

interface Row {
  seq: number;
  at: number;
  type: string;
  actor: string;
  body: string;
  prev_hash: string;
  hash: string;
}

const FAILED = 6;

describe.each(TARGETS)('the approval server witnesses local audit logs (server store: $kind)', (target) => {
  let store: Store;
  let cleanupStore: () => Promise<void>;
  let server: RunningServer;
  let tokens: People;
  let dir: string;
  let env: Record<string, string>;
  let localDb: string;

  const cli = (args: string[], extra: Record<string, string> = {}) =>
    runCli(args, { env: { ...env, ...extra }, cwd: dir });
  const verify = (extra: Record<string, string> = {}, ...flags: string[]) =>
    cli(['audit', 'verify', ...flags], extra);
  /** The attacker's view: no outside witness to ask, and the verifier accepting that. */
  const verifyAlone = () =>
    cli(['audit', 'verify', '--allow-no-witness'], { INTERLOCK_SERVER_URL: '', INTERLOCK_TOKEN: '' });
  const paths = () => keyPaths(env);
  const raw = () => {
    const db = new Database(localDb);
    db.pragma('busy_timeout = 5000');
    return db;
  };

  /** Entries as the local recorder writes them. */
  async function append(n: number): Promise<void> {
    const log = await openAuditLog(localDb, env);
    for (let i = 0; i < n; i++)
      await log.store.transact((tx) =>
        tx.appendAudit({
          type: 'decision',
          actor: 'claude',
          at: Date.now(),
          data: { source: 'local', command: `kubectl delete pod p-${i}`, outcome: 'ask' },
        }),
      );
    await log.close();
  }

  /** Sign the tip with this machine's key and send it to the server, as the recorder does. */
  async function checkpointAndSend(): Promise<void> {
    const log = await openAuditLog(localDb, env);
    await writeCheckpoint(log, { key: readSigningKey(paths().privateKey), witnessDir: paths().witnessDir });
    expect(await sendToOutsideWitness(log, clientOf(server, tokens.agent))).toBe('sent');
    await log.close();
  }

  beforeEach(async () => {
    ({ store, cleanup: cleanupStore } = await target.create());
    tokens = await people(store);
    server = await serverOn(store);
    dir = tempTree();
    localDb = join(dir, 'state/local.db');
    env = {
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_STATE_HOME: join(dir, 'state'),
      INTERLOCK_DATABASE: localDb,
      INTERLOCK_SERVER_URL: server.url,
      INTERLOCK_TOKEN: tokens.agent,
    };
    // keys init records the key in the log (entry 1), signs it and sends that checkpoint to the server.
    const init = await cli(['keys', 'init']);
    expect(init.status, init.stderr).toBe(0);
    await append(10);
    await checkpointAndSend(); // entry 11
    await append(10);
    await checkpointAndSend(); // entry 21
    await append(3); // 22–24: chained, not yet signed
  });

  afterEach(async () => {
    await closeLocalAudit();
    await server.close();
    await cleanupStore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an intact log verifies against the server, which holds every checkpoint it was sent', async () => {
    const v = await verify();
    expect(v.status, v.stdout + v.stderr).toBe(0);
    const client = new ApprovalClient(server.url, tokens.agent);
    const held = await client.checkpoints(logIdOf(localDb));
    expect(held.history.map((c) => c.seq)).toEqual([1, 11, 21]);
    expect(held.checkpoint).toMatchObject({ seq: 21, log: logIdOf(localDb) });
  });

  it('(a) a rewrite re-signed with the readable key, witness file updated: caught by the server', async () => {
    const db = raw();
    const rows = db.prepare('SELECT * FROM audit ORDER BY seq').all() as Row[];
    let prev = rows[3]!.hash;
    db.prepare('DELETE FROM audit WHERE seq >= 5').run();
    for (const r of rows.slice(4)) {
      const body = JSON.parse(r.body) as { data: Record<string, unknown> };
      if (r.seq === 5) body.data.command = 'ls';
      const e = buildAuditEntry({ type: r.type, actor: r.actor, at: r.at, data: body.data }, r.seq, prev);
      db.prepare(
        'INSERT INTO audit (seq, at, type, actor, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(e.seq, e.at, e.type, e.actor, e.body, e.prevHash, e.hash);
      prev = e.hash;
    }
    db.prepare('UPDATE audit_head SET seq = 24, hash = ? WHERE id = 1').run(prev);
    const key = readSigningKey(paths().privateKey);
    const cps = db.prepare('SELECT seq, at FROM audit_checkpoints').all() as { seq: number; at: number }[];
    for (const c of cps) {
      const hash = (db.prepare('SELECT hash FROM audit WHERE seq = ?').get(c.seq) as { hash: string }).hash;
      const base = { seq: c.seq, hash, at: c.at, keyId: key.id };
      const signature = signMessage(key, checkpointMessage(base));
      db.prepare('UPDATE audit_checkpoints SET hash = ?, signature = ? WHERE seq = ?').run(
        hash,
        signature,
        c.seq,
      );
      if (c.seq === 21) writeWitness(paths().witnessDir, localDb, { ...base, signature });
    }
    db.close();

    expect((await verifyAlone()).status).toBe(0); // nothing on this machine can tell
    const v = await verify();
    expect(v.status).toBe(FAILED);
    expect(v.stdout).toMatch(/BROKEN at entry 11 \(rewritten\): entry 11 is not the one the approval server/);
  });

  it("(b) an attacker's key added to the keyring file, signing the tip: foreign", async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const id = keyIdOf(publicKey);
    const ring = readKeyring(paths().keyring).entries.map((e) => ({ ...e, retiredAt: 'x' }));
    const theirs: KeyEntry = {
      id,
      algorithm: 'ed25519',
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      createdAt: new Date().toISOString(),
    };
    writeFileSync(paths().keyring, JSON.stringify({ version: 1, keys: [...ring, theirs] }));
    const db = raw();
    const tip = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as Row;
    const base = { seq: tip.seq, hash: tip.hash, at: Date.now(), keyId: id };
    const signature = signMessage({ id, privateKey }, checkpointMessage(base));
    db.prepare('INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?)').run(
      base.seq,
      base.hash,
      base.at,
      id,
      signature,
    );
    db.close();

    for (const v of [await verify(), await verifyAlone()]) {
      expect(v.status).toBe(FAILED);
      expect(v.stdout).toContain(`holds key ${id}, which no entry of the log records`);
      expect(v.stdout).toContain('not added through `interlock keys`');
    }
  });

  it('(c) a cut tail with the witness file rolled back: the server saw entry 21', async () => {
    const db = raw();
    db.prepare('DELETE FROM audit WHERE seq > 11').run();
    db.prepare('DELETE FROM audit_checkpoints WHERE seq > 11').run();
    const kept = db.prepare('SELECT * FROM audit_checkpoints WHERE seq = 11').get() as {
      seq: number;
      hash: string;
      at: number;
      key_id: string;
      signature: string;
    };
    db.prepare('UPDATE audit_head SET seq = 11, hash = ? WHERE id = 1').run(kept.hash);
    db.close();
    writeWitness(paths().witnessDir, localDb, {
      seq: 11,
      hash: kept.hash,
      at: kept.at,
      keyId: kept.key_id,
      signature: kept.signature,
    });

    expect((await verifyAlone()).status).toBe(0);
    const v = await verify();
    expect(v.status).toBe(FAILED);
    expect(v.stdout).toMatch(
      /the log ends at entry 11, but the approval server .* holds a checkpoint for entry 21.*entries 12–21 were removed/,
    );
  });

  it('(d) a full wipe, witness deleted, a fresh log started with the key recorded again', async () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${localDb}${suffix}`, { force: true });
    rmSync(paths().witnessDir, { recursive: true, force: true });
    const key = readSigningKey(paths().privateKey);
    const log = await openAuditLog(localDb, env);
    await recordKey(log, readKeyring(paths().keyring).current!, 'attacker');
    await writeCheckpoint(log, { key, witnessDir: paths().witnessDir });
    await log.close();
    await append(2);

    expect((await verifyAlone()).status).toBe(0);
    const v = await verify();
    expect(v.status).toBe(FAILED);
    expect(v.stdout).toMatch(
      /\(rewritten\): entry 1 is not the one the approval server .*wiped and started again/,
    );
  });

  it('(d) a wipe started again with entries that do not say they are local: still held against the server', async () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${localDb}${suffix}`, { force: true });
    rmSync(paths().witnessDir, { recursive: true, force: true });
    const log = await openAuditLog(localDb, env);
    await log.store.transact((tx) =>
      tx.appendAudit({ type: 'request.created', actor: 'claude', at: Date.now(), data: {} }),
    );
    await log.close();
    for (const v of [await verify(), await verify({}, '--database', localDb)]) {
      expect(v.status).toBe(FAILED);
      expect(v.stdout).toMatch(/the approval server .* holds a checkpoint for entry 1/);
    }
  });

  it('(e) every checkpoint deleted, and the witness file: a failure, not a warning', async () => {
    const db = raw();
    db.prepare('DELETE FROM audit_checkpoints').run();
    db.close();
    rmSync(paths().witnessDir, { recursive: true, force: true });

    const v = await verify();
    expect(v.status).toBe(FAILED);
    expect(v.stdout).toMatch(
      /\(checkpoints-missing\): the approval server .* holds a checkpoint for entry 1,/,
    );
    // The log itself says a key signed it: even with no server to ask, the missing checkpoints show.
    const alone = await verifyAlone();
    expect(alone.status).toBe(FAILED);
    expect(alone.stdout).toMatch(/records signing key .* at entry 1.*checkpoints were deleted/);
  });

  it('without an approval server, verify fails unless --allow-no-witness accepts that explicitly', async () => {
    const none = { INTERLOCK_SERVER_URL: '', INTERLOCK_TOKEN: '' };
    const v = await verify(none);
    expect(v.status).toBe(FAILED);
    expect(v.stdout).toMatch(/no outside witness: no approval server is configured.*--allow-no-witness/);
    const accepted = await verify(none, '--allow-no-witness');
    expect(accepted.status, accepted.stdout).toBe(0);
    expect(accepted.stdout).toMatch(/! no outside witness/);
    // A configured server that does not answer: the log cannot be held against it.
    const down = await verify({ INTERLOCK_SERVER_URL: 'http://127.0.0.1:9' });
    expect(down.status).toBe(FAILED);
    expect(down.stdout).toMatch(/cannot ask the outside witness/);
  });

  it('a server that is down never fails a decision; the log remembers it was not reached, and catches up', async () => {
    const log = await openAuditLog(localDb, env);
    const dead = new ApprovalClient('http://127.0.0.1:9', tokens.agent, { timeoutMs: 500 });
    await writeCheckpoint(log, { key: readSigningKey(paths().privateKey), witnessDir: paths().witnessDir });
    expect(await sendToOutsideWitness(log, dead)).toBe('failed');
    expect(await log.side.outsideWitness(logIdOf(localDb))).toMatchObject({
      ackedSeq: 0,
      error: expect.stringMatching(/cannot reach the approval server/),
    });
    expect(await sendToOutsideWitness(log, dead)).toBe('waiting'); // no retry storm on every decision
    await log.close();

    const check: CheckLike = {
      action: { kind: 'shell', command: 'rm -rf /srv/app' },
      assessment: { risk: 'high', destructive: true, environment: 'production', effects: [], reasons: [] },
      decision: { outcome: 'deny', approvals: 0, reasons: [], policies: [] },
    };
    const recorded = await recordLocalDecision(
      check,
      { type: 'Agent', id: 'claude' },
      { cwd: dir, home: dir, env: {} },
      { env: { ...env, INTERLOCK_SERVER_URL: 'http://127.0.0.1:9' } },
    );
    expect(recorded).toMatchObject({ ok: true });
    await closeLocalAudit();

    const v = await verify();
    expect(v.status, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/witnessed this log up to entry 21; checkpoints after it \(to entry 24\)/);
    const later = await openAuditLog(localDb, env);
    expect(await sendToOutsideWitness(later, clientOf(server, tokens.agent), Date.now() + 61_000)).toBe(
      'sent',
    );
    await later.close();
    expect((await verify()).stdout).not.toMatch(/have not reached it/);
  });

  it('the server keeps checkpoints per token, only forward, and records each in its own log', async () => {
    const agent = new ApprovalClient(server.url, tokens.agent);
    const log = logIdOf(localDb);
    const latest = (await agent.checkpoints(log)).checkpoint!;
    const sent = {
      log: latest.log,
      seq: latest.seq,
      hash: latest.hash,
      at: latest.at,
      keyId: latest.keyId,
      signature: latest.signature,
    };
    expect(await agent.sendCheckpoint(sent)).toMatchObject({ stored: false });
    await expect(agent.sendCheckpoint({ ...sent, seq: 5 })).rejects.toMatchObject({
      status: 409,
      code: 'checkpoint-regressed',
    });
    await expect(agent.sendCheckpoint({ ...sent, hash: 'f'.repeat(64) })).rejects.toMatchObject({
      status: 409,
      code: 'checkpoint-conflict',
    });
    await expect(agent.sendCheckpoint({ ...sent, log: 'nope' })).rejects.toMatchObject({ status: 400 });
    // Another token sees none of it: a log belongs to the token that sent its checkpoints.
    expect(await new ApprovalClient(server.url, tokens.codex).checkpoints(log)).toEqual({
      checkpoint: null,
      history: [],
    });
    const entries = await store.auditEntries(1, 1000);
    expect(
      entries.filter((e) => e.type === 'checkpoint.witnessed').map((e) => JSON.parse(e.body).data.seq),
    ).toEqual([1, 11, 21]);
  });

  it('keys rotate records the new key, signed by the one it retires; both verify', async () => {
    const rotate = await cli(['keys', 'rotate']);
    expect(rotate.status, rotate.stderr).toBe(0);
    await append(2);
    await checkpointAndSend();
    const v = await verify();
    expect(v.status, v.stdout).toBe(0);
    const keys = readFileSync(paths().keyring, 'utf8');
    expect(JSON.parse(keys).keys).toHaveLength(2);
  });
});
