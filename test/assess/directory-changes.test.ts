import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Where a relative path lands after `cd`, `pushd` and `popd` in the same line (src/assess/directory-changes.ts).
// `pushd /etc; rm -rf x` was taken as `rm -rf <project>/x`: the directory change was not followed.

const PROJECT = '/home/dev/project';

const cases: { line: string; targets: string[]; env?: Record<string, string> }[] = [
  { line: 'cd /tmp && rm -rf x; pushd /etc; rm -rf x', targets: ['/tmp/x', '/etc/x'] },
  {
    line: 'pushd /srv/data && rm -rf cache; popd; rm -rf cache',
    targets: ['/srv/data/cache', `${PROJECT}/cache`],
  },
  { line: 'pushd /srv; pushd /etc; popd; rm -rf x', targets: ['/srv/x'] },
  { line: 'pushd /etc; pushd; rm -rf x', targets: [`${PROJECT}/x`] },
  { line: 'cd /tmp; cd /etc; cd -; rm -rf x', targets: ['/tmp/x'] },
  { line: 'cd /etc; cd - >/dev/null; rm -rf x', targets: [`${PROJECT}/x`] },
  { line: 'cd - && rm -rf x', targets: ['/var/lib/x'], env: { OLDPWD: '/var/lib' } },
  { line: 'pushd -n /etc; rm -rf x', targets: [`${PROJECT}/x`] },
  { line: 'popd; rm -rf x', targets: [`${PROJECT}/x`] },
  { line: '(pushd /etc; rm -rf x)', targets: ['/etc/x'] },
];

describe('a relative path after a change of directory', () => {
  it.each(cases)('$line', async ({ line, targets, env }) => {
    const c = await check(line, env ? { env } : {});
    const deletes = c.assessment.effects.filter((e) => e.operation === 'delete');
    expect(deletes.map((e) => e.target)).toEqual(targets);
  });

  it('pushd /etc then rm -rf of a relative path is held as deleting under /etc', async () => {
    const c = await check('cd /tmp && rm -rf x; pushd /etc; rm -rf x');
    expect(c.decision.outcome).not.toBe('allow');
  });
});
