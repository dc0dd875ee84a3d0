import { tempTree } from '../support/tmp.js';

// A home directory with every kind of credential `creds scan` knows, all values fake. SECRETS lists every
// secret value written here: none of them may appear in any output.

export const SECRETS = [
  'AKIAFAKEPRODKEY1WXYZ',
  'fakeSecretAccessKeyProd0000000000000000',
  'fakeSessionTokenDev000',
  'fakeKubeBearerToken111',
  'ZmFrZS1jbGllbnQtY2VydA==',
  'ZmFrZS1jbGllbnQta2V5',
  'fakeKubeBasicPassword',
  'fakePgpassPasswordProd',
  'fakePgpassPasswordDev',
  'fakeNetrcPassword',
  'fakeRefreshToken222',
  'fakeOauthClientSecret',
  '-----BEGIN PRIVATE KEY-----fakeServiceAccountKey',
  'ZmFrZXVzZXI6ZmFrZXBhc3M=',
  'fakeTerraformToken333',
  'gho_fakeGhToken444',
  'fakeOpenSshKeyBody',
  'fakeEnvSecretAccessKey',
  'fakePgPasswordVar',
  'fakeDatabaseUrlPassword',
  'ghp_fakeGithubToken555',
  'hvs.fakeVaultToken666',
  'fakeAzureClientSecret',
  'fakeCloudflareToken777',
  'ghp_fakeNetrcLoginToken888',
  'ghp_fakeGitUrlToken999999',
  'fakeAzureCachedToken',
];

