import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Fork bombs written in an interpreter's own language (src/analyzers/interpreters/fork-loops.ts) were
// allowed: they delete nothing, but the machine runs out of processes.

describe('fork loops in interpreter code', () => {
  it.each([
    "perl -e 'fork while fork'",
    "perl -e 'fork while 1'",
    "perl -e 'while (1) { fork; }'",
    "python3 -c 'import os; [os.fork() for _ in iter(int, 1)]'",
    'python3 -c "import os\nwhile True:\n    os.fork()"',
    "ruby -e 'loop { fork }'",
    "ruby -e 'loop do fork end'",
    'node -e \'while(1) require("child_process").fork(__filename)\'',
    "php -r 'for (;;) pcntl_fork();'",
  ])('%s is held', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.reason).join(' ')).toContain('fork bomb');
  });

  it.each([
    "python3 -c 'import os; [os.fork() for _ in range(4)]'",
    "perl -e 'for (1..3) { fork }'",
    'node -e \'require("child_process").fork("worker.js")\'',
    "python3 -c 'while True: print(1)'",
    "ruby -e 'loop { puts 1; break }'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
