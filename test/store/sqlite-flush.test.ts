import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { Checkpointer } from '../../src/store/sqlite-checkpointer.js';
import { HARMLESS_WINDOW_MS, SqliteStore } from '../../src/store/sqlite.js';
import { WalSync } from '../../src/store/wal-sync.js';

// The SQLite store flushes its write-ahead log off the event loop and checkpoints in a worker thread.
// What must hold: no acknowledged commit is lost, the WAL stays bounded, and close() leaves nothing running.

const WRITER = fileURLToPath(new URL('../fixtures/sqlite-writer.mjs', import.meta.url));
const BUILT_STORE = new URL('../../dist/store/sqlite.js', import.meta.url).href;

const entry = (n: number) => ({ type: 'load', actor: 't', at: n, data: { n } });

/** A restarted WAL gets new salts in its header (bytes 16-23). */
function walSalts(database: string): string {
  const fd = openSync(`${database}-wal`, 'r');
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    return header.subarray(16, 24).toString('hex');
  } finally {
    closeSync(fd);
  }
}

describe('sqlite: commits flushed off the event loop', () => {
  let dir: string;
  let database: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlock-flush-'));
    database = join(dir, 'server.db');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a writer killed with kill -9 mid-load loses no acknowledged commit', async () => {
    const child = spawn(process.execPath, [WRITER, BUILT_STORE, database], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const acked: number[] = [];
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the writer did not get going: ${stderr}`)), 60_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'ready') return;
        acked.push(Number(line));
        // Killed while commits, flushes and checkpoints are under way.
        if (acked.length === 3000) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`the writer stopped by itself: ${stderr}`)));
    });
    await exited;

    const store = new SqliteStore(database, { background: true });
    await store.migrate();
    try {
      const entries = await store.auditEntries(1, 1_000_000);
      expect(verifyAuditChain(entries).ok).toBe(true);
      const kept = new Set(entries.map((e) => (JSON.parse(e.body) as { data: { n: number } }).data.n));
      expect(acked.filter((n) => !kept.has(n))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('the WAL stays bounded while commits never stop, and close leaves no WAL behind', async () => {
    const store = new SqliteStore(database, {
      background: true,
      checkpointEveryMs: 2,
      checkpointEveryCommits: 1, // as often as the checkpointer can: what bounds the WAL here is the reset
      resetWalAtFrames: 200,
    });
    await store.migrate();
    const walSize = () => statSync(`${database}-wal`).size;
    const answers: Promise<unknown>[] = [];
    let afterFirstThird = 0;
    // A new transaction every turn of the event loop, answered or not: the writer never waits for work.
    for (let n = 0; n < 6000; n++) {
      answers.push(store.transact((tx) => tx.appendAudit(entry(n))));
      await new Promise((r) => setImmediate(r));
      if (n === 2000) afterFirstThird = walSize();
    }
    await Promise.all(answers);
    // SQLite reuses a WAL from its start without shrinking the file: its size is the longest it has been.
    // Never started over, it keeps growing with every commit (to three times its size at the first third);
    // started over, it stops growing once the checkpointer is up (its size by then, and how far it
    // overshoots the limit, depend on how fast the disk flushes under the machine's load).
    expect(walSize()).toBeLessThan(1.5 * afterFirstThird + 2 * 1024 * 1024);
    expect(verifyAuditChain(await store.auditEntries(1, 10_000))).toMatchObject({ ok: true, entries: 6000 });
    await store.close();
    // The last connection checkpointed (flushing first) and removed the WAL: everything is in the file.
    expect(existsSync(`${database}-wal`)).toBe(false);
    const again = new SqliteStore(database, { background: true });
    await again.migrate();
    expect(verifyAuditChain(await again.auditEntries(1, 10_000))).toMatchObject({ ok: true, entries: 6000 });
    await again.close();
  });

  it('spaced-out commits are not each checkpointed (the WAL is not started over, with its header flush, per commit)', async () => {
    const store = new SqliteStore(database, { background: true, checkpointEveryMs: 1 });
    await store.migrate();
    const salts = () => walSalts(database);
    await store.transact((tx) => tx.appendAudit(entry(0)));
    const first = salts();
    // Each commit long after the last (checkpointed one by one, this WAL was started over here).
    for (let n = 1; n <= 10; n++) {
      await new Promise((r) => setTimeout(r, 50));
      await store.transact((tx) => tx.appendAudit(entry(n)));
    }
    expect(salts()).toBe(first);
    expect(verifyAuditChain(await store.auditEntries(1, 100))).toMatchObject({ ok: true, entries: 11 });
    await store.close();
  });

  it.each([
    ['a WAL past its limit', 1], // the checkpoint after any commit asks for a reset
    ['a WAL copied to its end while nothing was committed', 4000], // the next commit would start it over
  ])('%s is started over by the checkpointer before the next transaction comes in', async (_, frames) => {
    const store = new SqliteStore(database, {
      background: true,
      checkpointEveryMs: 0,
      checkpointEveryCommits: 1,
      resetWalAtFrames: frames,
    });
    await store.migrate();
    const before = walSalts(database);
    await store.transact((tx) => tx.appendAudit(entry(0)));
    // No transaction after it: started over all the same (before, the next commit waited for the reset, or
    // started the WAL over itself, flushing its header on the event loop).
    for (let i = 0; i < 300 && walSalts(database) === before; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(walSalts(database)).not.toBe(before);
    await store.transact((tx) => tx.appendAudit(entry(1)));
    expect(verifyAuditChain(await store.auditEntries(1, 10))).toMatchObject({ ok: true, entries: 2 });
    await store.close();
  });

  it('a process that never closes its store still exits (one-shot commands do not close theirs)', () => {
    // The checkpointer's thread must not hold the process open: `interlock check` once hung after answering.
    const script = `const { SqliteStore } = await import(${JSON.stringify(BUILT_STORE)});
      const store = new SqliteStore(${JSON.stringify(database)}, { background: true });
      await store.migrate();
      await store.transact((tx) => tx.appendAudit({ type: 'load', actor: 't', at: 1, data: {} }));
      process.stdout.write('recorded');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.error).toBeUndefined(); // a timeout (the hang) shows as ETIMEDOUT here
    expect(r.stdout).toBe('recorded');
    expect(r.status, r.stderr).toBe(0);
  });

  it('close waits for every flush and stops the checkpointer', async () => {
    const store = new SqliteStore(database, { background: true });
    await store.migrate();
    const answers = Array.from({ length: 50 }, (_, n) => store.transact((tx) => tx.appendAudit(entry(n))));
    await store.close();
    const settled = await Promise.allSettled(answers);
    expect(settled.every((s) => s.status === 'fulfilled')).toBe(true);
    // A server closes its store, and so may whoever opened it: the second close does nothing.
    await expect(store.close()).resolves.toBeUndefined();

    const checkpointer = new Checkpointer(database);
    await checkpointer.close(); // resolves once the thread has ended
    await expect(checkpointer.checkpoint()).rejects.toThrow();
  });

  it("the checkpointer starts a fully copied WAL over in its own thread, not in the writer's next commit", async () => {
    const writer = new Database(database);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (n INTEGER)');
    for (let n = 0; n < 20; n++) writer.prepare('INSERT INTO t VALUES (?)').run(n);
    const before = walSalts(database);
    const checkpointer = new Checkpointer(database);
    try {
      const copied = await checkpointer.restart();
      expect(copied.checkpointed).toBe(copied.log);
      // Started over with nothing from the writer since: the next commit appends to the new WAL.
      expect(walSalts(database)).not.toBe(before);
      const after = walSalts(database);
      writer.prepare('INSERT INTO t VALUES (?)').run(20);
      expect(walSalts(database)).toBe(after);
      expect(writer.prepare('SELECT count(*) FROM t').pluck().get()).toBe(21);
      expect(writer.pragma('user_version', { simple: true })).toBe(0);
    } finally {
      await checkpointer.close();
      writer.close();
    }
  });

  it('the checkpointer does not wait for a write lock another connection holds: it writes nothing', async () => {
    const writer = new Database(database);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (n INTEGER)');
    writer.prepare('INSERT INTO t VALUES (?)').run(0);
    const before = walSalts(database);
    const checkpointer = new Checkpointer(database);
    try {
      writer.exec('BEGIN IMMEDIATE');
      await checkpointer.restart();
      expect(walSalts(database)).toBe(before);
      writer.prepare('INSERT INTO t VALUES (?)').run(1);
      writer.exec('COMMIT');
      expect(writer.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2);
    } finally {
      await checkpointer.close();
      writer.close();
    }
  });
});

