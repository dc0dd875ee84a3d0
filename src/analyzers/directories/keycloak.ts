import type { EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, optionValues } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { hostOf } from '../services/common.js';
import { changes, destroys, everyday, nameHints, type Call, type Cli, type Verb } from '../subcommands.js';

// Keycloak's admin CLI: `kcadm.sh <create|get|update|delete> ENDPOINT [-r REALM] [-s key=value…]`, and
// add-roles, remove-roles and set-password. ENDPOINT is a path of the admin API (`realms/acme`,
// `users/ID`). The server is the --server given here or the one `kcadm.sh config credentials` saved. get and
// get-roles only read.

/** Roles that administer a realm, or every realm (the master realm's `admin`, `create-realm`). */
const ADMIN_ROLE =
  /^(admin|realm-admin|create-realm|manage-users|manage-realm|manage-clients|manage-authorization|manage-identity-providers|manage-events|impersonation)$/;

/** A realm itself, not something in it: `realms/acme`. */
const REALM = /^\/?realms\/[^/]+\/?$/;

/** Realm settings that switch a protection off, as `-s key=value` sets them. */
const REALM_PROTECTIONS: Record<string, [RegExp, string]> = {
  bruteforceprotected: [/^false$/i, 'brute-force detection (password guessing is no longer locked out)'],
  eventsenabled: [/^false$/i, 'the recording of login events'],
  admineventsenabled: [/^false$/i, 'the recording of admin events (the audit trail)'],
  admineventsdetailsenabled: [/^false$/i, 'the details of admin events'],
  sslrequired: [/^none$/i, 'the TLS requirement (passwords may travel in clear)'],
  enabled: [/^false$/i, 'the realm: every user of it is locked out'],
};

/** Each `-s key=value` of the call, keys in lower case. */
function settings(call: Call): Map<string, string> {
  const found = new Map<string, string>();
  for (const s of optionValues(call.options, '-s', '--set')) {
    const eq = s.indexOf('=');
    if (eq > 0) found.set(s.slice(0, eq).trim().toLowerCase(), s.slice(eq + 1).trim());
  }
  return found;
}

/** A JSON list of strings (`["*"]`), or undefined when the value is not one. */
function stringList(text: string | undefined): string[] | undefined {
  if (!text?.trim().startsWith('[')) return undefined;
  try {
    const data = JSON.parse(text) as unknown;
    return Array.isArray(data) ? data.map(String) : undefined;
  } catch {
    return undefined;
  }
}

function update(call: Call): Verb | undefined {
  const endpoint = call.rest[0]?.value ?? '';
  const set = settings(call);
  if (REALM.test(endpoint)) {
    const off = [...set]
      .map(([k, v]) => REALM_PROTECTIONS[k] && REALM_PROTECTIONS[k][0].test(v) && REALM_PROTECTIONS[k][1])
      .filter((x): x is string => typeof x === 'string');
    if (off.length) return changes('high', 'iam', `turns off ${off.join('; ')}`);
    if (/^true$/i.test(set.get('registrationallowed') ?? ''))
      return changes('medium', 'iam', 'lets anyone register an account in the realm');
  }
  if (/(^|\/)clients\/[^/]+\/?$/.test(endpoint)) {
    if (stringList(set.get('redirecturis'))?.some((u) => /^\*$|^https?:\/\/\*$/.test(u)))
      return changes('high', 'iam', "lets the client send users' tokens to any address (redirectUris *)");
    if (stringList(set.get('weborigins'))?.includes('*') || /^true$/i.test(set.get('publicclient') ?? ''))
      return changes('medium', 'iam', 'opens the client to any origin, or makes it public (no secret)');
  }
  if (/(^|\/)users\/[^/]+\/?$/.test(endpoint) && /^false$/i.test(set.get('enabled') ?? ''))
    return changes('medium', 'iam', 'disables the account');
  if (hasOption(call.options, '-f', '--file'))
    return changes(
      'medium',
      'iam',
      `sets ${endpoint} to what ${optionValue(call.options, '-f', '--file')} holds, not read here`,
    );
  return changes('low', 'iam', `changes ${endpoint}`, true);
}

function remove(call: Call): Verb {
  const endpoint = call.rest[0]?.value ?? '';
  if (REALM.test(endpoint))
    return destroys('critical', 'iam', 'deletes the realm with its users, clients, roles and settings');
  if (/attack-detection|sessions/.test(endpoint)) return changes('low', 'iam', `clears ${endpoint}`, true);
  if (/role-mappings/.test(endpoint)) return destroys('medium', 'iam', 'removes role mappings');
  if (/(^|\/)users\/[^/]+\/?$/.test(endpoint)) return destroys('high', 'iam', 'deletes the account');
  return destroys('high', 'iam', `deletes ${endpoint || 'an object of the realm'}`);
}

