import { describe, expect, it } from 'vitest';
import { BENCH_COMMANDS } from '../../src/bench/commands.js';
import { spawnCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

// `check --batch` may evaluate lines in worker threads (batch-pool.ts): the answers must be the ones the
// main thread alone gives, line for line and in the same order, bad lines and exit code included.

const home = tempTree({
  'README.md': 'x',
  'deploy.sh': 'kubectl delete namespace payments --context prod\n',
});

const lines = Array.from({ length: 600 }, (_, i) => {
  if (i % 97 === 5) return '{"command": ';
  if (i % 89 === 7) return JSON.stringify({ command: 42 });
  if (i % 83 === 9) return '';
  const command = `${BENCH_COMMANDS[i % BENCH_COMMANDS.length]} # ${i}`;
  if (i % 7 === 0) return JSON.stringify({ command, cwd: home, env: { AWS_PROFILE: 'billing-prod' } });
  if (i % 11 === 0) return JSON.stringify({ command: 'bash deploy.sh', cwd: home, agent: 'claude-code' });
  return JSON.stringify({ command, cwd: home });
});

const batch = (threads: number) =>
  spawnCli(['check', '--batch'], {
    cwd: home,
    input: `${lines.join('\n')}\n`,
    env: { HOME: home, XDG_STATE_HOME: `${home}/state-${threads}`, INTERLOCK_BATCH_THREADS: String(threads) },
  });

describe('check --batch with worker threads', () => {
  it('answers every line as the main thread alone does, in order, with the same exit code', () => {
    const alone = batch(0);
    const shared = batch(2);
    expect(alone.stderr).toBe('');
    expect(alone.status).toBe(2); // the malformed lines
    expect(shared.status).toBe(alone.status);
    expect(shared.stderr).toBe(alone.stderr);
    const answers = alone.stdout.trim().split('\n');
    expect(answers).toHaveLength(lines.filter((l) => l.trim() !== '').length);
    expect(
      new Set(answers.map((a) => (JSON.parse(a) as { decision?: { outcome: string } }).decision?.outcome))
        .size,
    ).toBeGreaterThan(3);
    expect(shared.stdout).toBe(alone.stdout);
  }, 120_000);
});