describe('sqlite: harmless commits answered before their flush ends', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlock-harmless-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** The store's flushes, held until the test ends each one (the WAL's descriptor stays the store's). */
  const heldFlushes = (store: SqliteStore) => {
    const inner = store as unknown as { walSync: WalSync; walFd: number };
    const running: ((error: Error | null) => void)[] = [];
    inner.walSync = new WalSync(inner.walFd, (_fd, done) => running.push(done));
    return running;
  };
  const turns = async (n = 5) => {
    for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
  };
  const opened = async () => {
    const store = new SqliteStore(join(dir, 'server.db'), { background: true });
    await store.migrate();
    return { store, running: heldFlushes(store) };
  };

  it('a harmless commit is heard of once written; the others of its batch wait for the disk', async () => {
    const { store, running } = await opened();
    const heard: string[] = [];
    const harmless = store
      .transact((tx) => tx.appendAudit(entry(1)), { harmless: true })
      .then(() => heard.push('harmless'));
    const other = store.transact((tx) => tx.appendAudit(entry(2))).then(() => heard.push('other'));
    await turns();
    expect(running).toHaveLength(1); // one commit for both, its flush under way
    expect(heard).toEqual(['harmless']);
    running[0]!(null);
    await Promise.all([harmless, other]);
    expect(heard).toEqual(['harmless', 'other']);
    expect(verifyAuditChain(await store.auditEntries(1, 10))).toMatchObject({ ok: true, entries: 2 });
    await store.close();
  });

  it('once a commit has waited longer than the window for the disk, a harmless one waits too', async () => {
    const { store, running } = await opened();
    const first = store.transact((tx) => tx.appendAudit(entry(1)), { harmless: true });
    await first; // heard of at once: the flushes keep up
    await new Promise((r) => setTimeout(r, HARMLESS_WINDOW_MS + 20)); // its flush still not done
    let heard = false;
    const late = store
      .transact((tx) => tx.appendAudit(entry(2)), { harmless: true })
      .then(() => (heard = true));
    await turns();
    expect(running).toHaveLength(2);
    expect(heard).toBe(false);
    running[1]!(null); // begun after the second commit: covers both
    await late;
    running[0]!(null);
    await store.close();
  });

  it('a failed flush refuses the commits that waited for it; a harmless one already heard of stays answered', async () => {
    const { store, running } = await opened();
    const harmless = store.transact((tx) => tx.appendAudit(entry(1)), { harmless: true });
    const other = store.transact((tx) => tx.appendAudit(entry(2)));
    await expect(harmless).resolves.toMatchObject({ seq: 1 });
    running[0]!(new Error('EIO'));
    await expect(other).rejects.toThrow(/could not be flushed/);
    // Nothing is heard of after a failed flush, harmless or not.
    await expect(store.transact((tx) => tx.appendAudit(entry(3)), { harmless: true })).rejects.toThrow(
      /could not be flushed/,
    );
    await store.close().catch(() => undefined);
  });
});

