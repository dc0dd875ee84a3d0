import type { Analyzer } from './analyzer.js';
import { akamai } from './edge/akamai.js';
import { fastly } from './edge/fastly.js';
import { nsupdate } from './edge/nsupdate.js';

/**
 * What stands between a site and its users: DNS zones updated with nsupdate/knsupdate, and the CDNs of
 * Akamai and Fastly. Records deleted, a property deactivated on the production network, a service
 * deleted; a purge of cached URLs is everyday work and stays allowed.
 */
export const edgeAnalyzer: Analyzer = {
  family: 'edge',
  commands: ['akamai', 'fastly', 'nsupdate', 'knsupdate'],
  // Only nsupdate -l updates this machine's own server; every other effect says local: false.
  local: true,
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'akamai':
        return akamai(inv);
      case 'fastly':
        return fastly(inv);
      default:
        return nsupdate(inv);
    }
  },
};