/** The roles a call names: `--rolename admin`, or a body of role objects (`-b '[{"name":"admin"}]'`). */
function roleNames(call: Call): string[] | undefined {
  const named = optionValues(call.options, '--rolename');
  const body = optionValue(call.options, '-b', '--body');
  if (!body) return named;
  try {
    const data = JSON.parse(body) as unknown;
    const list = Array.isArray(data) ? data : [data];
    return [...named, ...list.map((r) => String((r as { name?: unknown } | null)?.name ?? ''))];
  } catch {
    return undefined;
  }
}

/** Who gets the roles: a user, a group or a composite role. */
const grantee = (call: Call) =>
  optionValue(call.options, '--uusername', '--uid', '--gname', '--gpath', '--gid', '--rname', '--rid') ??
  'a user or group';

function addRoles(call: Call): Verb {
  const roles = roleNames(call) ?? [];
  const admin = roles.filter((r) => ADMIN_ROLE.test(r));
  if (admin.length)
    return changes('high', 'iam', `gives ${grantee(call)} administration roles (${admin.join(', ')})`);
  if (hasOption(call.options, '--roleid'))
    return changes('medium', 'iam', `gives ${grantee(call)} roles named by id, not known here`);
  return changes('low', 'iam', `gives ${grantee(call)} the roles ${roles.join(', ')}`, true);
}

function create(call: Call): Verb {
  const endpoint = call.rest[0]?.value ?? '';
  const set = settings(call);
  if (/partialImport$/.test(endpoint) && /^overwrite$/i.test(set.get('ifresourceexists') ?? ''))
    return {
      operation: 'replace',
      risk: 'high',
      category: 'iam',
      what: 'imports over existing users, clients and roles (OVERWRITE)',
    };
  if (/role-mappings/.test(endpoint)) {
    const roles = roleNames(call);
    if (!roles) return changes('medium', 'iam', 'maps roles given in a body not read here');
    const admin = roles.filter((r) => ADMIN_ROLE.test(r));
    if (admin.length) return changes('high', 'iam', `maps administration roles (${admin.join(', ')})`);
    return changes('low', 'iam', `maps the roles ${roles.join(', ')}`, true);
  }
  return { operation: 'create', risk: 'low', category: 'iam', what: `creates ${endpoint || 'an object'}` };
}

const VERBS: Cli['verbs'] = {
  update,
  delete: remove,
  create,
  'add-roles': addRoles,
  'remove-roles': (call) =>
    (roleNames(call) ?? []).some((r) => ADMIN_ROLE.test(r))
      ? changes('medium', 'iam', `takes administration roles from ${grantee(call)}`, true)
      : changes('low', 'iam', `takes roles from ${grantee(call)}`, true),
  'set-password': (call) => {
    const user = optionValue(call.options, '--username', '--userid') ?? 'an account';
    return /^(admin|administrator)$/i.test(user) ||
      optionValue(call.options, '-r', '--target-realm') === 'master'
      ? changes('high', 'iam', `sets the password of ${user}, an administrator`)
      : changes('medium', 'iam', `sets the password of ${user}`);
  },
  // Logging the CLI in and trusting a server's certificate: this machine's kcadm.config, nothing on the server.
  ...everyday('config credentials', 'config truststore'),
};

const VALUE_OPTIONS = [
  '-r',
  '--target-realm',
  '-s',
  '--set',
  '-f',
  '--file',
  '-b',
  '--body',
  '-q',
  '--query',
  '-F',
  '--fields',
  '--format',
  '--offset',
  '--limit',
  '-d',
  '--delete',
  '--server',
  '--realm',
  '--user',
  '--password',
  '--client',
  '--secret',
  '--keystore',
  '--storepass',
  '--keypass',
  '--alias',
  '--truststore',
  '--trustpass',
  '--config',
  '--token',
  '-a',
  '--admin-root',
  '--uusername',
  '--uid',
  '--gname',
  '--gpath',
  '--gid',
  '--rname',
  '--rid',
  '--rolename',
  '--roleid',
  '--cclientid',
  '--cid',
  '--username',
  '--userid',
  '--new-password',
];

function hints(call: Call): EnvironmentHint[] {
  const server = optionValue(call.options, '--server');
  const realm = /^\/?realms\/([^/]+)/.exec(call.rest[0]?.value ?? '')?.[1];
  return [
    ...(server ? [{ source: 'flag --server', value: hostOf(server) }] : []),
    ...nameHints(call, 'flag --target-realm', '-r', '--target-realm'),
    ...(realm ? [{ source: 'realm', value: realm, weak: true as const }] : []),
  ];
}

const KCADM: Cli = { options: { withValue: VALUE_OPTIONS }, verbs: VERBS, hints };

export function kcadm(inv: Invocation) {
  return listedSubcommandEffects(inv, KCADM);
}
