import { describe, expect, it } from 'vitest';
import { openstackCorpus } from '../corpus/openstack.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('openstack corpus', () => corpusTests(openstackCorpus));

describe('openstack analyzer', () => {
  it('lets --os-cloud win over OS_CLOUD', async () => {
    const r = await check('openstack --os-cloud staging server delete web-1', { env: { OS_CLOUD: 'prod' } });
    expect(r.assessment.environment).toBe('non-production');
    expect(r.decision.outcome).toBe('ask');
  });

  it('reports categories policies can use', async () => {
    await expectCategories([
      ['openstack server delete web-1', 'instance'],
      ['openstack volume delete data', 'volume'],
      ['openstack volume snapshot delete nightly', 'backup'],
      ['openstack project delete billing', 'iam'],
      ['openstack router delete edge', 'network'],
      ['openstack zone delete example.com.', 'dns'],
    ]);
  });
});
