import { describe, expect, it } from 'vitest';
import { GroupFlush } from '../../src/store/postgres-flush.js';

// A batch committed asynchronously is acknowledged only after a flush SENT after its COMMIT returned; a
// flush already running may have started before that COMMIT and does not count for it.

function controlled() {
  const started: { finish: () => void; fail: (error: Error) => void }[] = [];
  const flush = new GroupFlush(
    () => new Promise<void>((resolve, reject) => started.push({ finish: resolve, fail: reject })),
  );
  return { flush, started };
}

const settled = async (p: Promise<void>) => {
  let state = 'waiting';
  p.then(
    () => (state = 'done'),
    () => (state = 'failed'),
  );
  await new Promise((r) => setImmediate(r));
  return () => state;
};

describe('the group flush', () => {
  it('acknowledges no batch with a flush already running when it asked; those that wait share the next', async () => {
    const { flush, started } = controlled();
    const first = await settled(flush.after());
    expect(started).toHaveLength(1);
    // These two committed while the first flush ran: it may have been sent before their COMMIT.
    const b = await settled(flush.after());
    const c = await settled(flush.after());
    expect(started).toHaveLength(1);
    started[0]!.finish();
    await new Promise((r) => setImmediate(r));
    expect([first(), b(), c()]).toEqual(['done', 'waiting', 'waiting']);
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await new Promise((r) => setImmediate(r));
    expect([b(), c()]).toEqual(['done', 'done']);
    expect(started).toHaveLength(2);
  });

  it('fails the batches waiting on a failed flush, and flushes again for the next', async () => {
    const { flush, started } = controlled();
    const lost = await settled(flush.after());
    started[0]!.fail(new Error('connection lost'));
    await new Promise((r) => setImmediate(r));
    expect(lost()).toBe('failed');
    const next = await settled(flush.after());
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await new Promise((r) => setImmediate(r));
    expect(next()).toBe('done');
  });
});
