import { describe, expect, it } from 'vitest';
import { readInheritance } from '../../src/adapters/creds/inheritance.js';
import { DEFAULT_PLACEMENT } from '../../src/core/place.js';
import { scanCredentials } from '../../src/creds/scan.js';
import type { Credential } from '../../src/creds/types.js';
import { fakeHome, fakeVariables, SECRETS } from './fake-home.js';

// The scan of a prepared home (every credential kind, fake values): where each reaches, how powerful it
// looks, and that no secret value is in the report.

const home = fakeHome();
const report = scanCredentials(readInheritance(fakeVariables(home), home), DEFAULT_PLACEMENT);
const find = (kind: string, name: string) =>
  report.credentials.find((c) => c.kind === kind && c.name === name);

describe('creds scan of a prepared home', () => {
  it.each<[string, string, Credential['environment'], Credential['power']]>([
    // AWS files: a profile's name places it; role and SSO role names say admin.
    ['aws-profile', 'prod-admin', 'production', 'admin'],
    ['aws-profile', 'sso-live', 'production', 'admin'],
    ['aws-profile', 'org', 'unknown', 'admin'],
    ['aws-profile', 'billing', 'unknown', 'unknown'],
    ['aws-profile', 'dev', 'non-production', 'unknown'],
    ['aws-profile', 'staging-ro', 'non-production', 'read-only'],
    // kubeconfig: the context, the server's host, an exec plugin's AWS_PROFILE; the user's name.
    ['kube-context', 'prod-eu', 'production', 'admin'],
    ['kube-context', 'payments', 'production', 'unknown'],
    ['kube-context', 'shared', 'unknown', 'admin'],
    ['kube-context', 'kind-kind', 'non-production', 'unknown'],
    // pgpass and netrc: the host places it; `postgres` is a superuser.
    ['postgres-password', 'postgres@db.prod.internal:5432/billing', 'production', 'admin'],
    ['postgres-password', 'app@localhost:5432/*', 'non-production', 'unknown'],
    ['netrc-login', 'deploy@api.example.com', 'unknown', 'unknown'],
    ['netrc-login', 'ghp_…n888@github.com', 'unknown', 'unknown'],
    // gcloud, docker, terraform, gh, azure, ssh.
    ['gcloud-adc', 'acme-sandbox', 'non-production', 'unknown'],
    ['gcloud-key', 'deployer@acme-prod.iam.gserviceaccount.com', 'production', 'unknown'],
    ['gcloud-login', 'credentials.db', 'unknown', 'unknown'],
    ['docker-registry', 'registry.prod.example.com', 'production', 'unknown'],
    ['docker-registry', 'ghcr.io', 'unknown', 'unknown'],
    ['terraform-token', 'app.terraform.io', 'unknown', 'unknown'],
    ['gh-login', 'octo@github.com', 'unknown', 'unknown'],
    ['azure-login', 'msal_token_cache.json', 'unknown', 'unknown'],
    ['azure-subscription', 'Contoso-Prod', 'production', 'unknown'],
    ['azure-subscription', 'Contoso-Sandbox', 'non-production', 'unknown'],
    ['ssh-key', 'id_ed25519', 'unknown', 'unknown'],
    // Variables.
    ['aws-keys', 'AKIA…QRST', 'unknown', 'unknown'],
    ['aws-profile-selected', 'dev', 'non-production', 'unknown'],
    ['postgres-password', 'app@db.staging.internal:5432/app', 'non-production', 'unknown'],
    ['url-password', 'postgres://app@db.prod.internal:5432/billing', 'production', 'unknown'],
    ['url-password', 'https://ghp_…9999@github.com/acme/infra', 'unknown', 'unknown'],
    ['secret-variable', 'VAULT_TOKEN', 'production', 'unknown'],
    ['secret-variable', 'GITHUB_TOKEN', 'unknown', 'unknown'],
    ['secret-variable', 'AZURE_CLIENT_SECRET', 'unknown', 'unknown'],
    ['secret-variable', 'CLOUDFLARE_API_TOKEN', 'unknown', 'unknown'],
    ['ssh-agent', 'SSH_AUTH_SOCK', 'unknown', 'unknown'],
  ])('%s %s reaches %s, power %s', (kind, name, environment, power) => {
    expect(find(kind, name)).toMatchObject({ environment, power });
  });

  it.each([
    ['a URL without a password', 'REDIS_URL'],
    ['a path to a file read on its own', 'GOOGLE_APPLICATION_CREDENTIALS'],
    ['a public key', 'id_ed25519.pub'],
    ['a profile without credentials', 'default'],
    ['an SSO session section', 'corp'],
  ])('leaves out %s (%s)', (_what, name) => {
    expect(report.credentials.filter((c) => c.name === name || c.source.endsWith(name))).toEqual([]);
  });

  it('says what each holds, masking key ids', () => {
    expect(find('aws-profile', 'prod-admin')?.reason).toMatch(
      /static access key AKIA…WXYZ; production by aws profile=prod-admin/,
    );
    expect(find('aws-profile', 'billing')?.reason).toBe('credential_process fetch-creds');
    expect(find('kube-context', 'payments')?.reason).toMatch(
      /exec plugin aws; production by exec env AWS_PROFILE=payments-prod/,
    );
  });

  it('puts production first and says production is reachable', () => {
    expect(report.production).toBe(true);
    expect(report.credentials[0]?.environment).toBe('production');
  });

  it.each(SECRETS)('never reports the secret %s', (secret) => {
    expect(JSON.stringify(report)).not.toContain(secret);
  });
});
