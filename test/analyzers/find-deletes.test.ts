import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Any filter made `find … -delete` in the project low: `find . -name '*.ts' -not -path './node_modules/*'
// -delete` (every TypeScript source) was allowed as if it were `find . -name '*.pyc' -delete`. What the
// names match decides: junk tools make again stays low, sources, data or files picked by age are asked.

describe('find -delete in the project, by what its names match', () => {
  it.each([
    "find . -name '*.ts' -not -path './node_modules/*' -delete",
    "find src -type f -name '*.py' -delete",
    "find . -name '*.sql' -delete",
    'find . -iname "*.JSON" -delete',
    "find . -name '*.go' -type f -delete",
    "find docs -name '*.md' -delete",
    'find . -type f -mtime +7 -delete',
    "find . ! -name '*.pyc' -type f -delete",
    "find . -not -name '*.log' -delete",
    "find ~/notes -name '*.md' -delete",
  ])('%s is asked', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    "find . -name '*.pyc' -delete",
    'find . -type d -name __pycache__ -delete',
    "find . -name '*.tmp' -delete",
    "find . -name '*.log' -mtime +7 -delete",
    "find . -name '.DS_Store' -delete",
    "find . -name '*.o' -delete",
    "find . -name '*~' -delete",
    "find . -name '*.swp' -delete",
    "find . -name '*.orig' -delete",
    "find . -iname '*.rej' -delete",
    "find . -path '*/node_modules/*' -name '*.js' -delete",
    'find . -type d -name target -delete',
    'find . -type d -empty -delete',
    "find dist -name '*.map' -delete",
    'find /tmp/scratch -type f -mtime +7 -delete',
    'find build -type f -delete',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

// In find's expression `-a` (written or not) binds tighter than `-o`: in `find . -name '*.log' -o -name
// '*.tmp' -delete` the -delete runs only on `*.tmp` matches. Any -o made the whole deletion unfiltered
// (critical). An action is filtered by the tests before it in its own branch and by the groups around it.
describe('find -delete by the tests of its own -o branch', () => {
  it.each([
    ["find . -name '*.log' -o -name '*.tmp' -delete", 'allow'],
    ["find . -path ./node_modules -prune -o -name '*.pyc' -delete", 'allow'],
    ["find . -name .git -prune -o -type f -name '*.orig' -delete", 'allow'],
    ["find . \\( -name '*.pyc' -o -name '*.pyo' \\) -delete", 'allow'],
    ["find . -type f \\( -name '*.swp' -o -name '*~' \\) -delete", 'allow'],
    ["find . -name '*.log' -o -name '*.ts' -delete", 'ask'],
    ["find . \\( -name '*.pyc' -o -name '*.ts' \\) -delete", 'ask'],
    ["find . -name '*.pyc' -o \\( -name '*.ts' -delete \\)", 'ask'],
    ["find . ! \\( -name '*.pyc' -o -name '*.pyo' \\) -delete", 'ask'],
    // Tests after the action do not narrow it: -delete has already run.
    ["find . -delete -name '*.pyc'", 'ask'],
  ])('%s: %s', async (command, outcome) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe(outcome);
  });

  it.each([
    ["find / -name '*.tmp' -o -name '*.conf' -delete", 'high'],
    ["find / \\( -name '*.tmp' -o -name '*.conf' \\) -delete", 'high'],
    ["find . -name '*.log' -o -name '*.ts' -delete", 'medium'],
    // A branch with an action and no test of its own deletes everything the other branches do not take.
    ['find . -name x -o -delete', 'critical'],
    ["find / -name '*.tmp' -o -delete", 'critical'],
    ['find . -path ./node_modules -prune -o -delete', 'critical'],
    ["find / -name '*.pyc' -delete , -delete", 'critical'],
  ])('%s is %s', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });
});

// `find / -name '*.conf' -exec rm -f {} +` was medium (an rm of `/<found>`) where its -delete spelling was
// high, and `find . -name '*.ts' -exec rm {} +` was allowed where -delete was asked. Every spelling of
// removing what find found is judged as -delete is, with the same tests.
describe('find removing what it found, however it is spelled', () => {
  const spellings = (search: string) => [
    `${search} -delete`,
    `${search} -exec rm {} +`,
    `${search} -exec rm -f {} +`,
    `${search} -exec rm -rf {} \\;`,
    `${search} -execdir rm {} \\;`,
    `${search} -print0 | xargs -0 rm -f`,
    // As root: the same deletion, elevated (it was peeled into an `rm <root>/<found>` of its own).
    `${search} -exec sudo rm {} +`,
    `${search} -exec sudo rm -rf {} \\;`,
    `${search} -print0 | xargs -0 sudo rm -f`,
    `${search} | xargs sudo -n rm -f`,
  ];

  it.each([
    ["find / -name '*.conf'", 'ask', 'high'],
    ["find /etc -name '*.conf'", 'ask', 'high'],
    ["find / -name '*.so'", 'ask', 'high'],
    ["find /usr/lib -name '*.so.*'", 'ask', 'high'],
    ["find / -name '*.key'", 'ask', 'high'],
    ["find / -name '*.pem'", 'ask', 'high'],
    ["find / -name '*.db'", 'ask', 'high'],
    ["find /var/lib/mysql -name '*.ibd'", 'ask', 'high'],
    ["find / -name '*.tmp' -o -name '*.conf'", 'ask', 'high'],
    ["find . -name '*.ts'", 'ask', 'medium'],
    ['find . -type f -mtime +30', 'ask', 'medium'],
    ["find . -name '*.pyc'", 'allow', 'low'],
    ["find . -name '.DS_Store'", 'allow', 'low'],
    ["find . -name '*.log' -o -name '*.tmp'", 'allow', 'low'],
    ["find dist -name '*.map'", 'allow', 'low'],
    ['find /tmp -mtime +7', 'allow', 'low'],
  ])('%s: %s, %s', async (search, outcome, risk) => {
    for (const command of spellings(search)) {
      const r = await check(command);
      const seen = `${command}: ${JSON.stringify(r.assessment.effects.map((e) => [e.tool, e.risk, e.target]))}`;
      expect(r.decision.outcome, seen).toBe(outcome);
      expect(r.assessment.risk, seen).toBe(risk);
    }
  });

  it.each([
    'find . -exec rm {} +',
    'find ~ -type f -exec rm -f {} \\;',
    'find / -exec rm -rf {} +',
    "find / -name '*.tmp' -o -exec rm {} \\;",
    'find / -exec sudo rm -rf {} +',
    'find ~ -type f | xargs sudo rm -f',
  ])('%s removes everything under its root: critical, as -delete', async (command) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe('critical');
  });

  it.each([
    ["find . -name '*.log' -exec sudo rm {} +", "find . -name '*.log' -exec rm {} +"],
    ["find . -name '*.log' -exec sudo rm -rf {} \\;", "find . -name '*.log' -exec rm -rf {} \\;"],
    ["find /etc -name '*.conf' | xargs sudo rm -f", "find /etc -name '*.conf' | xargs rm -f"],
  ])('%s says what %s says: find removes what it found', async (elevated, plain) => {
    const [a, b] = [await check(elevated), await check(plain)];
    const said = (r: typeof a) => r.assessment.effects.map((e) => [e.tool, e.risk, e.target, e.reason]);
    expect(said(a)).toEqual(said(b));
  });
});

