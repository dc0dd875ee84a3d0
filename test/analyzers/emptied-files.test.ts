import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// `> src/index.ts` was allowed low while `truncate -s 0 src/index.ts` was asked: a `>` into a project file
// is everyday editing when new content follows, but with no command, or a command that prints nothing,
// the file is only emptied. Every spelling of emptying now agrees with truncate.

const EMPTYING = [
  (f: string) => `> ${f}`,
  (f: string) => `: > ${f}`,
  (f: string) => `true > ${f}`,
  (f: string) => `cat /dev/null > ${f}`,
  (f: string) => `echo -n > ${f}`,
  (f: string) => `printf '' >| ${f}`,
  (f: string) => `truncate -s 0 ${f}`,
];

const KEPT = ['src/index.ts', 'package.json', 'config/settings.yaml', 'README.md', '~/notes.txt'];
const THROWAWAY = [
  'app.log',
  'logs/dev-server.log',
  '/tmp/scratch/out.txt',
  'dist/bundle.js',
  'build/report.html',
];

describe('emptying a file that matters', () => {
  it.each(KEPT.flatMap((f) => EMPTYING.map((spell) => spell(f))))('%s is asked', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(['medium', 'high', 'critical']).toContain(r.assessment.risk);
  });
});

describe('emptying logs, scratch files and build output', () => {
  it.each(THROWAWAY.flatMap((f) => EMPTYING.map((spell) => spell(f))))('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('redirects that write something, or nothing away', () => {
  it.each([
    'echo hello > src/index.ts',
    'cat a.txt > b.txt',
    'true >> src/index.ts',
    ': > /dev/null',
    'npm test 2> errors.txt',
    '> new-file.txt',
  ])('%s is allowed', async (command) => {
    const r = await check(command, { exists: (p) => !p.endsWith('new-file.txt') });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
