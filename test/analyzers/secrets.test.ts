import { describe, expect, it } from 'vitest';
import { secretsCorpus } from '../corpus/secrets.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('secrets corpus', () => corpusTests(secretsCorpus));

describe('secrets analyzer', () => {
  it('reports categories policies can use', async () => {
    await expectCategories([
      ['vault kv delete secret/app', 'secrets'],
      ['vault policy delete deployers', 'iam'],
      ['doppler secrets delete KEY -c prd', 'secrets'],
      ['op user delete alice@example.com', 'iam'],
    ]);
  });

  it('places vault by -address, then VAULT_ADDR, then its default address on this machine', async () => {
    const flag = await check('vault kv delete -address=https://vault.staging.example.com secret/app', {
      env: { VAULT_ADDR: 'https://vault.prod.example.com' },
    });
    expect(flag.assessment.environment).toBe('non-production');
    const env = await check('vault secrets disable kv/', {
      env: { VAULT_ADDR: 'https://vault.prod.example.com:8200' },
    });
    expect(env.assessment.environment).toBe('production');
    expect(env.decision.outcome).toBe('require-approval');
    expect((await check('vault kv delete secret/app')).assessment.environment).toBe('non-production');
  });

  it('names the secret under its mount and grades a prefix revocation higher', async () => {
    expect((await check('vault kv delete -mount=secret app/db')).assessment.effects[0]?.target).toBe(
      'secret/app/db',
    );
    expect((await check('vault lease revoke aws/creds/x/123')).assessment.risk).toBe('medium');
    expect((await check('vault lease revoke -prefix aws/creds')).assessment.risk).toBe('high');
  });

  it('reports printing a secret as a low-risk read, and archiving an item as reversible', async () => {
    const get = await check('vault kv get secret/app');
    expect(get.assessment.effects[0]).toMatchObject({ operation: 'read', risk: 'low', category: 'secrets' });
    const archive = await check('op item delete "Prod DB" --archive');
    expect(archive.assessment.effects[0]).toMatchObject({ operation: 'modify', reversible: true });
  });

  it('takes the doppler config as a fact and the project as a name only', async () => {
    expect((await check('doppler secrets delete KEY -p billing -c dev')).assessment.environment).toBe(
      'non-production',
    );
    expect((await check('doppler secrets delete KEY -p billing-prod -c dev')).assessment.environment).toBe(
      'production',
    );
    expect(
      (await check('doppler secrets delete KEY', { env: { DOPPLER_CONFIG: 'prd' } })).assessment.environment,
    ).toBe('production');
  });
});
