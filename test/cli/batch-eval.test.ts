import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/app/runtime.js';
import { groupEvaluator, type LineWork } from '../../src/cli/batch-eval.js';

// Within a group a line repeated is evaluated once (its facts give the same answers for the whole group);
// its result is the one the line gets alone, and another group evaluates it again.

const home = mkdtempSync(join(tmpdir(), 'interlock-batch-eval-'));
writeFileSync(join(home, 'deploy.sh'), 'kubectl delete namespace payments --context prod\n');
const env = Object.freeze({ HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin' });

async function counted() {
  const rt = await loadRuntime({ cwd: home, env });
  const checker = rt.checker;
  let checks = 0;
  const counting = {
    ...rt,
    checker: {
      ...checker,
      check: (...args: Parameters<typeof checker.check>) => (checks++, checker.check(...args)),
    },
  };
  return { evaluate: groupEvaluator(home, env, counting), checks: () => checks };
}

const human = { type: 'Human', id: 'dev' } as const;
const line = (command: string, principal: LineWork['principal'] = human): LineWork => ({
  line: { command, cwd: home },
  principal,
});

describe('groupEvaluator', () => {
  it('evaluates a line repeated in a group once, with the result the line gets alone', async () => {
    const shared = await counted();
    const results = await shared.evaluate(0, [line('bash deploy.sh'), line('ls'), line('bash deploy.sh')]);
    expect(shared.checks()).toBe(2);
    expect(results[2]).toEqual(results[0]);
    const alone = await counted();
    expect((await alone.evaluate(0, [line('bash deploy.sh')]))[0]).toEqual(results[0]);
    await shared.evaluate(1, [line('bash deploy.sh')]);
    expect(shared.checks()).toBe(3); // the next group looks again
  });

  it('does not share between lines proposed by different principals', async () => {
    const shared = await counted();
    const agent = { type: 'Agent', id: 'claude-code', actsFor: 'dev' } as const;
    await shared.evaluate(0, [line('bash deploy.sh'), line('bash deploy.sh', agent)]);
    expect(shared.checks()).toBe(2);
  });

  it('tells apart the lines of one command by who proposes them, and reuses each', async () => {
    const shared = await counted();
    const agent = { type: 'Agent', id: 'claude-code', actsFor: 'dev' } as const;
    const results = await shared.evaluate(0, [
      line('bash deploy.sh'),
      line('bash deploy.sh', agent),
      line('bash deploy.sh', agent),
      line('bash deploy.sh'),
    ]);
    expect(shared.checks()).toBe(2);
    expect(results[2]).toEqual(results[1]);
    expect(results[3]).toEqual(results[0]);
  });
});
