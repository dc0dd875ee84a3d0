import type { Analyzer } from './analyzer.js';
import { doppler } from './secrets/doppler.js';
import { infisical } from './secrets/infisical.js';
import { onePassword } from './secrets/onepassword.js';
import { vault } from './secrets/vault.js';

/**
 * Secrets managers: HashiCorp Vault (and OpenBao's bao), Doppler, 1Password's op and Infisical. Deleting a
 * secret, a mount or a whole project; replacing values; revoking tokens and leases. Printing a secret
 * is reported as a low-risk read.
 */
export const secretsAnalyzer: Analyzer = {
  family: 'secrets',
  commands: ['vault', 'bao', 'doppler', 'op', 'infisical'],
  local: false,
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'doppler':
        return doppler(inv);
      case 'op':
        return onePassword(inv);
      case 'infisical':
        return infisical(inv);
      default:
        return vault(inv);
    }
  },
};
