import { describe, expect, it } from 'vitest';
import type { GroupEvaluator, LineResult, LineWork } from '../../src/cli/batch-eval.js';
import { batchPool, type Thread } from '../../src/cli/batch-pool.js';

// The pool shares a group's lines between the main thread and worker threads; whoever evaluates a line,
// its result comes back in its place, and a worker that fails leaves its lines to the main thread.

const work = (n: number): LineWork[] =>
  Array.from({ length: n }, (_, i) => ({
    line: { command: `echo ${i}` },
    principal: { type: 'Human', id: 'u' },
  }));

/** A result that says which line it is for and who evaluated it. */
const result = (item: LineWork, by: string): LineResult => ({
  error: `${item.line.command} by ${by}`,
  input: true,
});

const local: GroupEvaluator = async (_group, items) => {
  await new Promise((resume) => setImmediate(resume));
  return items.map((item) => result(item, 'main'));
};

/** A stand-in worker thread: ready at once, answering each chunk after a turn of the event loop, or failing. */
function fakeThread(fails: boolean) {
  let chunks = 0;
  const start = (_data: unknown, onReady: (thread: Thread) => void): Thread => {
    const thread: Thread = {
      ready: true,
      dead: false,
      busy: 0,
      run: async (_group, items) => {
        chunks++;
        await new Promise((resume) => setImmediate(resume));
        if (fails) throw new Error('the worker thread died');
        return items.map((item) => result(item, 'thread'));
      },
      stop: async () => 0,
    };
    setImmediate(() => onReady(thread));
    return thread;
  };
  return { start, chunks: () => chunks };
}

const commandOf = (r: LineResult) => ('error' in r ? r.error.split(' by ')[0] : '');
const data = { env: {}, runtime: {} };

/** The results are the lines' own, in order; `by`: all of them evaluated there. */
function expectInOrder(results: LineResult[], n: number, by?: string) {
  expect(results.map(commandOf)).toEqual(work(n).map((w) => w.line.command));
  if (by) expect(results.every((r) => 'error' in r && r.error.endsWith(`by ${by}`))).toBe(true);
}

describe('batchPool', () => {
  it('evaluates on the main thread alone without threads', async () => {
    const pool = batchPool(local, { threads: 0, minLines: 1, data });
    expectInOrder(await pool.evaluate(0, work(40)), 40, 'main');
    await pool.close();
  });

  it('shares lines with a worker thread and keeps every result in its line’s place', async () => {
    const thread = fakeThread(false);
    const pool = batchPool(local, { threads: 1, minLines: 1, data, start: thread.start });
    const groups = [pool.evaluate(0, work(300)), pool.evaluate(1, work(300)), pool.evaluate(2, work(5))];
    for (const results of await Promise.all(groups.slice(0, 2))) expectInOrder(results, 300);
    expectInOrder(await groups[2]!, 5);
    expect(thread.chunks()).toBeGreaterThan(0);
    await pool.close();
  });

  it('evaluates on the main thread the lines a failing worker thread was given', async () => {
    const thread = fakeThread(true);
    const pool = batchPool(local, { threads: 1, minLines: 1, data, start: thread.start });
    expectInOrder(await pool.evaluate(0, work(300)), 300, 'main');
    await pool.close();
  });

  it('starts no thread for a group smaller than minLines (a co-process writing one line at a time)', async () => {
    const thread = fakeThread(false);
    const pool = batchPool(local, { threads: 1, minLines: 64, data, start: thread.start });
    for (let g = 0; g < 3; g++) expect(await pool.evaluate(g, work(1))).toHaveLength(1);
    expect(thread.chunks()).toBe(0);
    await pool.close();
  });
});
