import { describe, expect, it } from 'vitest';
import { servedArgs } from '../../src/cli/served-args.js';

// The command lines the daemon may answer: only forms whose meaning does not depend on commander.

describe('servedArgs', () => {
  it.each<[string[], object]>([
    [['check', '--', 'ls'], { command: 'check', json: false, words: ['ls'] }],
    [
      ['explain', '--json', '--cwd', '/p', '--agent', 'claude', '--', 'rm', '-rf', '/'],
      { command: 'explain', json: true, cwd: '/p', agent: 'claude', words: ['rm', '-rf', '/'] },
    ],
    [['check', '--', '--json'], { command: 'check', json: false, words: ['--json'] }],
  ])('%j is answered', (argv, expected) => {
    expect(servedArgs(argv)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['another command', ['plan', 'check', 'plan.json']],
    ['no `--`', ['check', 'ls']],
    ['nothing after `--`', ['check', '--']],
    ['--batch', ['check', '--batch']],
    ['--wait', ['check', '--wait', '5m', '--', 'ls']],
    ['help', ['explain', '--help', '--', 'ls']],
    ['a relative --cwd', ['check', '--cwd', 'project', '--', 'ls']],
    ['--cwd=DIR', ['check', '--cwd=/p', '--', 'ls']],
    ['--cwd without a value', ['check', '--cwd', '--', 'ls']],
    ['--agent taking an option', ['check', '--agent', '--json', '--', 'ls']],
    ['a repeated option', ['check', '--json', '--json', '--', 'ls']],
  ])('%s is left to the local run', (_what, argv) => {
    expect(servedArgs(argv)).toBeUndefined();
  });
});
