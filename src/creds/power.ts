import type { Power } from './types.js';

// How powerful a credential looks, from the names it carries (a role, a user, a kube user). Names only:
// an IAM policy or a database grant is not read, so a plain name stays `unknown`.

const ADMIN =
  /admin|OrganizationAccountAccessRole|cluster-admin|(^|[^a-z0-9])(root|superuser|postgres|sa|owner|poweruser|power-user)([^a-z0-9]|$)/i;
const READ_ONLY = /read-?only|viewer|(^|[^a-z0-9])(reader|ro|view|audit|auditor)([^a-z0-9]|$)/i;

/** Admin-like names win: one admin-like name is enough. */
export function powerOf(names: readonly string[]): Power {
  if (names.some((n) => ADMIN.test(n))) return 'admin';
  if (names.length && names.some((n) => READ_ONLY.test(n))) return 'read-only';
  return 'unknown';
}
