import { destructive as d, harmless as h, type LabelledCommand } from '../support/runtime.js';

const PROD = { environment: 'production', outcome: 'require-approval' } as const;

// Backup tools: restic, borg, rclone, velero, kopia. Deleting backups is the destruction that is found
// out last. A repository on this machine is non-production; a remote one is placed by its URL or name.
export const backupCorpus: LabelledCommand[] = [
  // restic
  d('restic -r /srv/restic-repo forget --keep-last 3 --prune', { minRisk: 'high' }),
  d('restic forget --keep-daily 7 --prune', {
    ...PROD,
    env: { RESTIC_REPOSITORY: 's3:s3.amazonaws.com/prod-backups' },
  }),
  d('restic -r s3:s3.amazonaws.com/acme-backups prune', { minRisk: 'high' }),
  d('restic -r sftp:backup@nas:/backups key remove 5c3b9f', { minRisk: 'high' }),
  d('sudo restic -r /mnt/backup restore latest --target /', { minRisk: 'critical' }),
  d('restic -r /mnt/backup restore 79766175 --target /etc', { minRisk: 'high' }),
  d('restic -r /srv/restic-repo forget 4bba301e', { minRisk: 'medium' }),
  d('RESTIC_REPOSITORY=rest:https://backup.prod.example.com/main restic prune', PROD),
  // borg
  d('borg delete /mnt/backup::archive-2024-01-01', { minRisk: 'high' }),
  d('borg delete --force ssh://backup@prod-backup.example.com/./repo', { ...PROD, minRisk: 'critical' }),
  d('borg prune --keep-daily=7 --keep-weekly=4 /mnt/backup', { minRisk: 'high' }),
  d('borg compact /mnt/backup', { minRisk: 'medium' }),
  d("borg recreate --exclude '*.log' /mnt/backup", { minRisk: 'high' }),
  d('borg prune --keep-last 2', { ...PROD, env: { BORG_REPO: 'ssh://borg@backup-prod/./main' } }),
  // rclone
  d('rclone delete remote:bucket/old', { minRisk: 'high' }),
  d('rclone purge prod-s3:backups/2023', { ...PROD, minRisk: 'high' }),
  d('rclone deletefile gdrive:reports/q3.xlsx', { minRisk: 'medium' }),
  d('rclone sync ./site prod-s3:www', { ...PROD, target: 'prod-s3:www' }),
  d('rclone sync /data b2:archive', { minRisk: 'high' }),
  d('rclone move s3:incoming /data/processed', { minRisk: 'medium' }),
  d('rclone rmdir gdrive:old-reports', { minRisk: 'medium' }),
  // velero
  d('velero backup delete nightly-2024-05-01 --confirm', { minRisk: 'high' }),
  d('velero schedule delete daily', { minRisk: 'high' }),
  d('velero restore create --from-backup nightly', { minRisk: 'high' }),
  d('velero --kubecontext prod-cluster backup delete --all --confirm', { ...PROD, minRisk: 'critical' }),
  // kopia
  d('kopia snapshot delete k7d6f2c1 --delete', { minRisk: 'high' }),
  d('kopia snapshot expire --all --delete', { minRisk: 'high' }),
  d('kopia repository sync-to s3 --bucket prod-kopia --delete', { ...PROD, minRisk: 'high' }),

  h('restic snapshots'),
  h('restic -r /srv/restic-repo ls latest'),
  h('restic check'),
  h('restic -r /srv/restic-repo backup /home/dev/project'),
  h('restic forget --keep-last 3 --prune --dry-run'),
  h('restic -r /mnt/backup restore latest --target /tmp/restore'),
  h('restic stats'),
  h('borg list /mnt/backup'),
  h('borg info /mnt/backup::archive-2024-01-01'),
  h('borg create /mnt/backup::{now} ~/project'),
  h('borg prune --dry-run --list --keep-daily 7 /mnt/backup'),
  h('borg check /mnt/backup'),
  h('rclone ls remote:bucket'),
  h('rclone lsd remote:'),
  h('rclone copy ./dist s3:site-dev'),
  h('rclone sync --dry-run ./site prod-s3:www'),
  h('rclone check ./site prod-s3:www'),
  h('rclone size remote:bucket'),
  h('velero backup get'),
  h('velero backup describe nightly --details'),
  h('velero backup create pre-upgrade --include-namespaces shop'),
  h('velero restore get'),
  h('velero schedule get'),
  h('kopia snapshot list'),
  h('kopia snapshot create /data'),
  h('kopia repository status'),
];
