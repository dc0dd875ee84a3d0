import type { Analyzer } from './analyzer.js';
import { kcadm } from './directories/keycloak.js';
import { LDAP_TOOLS, ldapTool } from './directories/ldap.js';

/**
 * Identity directories: who may sign in, and with which powers. Keycloak's kcadm.sh (realms deleted, admin
 * roles given, brute-force detection and audit events switched off) and the OpenLDAP clients (subtrees of
 * accounts deleted, members added to administrators' groups, LDIF read from a here-document or a file).
 * None of them deletes a file, so each was allowed, or guessed at from a verb.
 */
export const directoriesAnalyzer: Analyzer = {
  family: 'directories',
  commands: ['kcadm.sh', 'kcadm', ...LDAP_TOOLS],
  // ldapi:/// is the directory server of this machine; every other effect says local: false.
  local: true,
  environmentVariables: [],
  analyze(inv) {
    return inv.name.startsWith('kcadm') ? kcadm(inv) : ldapTool(inv);
  },
};
