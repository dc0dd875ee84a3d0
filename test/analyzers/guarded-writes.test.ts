import { describe, expect, it } from 'vitest';
import { guardedWritesCorpus } from '../corpus/guarded-writes.js';
import { modeWeakens } from '../../src/analyzers/guarded-writes/modes.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('guarded-writes corpus', () => corpusTests(guardedWritesCorpus));

describe('guarded-writes analyzer', () => {
  it('names the guarded path a copy into a directory reaches', async () => {
    const r = await check('cp -r /tmp/x/.interlock .');
    expect(r.assessment.effects.map((e) => e.target)).toContain('/home/dev/project/.interlock');
  });

  it('reports a copy onto a guarded file once, whether or not the destination is a directory', async () => {
    const r = await check('cp config.example.yaml .interlock/config.yaml');
    expect(r.assessment.effects.map((e) => e.target)).toEqual(['/home/dev/project/.interlock/config.yaml']);
  });

  it('says where an archive of members not listed lands and what it may overwrite there, as low', async () => {
    const r = await check('tar xzf x.tgz');
    // Beside it, at no risk: the directory the extraction fills, for a later command that runs a member.
    expect(r.assessment.effects.filter((e) => e.risk !== 'none')).toHaveLength(1);
    expect(r.assessment.effects[0]).toMatchObject({ risk: 'low', target: '/home/dev/project/.interlock' });
    expect(r.assessment.effects[0]?.reason).toContain(
      'not listed here into /home/dev/project, which may overwrite',
    );
  });

  it('keeps a certain write under a directory it may only possibly overwrite', async () => {
    const r = await check('tar -xf x.tar . .interlock/config.yaml');
    expect(r.assessment.risk).toBe('high');
  });

  it('reports categories policies can use', async () => {
    await expectCategories([
      ['tar -xzf x.tgz -C ~/.claude', 'agent-hooks'],
      ['mv .interlock x', 'interlock-config'],
      ['git checkout evil -- .interlock', 'interlock-config'],
      ['sudo cp ./hosts /etc/hosts', 'system'],
      ['sudo tar -xzf backup.tar.gz -C /', 'system'],
    ]);
  });

  it('checks the members an extraction names instead of where it lands', async () => {
    const r = await check('tar -xf x.tar src/index.ts docs/');
    // Only the members' own writes, at no risk (plain-writes.ts): nothing guarded is reached.
    expect(r.assessment.effects.map((e) => [e.target, e.risk])).toEqual([
      ['/home/dev/project/src/index.ts', 'none'],
      ['/home/dev/project/docs', 'none'],
    ]);
  });

  it('leaves writes on another machine to the remote analyzers', async () => {
    const r = await check("ssh web-1 'tar -xf x.tar'");
    expect(r.assessment.effects.filter((e) => e.tool === 'tar')).toEqual([]);
  });

  it.each([
    ['644', false],
    ['0640', false],
    ['600', false],
    ['000', true],
    ['1777', true],
    ['664', true],
    ['+x', false],
    ['go-w', false],
    ['u=rw,go=r', false],
    ['u-r', true],
    ['o+w', true],
    ['a=', true],
  ] as const)('chmod %s weakens the guard: %s', (mode, weakens) => {
    expect(modeWeakens(mode)).toBe(weakens);
  });
});
