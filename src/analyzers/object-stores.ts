import type { Analyzer } from './analyzer.js';
import { azcopy } from './object-stores/azcopy.js';
import { mc } from './object-stores/mc.js';
import { s3cmd } from './object-stores/s3cmd.js';
import { s5cmd } from './object-stores/s5cmd.js';

/**
 * Object-store CLIs outside the cloud vendors' own: MinIO's mc, azcopy, s3cmd and s5cmd. Deleting objects and
 * buckets, and mirrors or syncs that delete what the source lacks, are destructive; listing and copying
 * are not. A bucket is placed by its alias, bucket or container names (weak) and by an endpoint (a fact).
 */
export const objectStoresAnalyzer: Analyzer = {
  family: 'object-stores',
  commands: ['mc', 'mcli', 'azcopy', 's3cmd', 's5cmd'],
  // A mirror or sync onto a local directory deletes here; bucket effects say they land elsewhere.
  local: true,
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'mc':
      case 'mcli':
        return mc(inv);
      case 'azcopy':
        return azcopy(inv);
      case 's3cmd':
        return s3cmd(inv);
      case 's5cmd':
        return s5cmd(inv);
    }
    return [];
  },
};
