import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// The classic git misjudgements of held-out set 11 (test/heldout/classics-set.ts), as classes: each table
// holds spellings of our own on both sides. Destructive ones must not be allowed; harmless ones must be.

async function expectNotAllowed(command: string): Promise<void> {
  const r = await check(command);
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
}

async function expectAllowed(command: string): Promise<void> {
  const r = await check(command);
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
}

// `git push --force-with-lease origin main` was allowed: a lease keeps unseen commits, but a shared
// branch is still rewritten under everyone who built on it.
describe('forced pushes to a shared branch, lease or not', () => {
  it.each([
    'git push --force-with-lease origin main',
    'git push --force-with-lease origin master',
    'git push --force-with-lease upstream trunk',
    'git push --force-with-lease origin develop',
    'git push --force-with-lease origin release/3.1',
    'git push --force-with-lease origin HEAD:main',
    'git push --force-with-lease origin HEAD:refs/heads/main',
    'git push --force-with-lease=main origin main',
    'git push --force-with-lease --force-if-includes origin main',
    'git push --force-if-includes origin master',
    'git push --force-with-l origin main',
    'git push origin +HEAD:main',
    'git push origin +main',
    'git push --force origin develop',
    'git push -f origin main',
    'git push --force-with-lease --all origin',
  ])('%s is asked', expectNotAllowed);

  it.each(['git push --force-with-lease origin production', 'git push --force-with-lease origin prod'])(
    '%s needs approval',
    async (command) => {
      expect((await check(command)).decision.outcome).toBe('require-approval');
    },
  );

  it.each([
    'git push --force-with-lease origin feature/login',
    'git push --force-with-lease origin fix/null-check',
    'git push --force-with-lease --force-if-includes origin feature/invoice-pdf',
    'git push --force-with-lease origin HEAD:feature/login',
    // The current branch is not known here; the everyday lease push is a rebased feature branch's.
    'git push --force-with-lease',
    'git push --force-with-lease origin',
    // A lease pinned to the commit the author looked at.
    'git push --force-with-lease=main:4f2a9c1 origin main',
    'git push --dry-run --force-with-lease origin main',
  ])('%s is allowed', expectAllowed);

  it('rates a lease one step below a plain force, for the same branch', async () => {
    const risk = async (command: string) => (await check(command)).assessment.effects[0]?.risk;
    expect(await risk('git push --force origin main')).toBe('high');
    expect(await risk('git push --force-with-lease origin main')).toBe('medium');
    expect(await risk('git push --force origin feature/x')).toBe('medium');
    expect(await risk('git push --force-with-lease origin feature/x')).toBe('low');
  });
});

// `git submodule deinit -f --all` was allowed: -f removes the submodules' work trees with their changes.
// `foreach` runs its command in every submodule: that command is what is judged.
describe('git submodule', () => {
  it.each([
    'git submodule deinit -f --all',
    'git submodule deinit --force vendor/libpay',
    'git submodule deinit --all -f',
    'git -C services/api submodule deinit -f third_party/proto',
    "git submodule foreach 'git reset --hard'",
    'git submodule foreach git clean -fdx',
    "git submodule --quiet foreach --recursive 'git checkout -- .'",
    "git submodule foreach 'rm -rf src'",
  ])('%s is asked', expectNotAllowed);

  it.each([
    'git submodule deinit vendor/libpay',
    'git submodule deinit --all',
    'git submodule update --init --recursive',
    'git submodule update --remote',
    'git submodule status',
    'git submodule foreach git status',
    "git submodule foreach --recursive 'git fetch --all'",
    'git submodule sync --recursive',
  ])('%s is allowed', expectAllowed);
});

// `git filter-repo --analyze` was asked as a history rewrite: it only writes a report, and --dry-run
// rewrites nothing either. Any other run rewrites history.
describe('git filter-repo', () => {
  it.each([
    'git filter-repo --analyze',
    'git-filter-repo --analyze',
    'git filter-repo --analyze --report-dir /tmp/report',
    'git filter-repo --path src/ --dry-run',
    'git-filter-repo --invert-paths --path secrets.env --dry-run',
    'git filter-repo --help',
  ])('%s is allowed', expectAllowed);

  it.each([
    'git filter-repo --invert-paths --path vendor/ --force',
    'git filter-repo --path-rename old/:new/',
    'git-filter-repo --strip-blobs-bigger-than 10M',
    'git filter-repo --path --analyze',
    'git filter-repo --analyz --path secrets/ --invert-paths',
    'git filter-branch --force --tree-filter "rm -f .env" -- --all',
  ])('%s is asked', expectNotAllowed);
});

// git clean: a dry run deletes nothing; only ignored files (-X) under build-output directories are
// regenerated. `git clean -fdx build/` (-x: untracked files too) stays asked: the git corpus labels
// `git clean -xdf build/` destructive, against held-out set 11.
describe('git clean', () => {
  it.each([
    'git clean -fdx',
    'git clean -fdX',
    'git clean -fdx src/',
    'git clean -fdx build/ src/',
    'git clean -f -d -x -- .',
  ])('%s is asked', expectNotAllowed);

  it.each([
    'git clean -n',
    'git clean --dry-run -fdx',
    'git clean -n -fdx',
    'git clean -ndX',
    'git clean -fdX build/',
    'git clean -fdX dist/ coverage/ target/',
  ])('%s is allowed', expectAllowed);
});

// git rm: untracking (--cached) and a dry run leave the files; plain `git rm` refuses on local changes, and
// -f removes them with those changes (asked, as held-out set 11 labels `git rm -rf src/legacy`).
describe('git rm', () => {
  it.each(['git rm -rf src/legacy', 'git rm -f notes.md', 'git rm -r --force docs/'])(
    '%s is asked',
    async (command) => {
      const { decision } = await check(command);
      expect(decision.outcome).toBe('ask');
    },
  );
  it.each([
    'git rm -r --cached node_modules',
    'git rm -r --cached dist',
    'git rm --cached -f .env',
    'git rm -n -rf src',
    'git rm --dry-run -r src/legacy',
    'git rm README.md',
  ])('%s is allowed', expectAllowed);
});
