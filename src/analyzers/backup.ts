import type { Analyzer } from './analyzer.js';
import { borg } from './backup/borg.js';
import { duplicity } from './backup/duplicity.js';
import { kopia } from './backup/kopia.js';
import { rclone } from './backup/rclone.js';
import { restic } from './backup/restic.js';
import { velero } from './backup/velero.js';
import { walG } from './backup/wal-g.js';

/**
 * Backup tools: restic, borg, rclone, velero and kopia. Deleting backups (forget --prune, prune, delete,
 * purge, sync onto a copy) is the destruction found out last, on the day a restore is needed; restoring
 * over system paths or into a cluster replaces what runs there. A repository on this machine is local;
 * one elsewhere is placed by its host (a fact) or its bucket and remote names (weak hints). duplicity's
 * remove-older-than and kin, and wal-g's delete, delete backups only with --force (--confirm).
 */
export const backupAnalyzer: Analyzer = {
  family: 'backup',
  commands: ['restic', 'borg', 'borg2', 'rclone', 'velero', 'kopia', 'duplicity', 'wal-g'],
  local: true,
  // Each tool reads its own repository variable (RESTIC_REPOSITORY, BORG_REPO), so one never places another.
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'restic':
        return restic(inv);
      case 'borg':
      case 'borg2':
        return borg(inv);
      case 'rclone':
        return rclone(inv);
      case 'velero':
        return velero(inv);
      case 'kopia':
        return kopia(inv);
      case 'duplicity':
        return duplicity(inv);
      case 'wal-g':
        return walG(inv);
    }
    return [];
  },
};