describe('sqlite: the writing connection', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlock-writer-'));
  });
  afterEach(() => {
    delete process.env.INTERLOCK_SQLITE_SYNCHRONOUS;
    rmSync(dir, { recursive: true, force: true });
  });

  // The writer is private; its settings are what keep the file sound, so they are read here directly.
  const writer = (store: SqliteStore) => (store as unknown as { db: Database.Database }).db;
  const settings = (store: SqliteStore) => ({
    synchronous: writer(store).pragma('synchronous', { simple: true }),
    autocheckpoint: writer(store).pragma('wal_autocheckpoint', { simple: true }),
  });

  it('in the background: NORMAL, never OFF (a restarted WAL header is flushed), and no checkpoints of its own', async () => {
    const store = new SqliteStore(join(dir, 'server.db'), { background: true });
    await store.migrate();
    expect(settings(store)).toEqual({ synchronous: 1, autocheckpoint: 0 });
    await store.close();
  });

  it('by default (a one-shot command): FULL at each commit, checkpointing on the writer, no thread', async () => {
    const store = new SqliteStore(join(dir, 'server.db'));
    await store.migrate();
    expect(settings(store)).toEqual({ synchronous: 2, autocheckpoint: 1000 });
    await store.close();
  });

  it('with INTERLOCK_SQLITE_SYNCHRONOUS=normal: SQLite NORMAL as before, checkpointing on the writer', async () => {
    process.env.INTERLOCK_SQLITE_SYNCHRONOUS = 'normal';
    const store = new SqliteStore(join(dir, 'server.db'), { background: true });
    await store.migrate();
    expect(settings(store)).toEqual({ synchronous: 1, autocheckpoint: 1000 });
    await store.close();
  });
});

