import { describe, expect, it } from 'vitest';
import { etcdCorpus } from '../corpus/etcd.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('etcd corpus', () => corpusTests(etcdCorpus));

describe('etcd analyzer', () => {
  it('places a call by its endpoints, and on this machine when none is named', async () => {
    const named = await check('etcdctl del /app/a', {
      env: { ETCDCTL_ENDPOINTS: 'https://etcd-prod-2:2379' },
    });
    expect(named.assessment.environmentHints).toContainEqual({
      source: 'env ETCDCTL_ENDPOINTS',
      value: 'etcd-prod-2',
    });
    const flag = await check('etcdctl --endpoints=https://a.prod:2379 del /x', {
      env: { ETCDCTL_ENDPOINTS: 'https://etcd-dev:2379' },
    });
    expect(flag.assessment.environment).toBe('production');
    const here = await check('etcdctl del /app/a');
    expect(here.assessment.environment).toBe('non-production');
    const onProdHost = await check('etcdctl del /app/a', { host: 'cp-prod-1' });
    expect(onProdHost.assessment.environment).toBe('production');
  });

  it('reports categories policies can use', async () => {
    await expectCategories([
      ['etcdctl del /app/a', 'database'],
      ['etcdctl member remove 8e9e05c52164694d', 'cluster'],
      ['etcdctl auth disable', 'iam'],
      ['etcdctl user grant-role alice root', 'iam'],
    ]);
  });
});