// `find ~ -name node_modules -type d -prune -exec rm -rf {} +` frees the disk of every project's dependencies,
// which a package manager installs again: it was high, as if it deleted the home directory's files. Directories
// that only a package manager, a test runner or a build fills stay low in the home directory as in the
// project; build output named by a word as common as `dist` only in the project.
describe('dependency and cache directories found and removed', () => {
  it.each([
    'find ~ -name node_modules -type d -prune -exec rm -rf {} +',
    'find ~/code -name node_modules -type d -prune -exec rm -rf {} +',
    'find . -name __pycache__ -type d -exec rm -rf {} +',
    'find ~ -name __pycache__ -type d -exec rm -rf {} +',
    'find . -type d -name .pytest_cache -prune -exec rm -rf {} +',
    "find . -name '*.egg-info' -type d -exec rm -rf {} +",
    "find ~/src -name '*.egg-info' -type d -prune -exec rm -rf {} +",
    "find . -name target -type d -path '*/rust/*' -exec rm -rf {} +",
    'find ~ -type d \\( -name .mypy_cache -o -name .ruff_cache \\) -prune -exec rm -rf {} +',
    'find . -name .tox -type d -prune -exec rm -rf {} +',
    'find ~/work -name .nox -type d -prune -exec rm -rf {} +',
    'find ~ -name .next -type d -prune -exec rm -rf {} +',
    'find ~ -name .turbo -type d -prune -exec rm -rf {} +',
    'find ~ -name .parcel-cache -type d -prune -exec rm -rf {} +',
    'find . -name dist -type d -prune -exec rm -rf {} +',
    'find . -name build -type d -exec rm -rf {} +',
    'find ~ -name node_modules -type d -prune -print0 | xargs -0 rm -rf',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    expect(r.assessment.risk).toBe('low');
  });

  it.each([
    'find / -name node_modules -exec rm -rf {} +',
    'find /srv -name node_modules -type d -prune -exec rm -rf {} +',
    "find ~ -name '*.env' -delete",
    'find ~ -name dist -type d -exec rm -rf {} +',
    'find ~ -name build -type d -prune -exec rm -rf {} +',
    'find ~ -name .gradle -type d -prune -exec rm -rf {} +',
    'find ~ -name .venv -type d -prune -exec rm -rf {} +',
    'find ~ -type d -exec rm -rf {} +',
    "find ~ -name node_modules -o -name '*.md' -exec rm -rf {} +",
    "ssh app-1 'find ~ -name node_modules -type d -prune -exec rm -rf {} +'",
  ])('%s is asked', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});
