import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { secretName, withoutUrlPasswords } from '../../src/core/secret-values.js';

// The names that say a variable holds a secret, as the original case-insensitive pattern defined them;
// kept here as the specification the faster substring test must agree with.
const SPECIFICATION =
  /(SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|COOKIE|SESSION_?KEY|_PAT$|^PAT$)/i;

describe('secretName', () => {
  it.each([
    ['GITHUB_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['aws_access_key_id', true],
    ['OPENAI_API_KEY', true],
    ['STRIPE_APIKEY', true],
    ['PGPASSWORD', true],
    ['MYSQL_PWD', false],
    ['DB_PASSWD', true],
    ['GPG_PASSPHRASE', true],
    ['GOOGLE_APPLICATION_CREDENTIALS', true],
    ['SSH_PRIVATE_KEY', true],
    ['VAULT_AUTH_METHOD', true],
    ['SESSION_COOKIE', true],
    ['FLASK_SESSION_KEY', true],
    ['AZURE_DEVOPS_PAT', true],
    ['PAT', true],
    ['pat', true],
    ['PATH', false],
    ['PAT_HOME', false],
    ['AWS_PROFILE', false],
    ['KUBECONFIG', false],
    ['HOME', false],
    ['DATABASE_URL', false],
  ])('%s → %s', (name, secret) => {
    expect(secretName(name)).toBe(secret);
  });

  it('agrees with the specification on generated names', () => {
    const piece = fc.constantFrom(
      'SECRET',
      'token',
      'Pass',
      'WORD',
      'passwd',
      'PHRASE',
      'credential',
      'PRIVATE',
      'API',
      'KEY',
      'access',
      'AUTH',
      'cookie',
      'SESSION',
      'PAT',
      'pat',
      '_',
      'PATH',
      'DB',
      'X',
      '1',
      'url',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const name = pieces.join('');
        expect(secretName(name)).toBe(SPECIFICATION.test(name));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
});

describe('withoutUrlPasswords', () => {
  it.each([
    ['postgres://app:pw@db.prod/x', 'postgres://app:***@db.prod/x'],
    ['a redis://:pw@cache:6379 and https://u:p@h/', 'a redis://:***@cache:6379 and https://u:***@h/'],
    ['dev@example.com', 'dev@example.com'],
    ['https://example.com/path', 'https://example.com/path'],
    ['git@github.com:org/repo.git', 'git@github.com:org/repo.git'],
  ])('%s → %s', (value, shown) => {
    expect(withoutUrlPasswords(value)).toBe(shown);
  });
});
