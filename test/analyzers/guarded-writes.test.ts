import { describe, expect, it } from 'vitest';
import { guardedWritesCorpus } from '../corpus/guarded-writes.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('guarded-writes corpus', () => corpusTests(guardedWritesCorpus));

describe('guarded-writes analyzer', () => {
  it('names the guarded path a copy into a directory reaches', async () => {
    const r = await check('cp -r /tmp/x/.interlock .');
    expect(r.assessment.effects.map((e) => e.target)).toContain('/home/dev/project/.interlock');
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
    expect(r.assessment.effects).toEqual([]);
  });

  it('leaves writes on another machine to the remote analyzers', async () => {
    const r = await check("ssh web-1 'tar -xf x.tar'");
    expect(r.assessment.effects.filter((e) => e.tool === 'tar')).toEqual([]);
  });
});
