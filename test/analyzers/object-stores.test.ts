import { describe, expect, it } from 'vitest';
import { objectStoresCorpus } from '../corpus/object-stores.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('object-stores corpus', () => corpusTests(objectStoresCorpus));

describe('object-stores analyzer', () => {
  it('places an mc alias by the host MC_HOST_<alias> names, a fact that may lower', async () => {
    const r = await check('mc rm --recursive --force backups/old', {
      env: { MC_HOST_backups: 'https://KEY:SECRET@minio.staging.internal:9000' },
    });
    expect(r.assessment.environment).toBe('non-production');
    expect(r.decision.outcome).toBe('ask');
  });

  it('weighs a mirror that deletes here by the local directory', async () => {
    const r = await check('mc mirror --remove myminio/www /tmp/site-copy');
    expect(r.assessment.destructive).toBe(false);
  });

  it('reports categories policies can use', async () => {
    await expectCategories([
      ['mc rb --force myminio/old', 'bucket'],
      ['mc admin user remove myminio alice', 'iam'],
      ['s5cmd rm s3://b/k', 'bucket'],
      ["azcopy rm 'https://acme.blob.core.windows.net/logs/a.txt'", 'bucket'],
    ]);
  });
});
