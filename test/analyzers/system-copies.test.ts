import { describe, expect, it } from 'vitest';
import { systemCopiesCorpus } from '../corpus/system-copies.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('system-copies corpus', () => corpusTests(systemCopiesCorpus));

describe('system-copies analyzer', () => {
  it('places a copy onto another host by that host', async () => {
    const r = await check('scp motd admin@bastion-7:/etc/motd');
    expect(r.assessment.effects[0]?.hints).toContainEqual({ source: 'scp host', value: 'bastion-7' });
    expect(r.assessment.environment).toBe('unknown');
  });

  it('leaves copies into ordinary directories and out of system paths alone', async () => {
    for (const command of ['scp -r ./site web-1:/srv/site', 'rsync -a web-1:/etc/nginx/ ./nginx/']) {
      const r = await check(command);
      expect(r.assessment.effects, command).toEqual([]);
    }
  });

  it('reports categories policies can use', async () => {
    await expectCategories([
      ['sudo rsync -a ./conf/ /etc/app/', 'system'],
      ['scp key.pub web-1:.ssh/authorized_keys', 'credentials'],
      ['scp hooks.json ~/.claude/settings.json', 'agent-hooks'],
    ]);
  });
});
