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

// s3cmd: a sync deletes only with --delete-removed (and not with -n/--dry-run); del and rb always delete.
describe('s3cmd', () => {
  it.each([
    ['s3cmd sync --delete-removed ./local/ s3://bucket/', 'high'],
    ['s3cmd sync -r --delete-removed --delete-after assets/ s3://bucket/assets/', 'high'],
    ['s3cmd -c ~/.s3cfg sync ./site/ s3://www-prod/ --delete-removed', 'high'],
    ['s3cmd del s3://bucket/key', 'medium'],
    ['s3cmd del --recursive s3://bucket/logs/', 'high'],
    ['s3cmd rm s3://bucket/tmp/*', 'high'],
    ['s3cmd rb s3://bucket', 'high'],
    ['s3cmd rb --recursive s3://bucket', 'critical'],
  ])('%s deletes (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual(['delete', risk]);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    's3cmd sync ./local/ s3://bucket/',
    's3cmd sync --dry-run --delete-removed ./local/ s3://bucket/',
    's3cmd sync -n --delete-removed ./local/ s3://assets-prod/',
    's3cmd ls s3://bucket',
    's3cmd get s3://bucket/key ./key',
    's3cmd put report.csv s3://bucket/reports/',
    's3cmd info s3://bucket',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('is placed by the bucket it deletes from', async () => {
    const r = await check('s3cmd sync --delete-removed ./local/ s3://assets-prod/');
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).toBe('require-approval');
  });
});
