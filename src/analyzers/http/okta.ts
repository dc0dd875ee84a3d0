import type { Url } from './url.js';
import { bodyJson, changes, destroy, member, serviceHost, type Body, type Known } from './known.js';

// Okta's management API (/api/v1/…): an admin role given to a user, group or client grants power over the
// whole organisation; a deactivated sign-on, MFA or password policy stops asking for what it asked; a
// deactivated user, app or authorisation server locks people out. Each was a POST, reported as low.

const DOMAINS = ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil'];
const VARIABLE = /\$\{?\w*OKTA/i;

/** Each kind of object that can be deactivated: its name, and what stops when it is. */
const DEACTIVATED: Record<string, [string, string]> = {
  users: ['the user', 'they lose access to every app'],
  apps: ['the app', 'nobody signs in to it through Okta'],
  policies: ['the policy', 'its sign-on, MFA or password rules stop applying'],
  authorizationServers: ['the authorization server', 'the tokens it issued stop working'],
  idps: ['the identity provider', 'sign-in through it stops'],
  zones: ['the network zone', 'policies that name it stop matching it'],
};

/** Role grants: `POST /api/v1/{users|groups}/{id}/roles`, `POST /oauth2/v1/clients/{id}/roles`. */
function roleGrant(parts: string[], body: Body): Known | undefined {
  const [, , kind, id, sub] = parts;
  if (sub !== 'roles' || parts.length !== 5 || !['users', 'groups', 'clients'].includes(kind ?? ''))
    return undefined;
  const type = member(bodyJson(body), 'type');
  const role = typeof type === 'string' ? `the admin role ${type}` : 'an admin role';
  const whom = kind === 'groups' ? `every member of the group ${id}` : `the ${kind?.slice(0, -1)} ${id}`;
  return changes('high', 'iam', `grants ${role} to ${whom}`);
}

/** Okta's management API, recognised by its host (or the variable that names it). */
export function okta(method: string, url: Url, parts: string[], body: Body): Known | undefined {
  if (!serviceHost(url, DOMAINS, VARIABLE)) return undefined;
  if (!((parts[0] === 'api' || parts[0] === 'oauth2') && parts[1] === 'v1')) return undefined;
  if (method === 'POST' || method === 'PUT') {
    const grant = roleGrant(parts, body);
    if (grant) return grant;
  }
  const kind = parts[2] ?? '';
  const id = parts[3] ?? '';
  const [lifecycle, action] = parts.slice(-2);
  if (method === 'POST' && lifecycle === 'lifecycle') {
    // A policy's rule: /api/v1/policies/{id}/rules/{rule}/lifecycle/deactivate.
    const rule = parts[4] === 'rules';
    const [noun, stops] = rule
      ? [`the rule ${parts[5] ?? ''} of the policy`, 'what it asks at sign-in stops being asked']
      : (DEACTIVATED[kind] ?? [`the ${kind}`, '']);
    const what = `${noun} ${id}`;
    if (action === 'deactivate')
      return changes(
        'high',
        kind === 'users' ? 'account' : 'iam',
        `deactivates ${what}${stops ? `: ${stops}` : ''}`,
        true,
      );
    if (action === 'suspend') return changes('medium', 'account', `suspends ${what}`, true);
    if (action === 'reset_factors')
      return changes('medium', 'account', `removes every MFA factor of ${what} (it may enroll new ones)`);
    return undefined;
  }
  if (method === 'DELETE' && kind === 'users' && id && parts.length === 4)
    return destroy(
      'high',
      'account',
      `deactivates, or when already deactivated deletes, the Okta user ${id}`,
    );
  if (method === 'DELETE' && kind === 'policies' && id && parts.length === 4)
    return destroy(
      'high',
      'iam',
      `deletes the Okta policy ${id}: its sign-on, MFA or password rules stop applying`,
    );
  return undefined;
}
