import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A repository's own setting that makes git run a command (core.sshCommand, a filter, a credential helper
// written `!…`) is the project's business, but the command it names runs on the next fetch, diff or commit:
// it is judged as if typed. `git config core.sshCommand 'rm -rf ~'` was allowed.

describe('commands a repository setting makes git run', () => {
  it.each([
    "git config core.sshCommand 'rm -rf ~'",
    "git config filter.x.clean 'rm -rf ~ #'",
    "git config credential.helper '!rm -rf ~'",
  ])('%s deletes the home directory later', async (command) => {
    const result = await check(command);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target: '/home/dev', risk: 'critical' }),
    );
  });

  it.each([
    "git config core.sshCommand 'ssh -i ~/.ssh/deploy_key -o IdentitiesOnly=yes'",
    'git config diff.lfs.textconv cat',
    'git config credential.helper store',
    'git config core.hooksPath .husky',
    "git config core.pager 'less -R'",
    'git config user.email dev@example.com',
  ])('%s is allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });
});
