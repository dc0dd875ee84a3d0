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
    [['plan', 'check', 'plan.json'], { command: 'plan check', json: false, file: 'plan.json' }],
    [
      ['plan', 'check', '--format', 'markdown', 'p.json', '--json', '--cwd', '/p', '--env', 'production'],
      { command: 'plan check', json: true, format: 'markdown', file: 'p.json', cwd: '/p', env: 'production' },
    ],
    [
      ['plan', 'check', '--agent', 'claude', '--workspace', 'prod', '/abs/p.json'],
      { command: 'plan check', json: false, agent: 'claude', workspace: 'prod', file: '/abs/p.json' },
    ],
    [['policy', 'list', '--cwd', '/p', '--json'], { command: 'policy list', json: true, cwd: '/p' }],
  ])('%j is answered', (argv, expected) => {
    expect(servedArgs(argv)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['another command', ['policy', 'validate']],
    ['policy list, a relative --cwd', ['policy', 'list', '--cwd', 'infra']],
    ['policy list --help', ['policy', 'list', '--help']],
    ['plan without check', ['plan', 'plan.json']],
    ['plan check without a file', ['plan', 'check', '--json']],
    ['plan check with two files', ['plan', 'check', 'a.json', 'b.json']],
    ['plan check --tool', ['plan', 'check', '--tool', 'tofu', 'plan.out']],
    ['plan check --wait', ['plan', 'check', '--wait', '5m', 'plan.json']],
    ['plan check, a format commander refuses', ['plan', 'check', '--format', 'yaml', 'plan.json']],
    ['plan check, a file after `--`', ['plan', 'check', '--', 'plan.json']],
    ['plan check --env taking an option', ['plan', 'check', '--env', '--json', 'plan.json']],
    ['plan check, a relative --cwd', ['plan', 'check', '--cwd', 'infra', 'plan.json']],
    ['plan check --help', ['plan', 'check', 'plan.json', '--help']],
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
