import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEMENT } from '../../src/core/place.js';
import { scanCredentials } from '../../src/creds/scan.js';
import type { CredentialFile, CredentialFileKind } from '../../src/creds/types.js';

// Each reader on the spellings its file format allows, through the pure scan: what is found, what it is
// called, and that the secret in it never is.

const scan = (kind: CredentialFileKind, text: string, env: Record<string, string> = {}) => {
  const files: CredentialFile[] = [{ kind, path: `/home/u/${kind}`, text }];
  return scanCredentials({ env, files }, DEFAULT_PLACEMENT).credentials;
};

describe('credential files', () => {
  it.each<[string, CredentialFileKind, string, string[], string]>([
    [
      'INI comments, spaces and nested values',
      'aws-config',
      '# c\n; c\n[ profile  ops-prod ]\ns3 =\n  secret = fakeNested\nsso_role_name=ViewOnlyAccess\nsso_start_url = https://x\n',
      ['ops-prod'],
      'fakeNested',
    ],
    [
      'pgpass escaped colons',
      'pgpass',
      'db\\:1:5432:app\\:x:root:fake\\:Pass\n# comment\n',
      ['root@db:1:5432/app:x'],
      'fake:Pass',
    ],
    [
      'netrc on several lines, default',
      'netrc',
      'machine a.example\n  login bob\n  password fakeA\ndefault login anon password fakeB\n',
      ['bob@a.example', 'anon@default'],
      'fakeA',
    ],
    [
      'netrc with a token as login',
      'netrc',
      'machine github.com login ghp_fakeTokenAsLogin0000 password x-oauth-basic\n',
      ['ghp_…0000@github.com'],
      'ghp_fakeTokenAsLogin0000',
    ],
    [
      'netrc macdef ends the entries',
      'netrc',
      'machine h login u password fakeP\nmacdef init\nmachine x login y\n',
      ['u@h'],
      'fakeP',
    ],
    [
      'docker registry with a scheme',
      'docker-config',
      '{"auths":{"https://index.docker.io/v1/":{"auth":"ZmFrZTpmYWtl"}},"credHelpers":{"123.dkr.ecr.eu-west-1.amazonaws.com":"ecr-login"}}',
      ['index.docker.io', '123.dkr.ecr.eu-west-1.amazonaws.com'],
      'ZmFrZTpmYWtl',
    ],
    [
      'gh hosts with several hosts',
      'gh-hosts',
      'github.com:\n  user: a\nghe.corp.example:\n  user: b\n  oauth_token: gho_fakeTok\n',
      ['a@github.com', 'b@ghe.corp.example'],
      'gho_fakeTok',
    ],
    [
      'gcloud impersonation',
      'gcloud-adc',
      '{"type":"impersonated_service_account","service_account_impersonation_url":"https://iam.googleapis.com/v1/projects/-/serviceAccounts/admin-sa@p.iam.gserviceaccount.com:generateAccessToken","source_credentials":{"refresh_token":"fakeRefresh"}}',
      ['admin-sa@p.iam.gserviceaccount.com'],
      'fakeRefresh',
    ],
    ['kubeconfig with empty lists', 'kubeconfig', 'clusters: null\nusers:\ncontexts: []\n', [], ''],
    ['kubeconfig that is not YAML', 'kubeconfig', 'users: [ {', [], ''],
    [
      'a kube context whose user is not defined',
      'kubeconfig',
      'contexts: [{name: c, context: {user: nobody}}]\n',
      [],
      '',
    ],
    [
      'an auth-provider',
      'kubeconfig',
      'users: [{name: u, user: {auth-provider: {name: oidc, config: {id-token: fakeIdToken}}}}]\ncontexts: [{name: live-1, context: {user: u}}]\n',
      ['live-1'],
      'fakeIdToken',
    ],
  ])('%s', (_what, kind, text, names, secret) => {
    const found = scan(kind, text);
    expect(found.map((c) => c.name)).toEqual(names);
    if (secret) expect(JSON.stringify(found)).not.toContain(secret);
  });

  it('reads an AWS profile across both files as one, and says what each kind of credential is', () => {
    const files: CredentialFile[] = [
      {
        kind: 'aws-credentials',
        path: '/c',
        text: '[ci]\naws_access_key_id=AKIAFAKE00000000ABCD\naws_secret_access_key=fakeS\n',
      },
      {
        kind: 'aws-config',
        path: '/f',
        text: '[profile ci]\nrole_arn = arn:aws:iam::1:role/Deployer\nsource_profile = base\n[profile wi]\nweb_identity_token_file = /t\n',
      },
    ];
    const found = scanCredentials({ env: {}, files }, DEFAULT_PLACEMENT).credentials;
    expect(found.map((c) => [c.name, c.source, c.reason])).toEqual([
      ['wi', '/f', 'web identity token file'],
      [
        'ci',
        '/c, /f',
        'static access key AKIA…ABCD; assumes role Deployer from base; non-production by aws profile=ci',
      ],
    ]);
  });
});

describe('credential variables', () => {
  const names = (env: Record<string, string>) =>
    scanCredentials({ env, files: [] }, DEFAULT_PLACEMENT).credentials.map((c) => [
      c.kind,
      c.name,
      c.environment,
      c.reason,
    ]);

  it.each<[string, Record<string, string>, (string | undefined)[][]]>([
    [
      'a URL with a token as user',
      { GIT_URL: 'https://ghp_fakeUrlToken000000@github.com/o/r' },
      [['url-password', 'https://ghp_…0000@github.com/o/r', 'unknown', 'token in the URL']],
    ],
    ['a URL without a password', { REDIS_URL: 'redis://cache.prod:6379' }, []],
    ['a DSN that is not a URL', { SENTRY_DSN: 'not a url' }, []],
    [
      'a Terraform host token',
      { TF_TOKEN_app_terraform_io: 'fakeTf' },
      [['secret-variable', 'TF_TOKEN_app_terraform_io', 'unknown', 'Terraform secret']],
    ],
    [
      'a secret file variable',
      { CLOUDSDK_AUTH_ACCESS_TOKEN_FILE: '/t' },
      [['secret-variable', 'CLOUDSDK_AUTH_ACCESS_TOKEN_FILE', 'unknown', 'Google Cloud secret file']],
    ],
    ['an empty token', { GITHUB_TOKEN: '' }, []],
    [
      'addresses, sockets and settings',
      { VAULT_ADDR: 'https://v', GPG_AUTH_SOCK: '/s', AWS_REGION: 'x', AUTH_TYPE: 'x' },
      [],
    ],
    [
      'AWS keys that name no profile',
      { AWS_ACCESS_KEY_ID: 'AKIAFAKE11111111WXYZ', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't' },
      [
        [
          'aws-keys',
          'AKIA…WXYZ',
          'unknown',
          'static access key with session token (profiles are ignored while it is set)',
        ],
      ],
    ],
    [
      'a web identity role',
      { AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_ROLE_ARN: 'arn:aws:iam::1:role/prod-deployer' },
      [
        [
          'aws-web-identity',
          'prod-deployer',
          'production',
          'web identity token for role prod-deployer; production by aws role=prod-deployer',
        ],
      ],
    ],
  ])('%s', (_what, env, expected) => {
    expect(names(env)).toEqual(expected);
  });
});
