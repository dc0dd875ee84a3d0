import { describe, expect, it } from 'vitest';
import { gitCorpus } from '../corpus/git.js';
import { corpusTests } from '../support/corpus.js';
import { check } from '../support/runtime.js';

describe('git', () => corpusTests(gitCorpus));

describe('git effects', () => {
  const effects = async (command: string) => (await check(command)).assessment.effects;

  it('has enough labelled commands', () => {
    expect(gitCorpus.filter((c) => c.destructive).length).toBeGreaterThanOrEqual(50);
    expect(gitCorpus.filter((c) => !c.destructive).length).toBeGreaterThanOrEqual(50);
  });

  it('names the remote and the branch of a push as hints', async () => {
    const [e] = await effects('git push --force upstream release/1.4');
    expect(e?.category).toBe('git-history');
    expect(e?.risk).toBe('high');
    expect(e?.hints).toEqual(
      expect.arrayContaining([
        { source: 'git remote', value: 'upstream' },
        { source: 'git branch', value: 'release/1.4', weak: true },
      ]),
    );
  });

  it('rates a force push by branch: protected branches high, others medium; a lease one step lower', async () => {
    expect((await effects('git push -f origin main'))[0]?.risk).toBe('high');
    expect((await effects('git push -f origin prod-hotfix'))[0]?.risk).toBe('high');
    expect((await effects('git push -f origin feature/x'))[0]?.risk).toBe('medium');
    expect((await effects('git push --force-with-lease origin main'))[0]?.risk).toBe('medium');
    expect((await effects('git push --force-with-lease origin feature/x'))[0]?.risk).toBe('low');
  });

  it('uses the categories git-history, git-branch and git-worktree', async () => {
    expect((await effects('git filter-branch -- --all'))[0]?.category).toBe('git-history');
    expect((await effects('git push origin --delete old'))[0]?.category).toBe('git-branch');
    expect((await effects('git branch -D old'))[0]?.category).toBe('git-branch');
    expect((await effects('git clean -fdx'))[0]?.category).toBe('git-worktree');
    expect((await effects('git reset --hard'))[0]?.category).toBe('git-worktree');
  });

  it('skips global options before the subcommand', async () => {
    const [e] = await effects(
      'git -C /tmp/repo -c user.name=x --git-dir=/tmp/repo/.git --no-pager -P reset --hard',
    );
    expect(e?.target).toBe('/tmp/repo');
    expect(e?.operation).toBe('delete');
  });

  it('asks before discarding uncommitted changes, to one named file or the whole tree', async () => {
    expect((await effects('git restore src/a.ts'))[0]?.risk).toBe('medium');
    expect((await effects('git restore .'))[0]?.risk).toBe('medium');
    expect(await effects('git restore --staged .')).toEqual([]);
  });

  it('reads a shell alias defined with -c as its script, and words given to it as unknown', async () => {
    // The alias's text is assessed where it is set (src/shell/escapes.ts): it deletes the home directory.
    const found = await effects("git -c alias.nuke='!rm -rf ~' nuke");
    expect(found.map((e) => e.operation)).toEqual(['delete']);
    const given = await effects("git -c alias.nuke='!rm -rf' nuke ~");
    expect(given.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it('keeps credentials in a push URL out of targets and hints', async () => {
    const [e] = (await check('git push -f https://bot:s3cret@github.com/acme/app.git main')).assessment
      .effects;
    expect(JSON.stringify(e)).not.toContain('s3cret');
  });
});
