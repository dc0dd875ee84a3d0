import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Variables whose value a program runs as a command line (PAGER, GIT_PAGER, EDITOR, GIT_SSH_COMMAND,
// LESSOPEN…) and man's `-P`: `PAGER='rm -rf ~' git log` was allowed, the command being a variable's value.

describe('a command held in a variable a program runs is assessed', () => {
  it.each([
    "PAGER='rm -rf ~' git log",
    "GIT_PAGER='rm -rf ~' git diff",
    "env MANPAGER='rm -rf ~' man ls",
    "export GIT_EDITOR='rm -rf ~'; git commit",
    "GIT_SSH_COMMAND='rm -rf ~' git fetch",
    "LESSOPEN='| rm -rf ~ %s' less notes.txt",
    "SYSTEMD_PAGER='rm -rf ~' systemctl status nginx",
    "man -P 'rm -rf ~' ls",
    "man --pager='rm -rf ~' ls",
  ])('%s deletes the home directory', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('critical');
  });

  it.each([
    'EDITOR=vim git commit',
    'GIT_EDITOR=true git rebase -i HEAD~3',
    "GIT_SSH_COMMAND='ssh -i ~/.ssh/deploy -o IdentitiesOnly=yes' git clone git@github.com:org/repo.git",
    'PAGER=cat git log',
    "GIT_PAGER='less -R' git log",
    'man --pager=cat ls',
    'MANPAGER="less -s" man bash',
    'PAGER=less; git log',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('a command held in a variable runs once, without looping through its own variable', async () => {
    const r = await check("export PAGER='git log'; git log");
    expect(r.decision.outcome).toBe('allow');
    expect(r.assessment.effects).toEqual([]);
  });
});
