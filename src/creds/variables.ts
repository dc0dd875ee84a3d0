import { secretName } from '../core/secret-values.js';
import type { EnvironmentHint } from '../core/types.js';
import { looksLikeToken, maskId, shownUser } from './mask.js';
import { serviceOf } from './services.js';
import { weakHint, type Found, type Inheritance } from './types.js';

// Credentials in the variables the agent's shell inherits: AWS keys and profiles, PG* passwords, URLs
// with a password (`DATABASE_URL`), and every variable whose name says it holds a secret (`GITHUB_TOKEN`,
// `VAULT_TOKEN`, `AZURE_CLIENT_SECRET`, `CLOUDSDK_AUTH_ACCESS_TOKEN_FILE`…). Values are read only to find
// hosts and user names; the secret part never leaves this module.

type Env = Inheritance['env'];
const source = (...names: string[]) => `env ${names.join(', ')}`;

function awsKeys(env: Env): Found[] {
  const keyId = env.AWS_ACCESS_KEY_ID;
  if (!keyId && !env.AWS_SECRET_ACCESS_KEY) return [];
  const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].filter((n) => env[n]);
  return [
    {
      kind: 'aws-keys',
      source: source(...names),
      name: keyId ? maskId(keyId) : 'AWS_SECRET_ACCESS_KEY',
      hints: [],
      powerNames: [],
      detail: `static access key${env.AWS_SESSION_TOKEN ? ' with session token' : ''} (profiles are ignored while it is set)`,
    },
  ];
}

function awsProfileVariable(env: Env): Found[] {
  const name = env.AWS_PROFILE ? 'AWS_PROFILE' : env.AWS_DEFAULT_PROFILE ? 'AWS_DEFAULT_PROFILE' : undefined;
  const profile = name && env[name];
  if (!name || !profile) return [];
  return [
    {
      kind: 'aws-profile-selected',
      source: source(name),
      name: profile,
      hints: [{ source: `env ${name}`, value: profile }],
      powerNames: [profile],
      detail: 'every aws call uses this profile',
    },
  ];
}

function awsWebIdentity(env: Env): Found[] {
  const role = env.AWS_ROLE_ARN?.split('/').pop();
  if (!env.AWS_WEB_IDENTITY_TOKEN_FILE) return [];
  return [
    {
      kind: 'aws-web-identity',
      source: source('AWS_WEB_IDENTITY_TOKEN_FILE', ...(role ? ['AWS_ROLE_ARN'] : [])),
      name: role ?? 'AWS_WEB_IDENTITY_TOKEN_FILE',
      hints: role ? [weakHint('aws role', role)] : [],
      powerNames: role ? [role] : [],
      detail: `web identity token${role ? ` for role ${role}` : ''}`,
    },
  ];
}

function pgPassword(env: Env): Found[] {
  if (!env.PGPASSWORD) return [];
  const host = env.PGHOST ?? 'localhost';
  const user = env.PGUSER ?? env.USER ?? '?';
  return [
    {
      kind: 'postgres-password',
      source: source('PGPASSWORD'),
      name: `${user}@${host}:${env.PGPORT ?? '5432'}/${env.PGDATABASE ?? user}`,
      hints: [
        { source: 'env PGHOST', value: host },
        ...(env.PGDATABASE ? [weakHint('env PGDATABASE', env.PGDATABASE)] : []),
      ],
      powerNames: [user],
      detail: 'password',
    },
  ];
}

const URL_NAME = /(_URL|_URI|_DSN|^DSN|_CONNECTION_STRING)$/;

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** `postgres://app:pw@db.prod.internal/x` → `postgres://app@db.prod.internal/x`, its host and its user. */
function urlWithPassword(name: string, value: string): Found | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const user = decoded(url.username);
  // `https://ghp_…@github.com`: a token in the user part is a credential without a password.
  const tokenUser = looksLikeToken(user);
  if (!url.password && !tokenUser) return undefined;
  const database = url.pathname.replace(/^\//, '');
  const hints: EnvironmentHint[] = [
    { source: `env ${name} host`, value: url.hostname },
    ...(database ? [weakHint(`env ${name} path`, database)] : []),
  ];
  return {
    kind: 'url-password',
    source: source(name),
    name: `${url.protocol}//${user ? `${shownUser(user)}@` : ''}${url.host}${url.pathname === '/' ? '' : url.pathname}`,
    hints,
    powerNames: user && !tokenUser ? [user] : [],
    detail: url.password ? 'password in the URL' : 'token in the URL',
  };
}

/** Where a token reaches, when a variable next to it says (VAULT_ADDR; TF_TOKEN_<host>). */
function tokenHints(name: string, env: Env): EnvironmentHint[] {
  if (name.startsWith('VAULT_') && env.VAULT_ADDR) {
    const host = URL.canParse(env.VAULT_ADDR) ? new URL(env.VAULT_ADDR).hostname : env.VAULT_ADDR;
    return [{ source: 'env VAULT_ADDR', value: host }];
  }
  const tfHost = /^TF_TOKEN_(.+)$/.exec(name)?.[1];
  if (tfHost) return [{ source: 'terraform host', value: tfHost.replace(/__/g, '-').replace(/_/g, '.') }];
  return [];
}

// Names that match the secret words but hold none: a socket, an address, a setting.
const NOT_A_SECRET =
  /(_SOCK|_ADDR|_HOST|_REGION|_ENDPOINT|_URL|_URI|_TYPE|_METHOD|_MODE|_ENABLED|_DIR)$|^XAUTHORITY$/;
const KEY_NAME = /(_KEY|_CERTIFICATE_PATH|_PRIVATE_KEY_PATH)$/;
// Read above, or a path to a file the edge reads and reports itself (GOOGLE_APPLICATION_CREDENTIALS).
const HANDLED = new Set([
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'PGPASSWORD',
  'GOOGLE_APPLICATION_CREDENTIALS',
]);

function secretVariable(name: string, env: Env): Found | undefined {
  if (HANDLED.has(name) || NOT_A_SECRET.test(name)) return undefined;
  if (!secretName(name) && !KEY_NAME.test(name)) return undefined;
  return {
    kind: 'secret-variable',
    source: source(name),
    name,
    hints: tokenHints(name, env),
    powerNames: [],
    detail: [serviceOf(name), 'secret', /_(FILE|PATH)$/.test(name) ? 'file' : undefined]
      .filter(Boolean)
      .join(' '),
  };
}

function sshAgent(env: Env): Found[] {
  if (!env.SSH_AUTH_SOCK) return [];
  return [
    {
      kind: 'ssh-agent',
      source: source('SSH_AUTH_SOCK'),
      name: 'SSH_AUTH_SOCK',
      hints: [],
      powerNames: [],
      detail: 'an SSH agent this shell can use; which hosts trust its keys is unknown',
    },
  ];
}

export function variableCredentials(env: Env): Found[] {
  const perVariable = Object.keys(env)
    .sort()
    .flatMap((name) => {
      const value = env[name];
      if (!value) return [];
      const found = URL_NAME.test(name) ? urlWithPassword(name, value) : secretVariable(name, env);
      return found ? [found] : [];
    });
  return [
    ...awsKeys(env),
    ...awsProfileVariable(env),
    ...awsWebIdentity(env),
    ...pgPassword(env),
    ...sshAgent(env),
    ...perVariable,
  ];
}