describe('WalSync', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlock-walsync-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a commit is answered only after a flush that began after it', async () => {
    const fd = openSync(join(dir, 'wal'), 'a');
    try {
      const sync = new WalSync(fd);
      expect(sync.durable(0)).toBeUndefined();
      const first = sync.commit();
      const second = sync.commit();
      const order: number[] = [];
      const a = sync.durable(first)!.then(() => order.push(first));
      const b = sync.durable(second)!.then(() => order.push(second));
      expect(a).toBeInstanceOf(Promise);
      await Promise.all([a, b]);
      expect(order).toEqual([first, second]);
      expect(sync.durable(second)).toBeUndefined();
    } finally {
      closeSync(fd);
    }
  });

  it('two flushes run at once, and each covers only the commits made before it began', async () => {
    const running: ((error: Error | null) => void)[] = [];
    const sync = new WalSync(0, (_fd, done) => running.push(done));
    const answered: number[] = [];
    const wait = (seq: number) => void sync.durable(seq)!.then(() => answered.push(seq));
    const settle = () => new Promise((r) => setImmediate(r));
    const one = sync.commit(); // flush A begins after commit 1
    wait(one);
    const two = sync.commit(); // flush B begins at once, after commit 2
    wait(two);
    const three = sync.commit(); // two are running: commit 3 waits for a later one
    wait(three);
    expect(running).toHaveLength(2);
    running[1]!(null); // B ends first: it covers 1 and 2, not 3
    await settle();
    expect(answered).toEqual([one, two]);
    expect(running).toHaveLength(3); // C begins after commit 3
    running[0]!(null); // A ends late: nothing more is covered
    await settle();
    expect(answered).toEqual([one, two]);
    running[2]!(null);
    await settle();
    expect(answered).toEqual([one, two, three]);
    expect(sync.durable(three)).toBeUndefined();
  });

  it('a crowd that committed while a flush runs waits for it and shares the next one', async () => {
    const running: ((error: Error | null) => void)[] = [];
    const sync = new WalSync(0, (_fd, done) => running.push(done));
    const answered: number[] = [];
    const wait = (seq: number) => void sync.durable(seq)!.then(() => answered.push(seq));
    const settle = () => new Promise((r) => setImmediate(r));
    const one = sync.commit(32); // flush A begins after a batch of 32
    wait(one);
    const two = sync.commit(5); // a few callers: flush B begins at once
    wait(two);
    expect(running).toHaveLength(2);
    running[0]!(null);
    running[1]!(null);
    await settle();
    expect(answered).toEqual([one, two]);
    const three = sync.commit(4); // flush C begins
    wait(three);
    const four = sync.commit(9); // more than 8 callers since C began: no second flush
    wait(four);
    const five = sync.commit(1);
    wait(five);
    expect(running).toHaveLength(3);
    running[2]!(null); // C ends: one flush begins for the 10 callers of four and five
    await settle();
    expect(answered).toEqual([one, two, three]);
    expect(running).toHaveLength(4);
    running[3]!(null);
    await settle();
    expect(answered).toEqual([one, two, three, four, five]);
  });

  it('drained waits for every running flush, not only the one that covers the last commit', async () => {
    const running: ((error: Error | null) => void)[] = [];
    const sync = new WalSync(0, (_fd, done) => running.push(done));
    sync.commit();
    sync.commit();
    let drained = false;
    void sync.drained().then(() => (drained = true));
    running[1]!(null);
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(false); // the first flush still holds the file
    running[0]!(null);
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(true);
  });

  it('a flush that fails refuses its waiters and every later one, even if another flush succeeds', async () => {
    const running: ((error: Error | null) => void)[] = [];
    const sync = new WalSync(0, (_fd, done) => running.push(done));
    const first = sync.durable(sync.commit())!;
    const second = sync.durable(sync.commit())!;
    running[0]!(new Error('EIO'));
    running[1]!(null);
    await expect(first).rejects.toThrow(/could not be flushed/);
    await expect(second).rejects.toThrow(/could not be flushed/);
    await expect(sync.durable(sync.commit())!).rejects.toThrow(/could not be flushed/);
  });

  it('keeps up while no commit has waited longer than the window for the disk', () => {
    const running: ((error: Error | null) => void)[] = [];
    const sync = new WalSync(0, (_fd, done) => running.push(done));
    expect(sync.keepingUp(5, 0)).toBe(true); // nothing unflushed
    const t = performance.now();
    sync.commit();
    expect(sync.keepingUp(5, t + 1)).toBe(true);
    expect(sync.keepingUp(5, t + 60_000)).toBe(false); // its flush has not ended a minute later
    running[0]!(null);
    expect(sync.keepingUp(5, t + 60_000)).toBe(true);
    sync.commit();
    running[1]!(new Error('EIO'));
    expect(sync.keepingUp(5, t)).toBe(false); // after a failed flush, never
  });

  it('after a failed flush nothing more is acknowledged', async () => {
    const fd = openSync(join(dir, 'wal'), 'a');
    closeSync(fd); // a flush of a closed descriptor fails
    const sync = new WalSync(fd);
    await expect(sync.durable(sync.commit())).rejects.toThrow(/could not be flushed/);
    expect(sync.failure).toBeDefined();
    await expect(sync.durable(sync.commit())!).rejects.toThrow(/could not be flushed/);
  });
});
