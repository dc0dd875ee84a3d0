import type { EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, optionValues } from '../../shell/options.js';
import { word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { parseUrl } from '../http/url.js';
import {
  changes,
  destroys,
  everyday,
  placeHints,
  reads,
  subcommandEffects,
  type Call,
  type Cli,
  envHint,
} from '../subcommands.js';

// HashiCorp Vault (and OpenBao's `bao`, the same CLI): secrets, engines, auth methods, policies, tokens and
// leases. Reading a secret prints it: a low-risk read. Vault talks to VAULT_ADDR (or -address), which is
// https://127.0.0.1:8200 when neither is set. `vault ssh`, `vault agent`, `vault proxy` and `vault plugin`
// run or register programs and stay unlisted, as do the `operator` commands not listed below.

const VERBS: Cli['verbs'] = {
  // Help, renewals of what the caller already holds, and watching the server: nothing changes.
  ...everyday(
    'path-help',
    'version-history',
    'token renew',
    'token capabilities',
    'lease renew',
    'policy fmt',
    'monitor',
    'events subscribe',
    'debug',
    'operator usage',
    'pki health-check',
  ),
  unwrap: reads('secrets', 'prints the wrapped secret'),
  'print token': reads('secrets', "prints this machine's Vault token"),
  'kv undelete': changes('low', 'secrets', 'restores deleted versions of the secret', true),
  'kv enable-versioning': changes('low', 'secrets', 'turns a KV v1 engine into a versioned one'),
  patch: changes('medium', 'secrets', 'changes fields at the path'),
  'secrets enable': changes('low', 'secrets', 'mounts a new secrets engine', true),
  'auth enable': changes('low', 'iam', 'enables an auth method (no one logs in until it has roles)', true),
  'audit enable': changes('low', 'audit', 'adds an audit device', true),
  // Shorter TTLs cut short the leases and tokens of what is already running.
  'secrets tune': changes('medium', 'secrets', "changes the engine's lease TTLs and options", true),
  'auth tune': changes('medium', 'iam', "changes the auth method's token TTLs and options", true),
  'kv delete': destroys('high', 'secrets', 'deletes the latest version of the secret (KV v1 keeps none)'),
  'kv destroy': destroys('critical', 'secrets', 'permanently destroys versions of the secret'),
  'kv metadata delete': destroys(
    'critical',
    'secrets',
    'deletes every version of the secret and its metadata',
  ),
  'kv put': changes('medium', 'secrets', 'writes a new value over the secret'),
  'kv patch': changes('medium', 'secrets', 'changes fields of the secret'),
  'kv rollback': changes(
    'medium',
    'secrets',
    'restores an older version of the secret as the current one',
    true,
  ),
  'kv get': reads('secrets', 'prints the secret'),
  read: reads('secrets', 'prints what the path holds (it may be a secret)'),
  delete: destroys('high', 'secrets', 'deletes the data at the path'),
  // Rotating a transit key adds a version; data encrypted with the older ones still decrypts.
  write: (call) =>
    /^transit\/keys\/[^/]+\/rotate$/.test(call.rest[0]?.value ?? '')
      ? changes('low', 'secrets', 'rotates the transit key (older versions still decrypt)')
      : changes('medium', 'secrets', 'writes to the path (a secret, a role, a configuration)'),
  'secrets disable': destroys(
    'critical',
    'secrets',
    'unmounts the secrets engine and deletes all of its data',
  ),
  'secrets move': changes('medium', 'secrets', 'moves a secrets engine to another path', true),
  'auth disable': destroys('high', 'iam', 'disables the auth method and revokes the tokens it issued'),
  'policy delete': destroys('high', 'iam', 'deletes the policy from every token that has it'),
  'policy write': changes('medium', 'iam', 'replaces the policy'),
  'token revoke': destroys('medium', 'iam', 'revokes the token and its children'),
  // A token with the root policy can do anything in Vault, for as long as it lives.
  'token create': (call) =>
    optionValues(call.options, '-policy', '--policy').some((p) => p.split(',').includes('root'))
      ? changes('high', 'iam', 'creates a token with the root policy: every power in Vault')
      : undefined,
  'operator generate-root': (call) =>
    hasOption(call.options, '-status', '-cancel')
      ? undefined
      : changes('high', 'iam', 'generates a new root token: every power in Vault'),
  'lease revoke': (call) =>
    hasOption(call.options, '-prefix', '-force')
      ? destroys('high', 'secrets', 'revokes every lease under the prefix (their credentials stop working)')
      : destroys('medium', 'secrets', 'revokes the lease (its credentials stop working)'),
  'audit disable': changes('high', 'audit', 'stops audit logging to that device', true),
  'namespace delete': destroys('critical', 'secrets', 'deletes the namespace and everything in it'),
  'operator seal': changes(
    'high',
    'secrets',
    'seals Vault: no secret can be read until it is unsealed',
    true,
  ),
};

const VALUE_OPTIONS = [
  '-address',
  '-namespace',
  '-ns',
  '-mount',
  '-versions',
  '-format',
  '-field',
  '-method',
  '-path',
  '-ca-cert',
  '-ca-path',
  '-client-cert',
  '-client-key',
  '-tls-server-name',
  '-header',
  '-wrap-ttl',
  '-policy',
  '--policy',
];

function addressHint(source: string, address: string): EnvironmentHint[] {
  const host = parseUrl(word(address)).host;
  return host ? [{ source, value: host }] : [];
}

function hints(call: Call): EnvironmentHint[] {
  const flag = optionValue(call.options, '-address');
  // OpenBao's bao reads BAO_ADDR, and VAULT_ADDR as Vault does.
  const variable = call.inv.name === 'bao' && call.inv.env('BAO_ADDR') ? 'BAO_ADDR' : 'VAULT_ADDR';
  const env = call.inv.env(variable);
  const where = flag
    ? addressHint('flag -address', flag)
    : env
      ? addressHint(`env ${variable}`, env)
      : [{ source: 'vault default address', value: 'localhost' }];
  return [
    ...where,
    ...placeHints(call, 'flag -namespace', '-namespace', '-ns'),
    ...envHint(call, 'VAULT_NAMESPACE'),
  ];
}

function target(call: Call): string | undefined {
  const mount = optionValue(call.options, '-mount');
  const path = call.rest[0]?.value;
  return mount && path ? `${mount.replace(/\/$/, '')}/${path}` : undefined;
}

const VAULT: Cli = { options: { withValue: VALUE_OPTIONS }, verbs: VERBS, hints, target };

export function vault(inv: Invocation) {
  return subcommandEffects(inv, VAULT);
}
