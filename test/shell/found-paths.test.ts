import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// `find … | xargs CMD` is judged as `find … -exec CMD {} +` (src/shell/wrappers.ts, peelFoundPaths): the
// paths were "the output of find", so clearing .DS_Store files was asked about like any deletion of unknown
// files, and the root the search started from was lost.

describe('find piped into xargs', () => {
  it.each([
    ["find . -name '.DS_Store' -print0 | xargs -0 rm -f", 'find . -name .DS_Store -exec rm -f {} +'],
    ['find . -type d -name __pycache__ | xargs rm -rf', 'find . -type d -name __pycache__ -exec rm -rf {} +'],
    ["find / -name '*.conf' -print0 | xargs -0 rm -f", "find / -name '*.conf' -exec rm -f {} +"],
    ['find ~ -type f -print | xargs -I{} rm {}', 'find ~ -type f -exec rm {} \\;'],
    [
      "find /var/lib/mysql -name '*.ibd' | xargs -r rm -f",
      "find /var/lib/mysql -name '*.ibd' -exec rm -f {} +",
    ],
  ])('%s is judged as %s', async (piped, exec) => {
    const [a, b] = await Promise.all([check(piped), check(exec)]);
    expect(a.decision.outcome).toBe(b.decision.outcome);
    expect(a.assessment.risk).toBe(b.assessment.risk);
    expect(a.assessment.effects.map((e) => e.target)).toEqual(b.assessment.effects.map((e) => e.target));
  });

  it.each([
    "find . -name '.DS_Store' -print0 | xargs -0 rm -f",
    'find . -name node_modules -type d -prune | xargs rm -rf',
    "find src -name '*.ts' | xargs wc -l",
    "find . -name '*.go' -print0 | xargs -0 gofmt -l",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    "find / -name '*.conf' -print0 | xargs -0 rm -f",
    "find /var/lib/mysql -name '*.ibd' | xargs rm -f",
    'find ~ -type f | xargs shred -u',
    // What find prints is not a path list: left as the output of a command.
    "find . -printf '%p\\n' | xargs rm -rf",
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
  });
});