const FAKE_HOME_FILES: Record<string, string> = {
  '.aws/credentials': [
    '[prod-admin]',
    'aws_access_key_id = AKIAFAKEPRODKEY1WXYZ',
    'aws_secret_access_key = fakeSecretAccessKeyProd0000000000000000',
    '',
    '[dev]',
    'aws_access_key_id = AKIAFAKEDEVKEY22ABCD',
    'aws_secret_access_key = fakeSecretAccessKeyProd0000000000000000',
    'aws_session_token = fakeSessionTokenDev000',
  ].join('\n'),
  '.aws/config': [
    '[default]',
    'region = eu-west-1',
    '[profile org]',
    'role_arn = arn:aws:iam::111122223333:role/OrganizationAccountAccessRole',
    'source_profile = dev',
    '[profile billing]',
    'credential_process = /usr/local/bin/fetch-creds --secret fakeOauthClientSecret',
    '[profile sso-live]',
    'sso_session = corp',
    'sso_account_id = 111122223333',
    'sso_role_name = AdministratorAccess',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    '[profile staging-ro]',
    'role_arn = arn:aws:iam::444455556666:role/ReadOnly',
    'source_profile = dev',
  ].join('\n'),
  '.kube/config': `apiVersion: v1
kind: Config
clusters:
  - name: eu-cluster
    cluster: { server: 'https://k8s.eu.example.com:6443', certificate-authority-data: ZmFrZS1jYQ== }
  - name: kind-kind
    cluster: { server: 'https://127.0.0.1:6443' }
  - name: eks-payments
    cluster: { server: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com' }
users:
  - name: cluster-admin
    user: { client-certificate-data: ZmFrZS1jbGllbnQtY2VydA==, client-key-data: ZmFrZS1jbGllbnQta2V5 }
  - name: dev-user
    user: { token: fakeKubeBearerToken111 }
  - name: basic
    user: { username: admin, password: fakeKubeBasicPassword }
  - name: eks-user
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: aws
        args: [eks, get-token, --cluster-name, payments]
        env: [{ name: AWS_PROFILE, value: payments-prod }]
contexts:
  - name: prod-eu
    context: { cluster: eu-cluster, user: cluster-admin }
  - name: kind-kind
    context: { cluster: kind-kind, user: dev-user }
  - name: shared
    context: { cluster: eu-cluster, user: basic }
  - name: payments
    context: { cluster: eks-payments, user: eks-user, namespace: default }
current-context: kind-kind
`,
  '.pgpass': [
    'db.prod.internal:5432:billing:postgres:fakePgpassPasswordProd',
    'localhost:5432:*:app:fakePgpassPasswordDev',
  ].join('\n'),
  '.netrc':
    'machine api.example.com login deploy password fakeNetrcPassword\nmachine github.com login ghp_fakeNetrcLoginToken888 password x-oauth-basic\n',
  '.config/gcloud/application_default_credentials.json': JSON.stringify({
    type: 'authorized_user',
    client_id: 'fake.apps.googleusercontent.com',
    client_secret: 'fakeOauthClientSecret',
    refresh_token: 'fakeRefreshToken222',
    quota_project_id: 'acme-sandbox',
  }),
  '.config/gcloud/credentials.db': 'fake sqlite',
  'keys/sa.json': JSON.stringify({
    type: 'service_account',
    project_id: 'acme-prod',
    private_key_id: 'fakeKeyId',
    private_key: '-----BEGIN PRIVATE KEY-----fakeServiceAccountKey',
    client_email: 'deployer@acme-prod.iam.gserviceaccount.com',
  }),
  '.docker/config.json': JSON.stringify({
    auths: { 'registry.prod.example.com': { auth: 'ZmFrZXVzZXI6ZmFrZXBhc3M=' }, 'ghcr.io': {} },
    credsStore: 'desktop',
  }),
  '.terraform.d/credentials.tfrc.json': JSON.stringify({
    credentials: { 'app.terraform.io': { token: 'fakeTerraformToken333' } },
  }),
  '.config/gh/hosts.yml':
    'github.com:\n  user: octo\n  oauth_token: gho_fakeGhToken444\n  git_protocol: ssh\n',
  '.azure/msal_token_cache.json': '{"AccessToken":{"fakeAzureCachedToken":{}}}',
  '.azure/azureProfile.json': `\uFEFF${JSON.stringify({
    subscriptions: [
      { name: 'Contoso-Prod', isDefault: true, user: { name: 'ops@contoso.example', type: 'user' } },
      { name: 'Contoso-Sandbox', user: { name: 'ops@contoso.example', type: 'user' } },
    ],
  })}`,
  '.ssh/id_ed25519': '-----BEGIN OPENSSH PRIVATE KEY-----\nfakeOpenSshKeyBody\n',
  '.ssh/id_ed25519.pub': 'ssh-ed25519 AAAAfake user@host\n',
  '.ssh/known_hosts': 'example.com ssh-ed25519 AAAAfake\n',
};

/** The variables of an agent's shell with one of each credential variable. */
export function fakeVariables(home: string): Record<string, string> {
  return {
    HOME: home,
    AWS_ACCESS_KEY_ID: 'AKIAFAKEENVKEY33QRST',
    AWS_SECRET_ACCESS_KEY: 'fakeEnvSecretAccessKey',
    AWS_PROFILE: 'dev',
    GOOGLE_APPLICATION_CREDENTIALS: `${home}/keys/sa.json`,
    PGHOST: 'db.staging.internal',
    PGUSER: 'app',
    PGPASSWORD: 'fakePgPasswordVar',
    DATABASE_URL: 'postgres://app:fakeDatabaseUrlPassword@db.prod.internal:5432/billing',
    REDIS_URL: 'redis://cache.internal:6379',
    GIT_REMOTE_URL: 'https://ghp_fakeGitUrlToken999999@github.com/acme/infra',
    GITHUB_TOKEN: 'ghp_fakeGithubToken555',
    VAULT_ADDR: 'https://vault.prod.example.com:8200',
    VAULT_TOKEN: 'hvs.fakeVaultToken666',
    AZURE_CLIENT_SECRET: 'fakeAzureClientSecret',
    CLOUDFLARE_API_TOKEN: 'fakeCloudflareToken777',
    SSH_AUTH_SOCK: '/tmp/fake-agent.sock',
  };
}

export const fakeHome = () => tempTree(FAKE_HOME_FILES);
