import { describe, expect, it } from 'vitest';
import { backupCorpus } from '../corpus/backup.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('backup corpus', () => corpusTests(backupCorpus));

describe('backup analyzer', () => {
  it('places a remote repository by its host, and a local one on this machine', async () => {
    const remote = await check('borg prune --keep-last 1 ssh://borg@nas-3/./repo');
    expect(remote.assessment.effects[0]?.hints).toContainEqual({ source: 'borg repository', value: 'nas-3' });
    expect(remote.assessment.environment).toBe('unknown');
    const local = await check('restic -r /srv/restic-repo prune');
    expect(local.assessment.environment).toBe('non-production');
    expect(local.decision.outcome).toBe('ask');
  });

  it('lets a flag name the repository over RESTIC_REPOSITORY', async () => {
    const r = await check('restic -r /srv/restic-repo prune', {
      env: { RESTIC_REPOSITORY: 'rest:https://backup.prod.example.com/' },
    });
    expect(r.assessment.environment).toBe('non-production');
  });

  it('reports categories policies can use', async () => {
    await expectCategories([
      ['restic -r /srv/repo prune', 'backup'],
      ['restic -r /srv/repo key remove 5c3b9f', 'iam'],
      ['borg delete /mnt/backup::a', 'backup'],
      ['rclone purge remote:old', 'storage'],
      ['velero backup delete nightly --confirm', 'backup'],
      ['velero restore create --from-backup nightly', 'cluster'],
      ['kopia snapshot delete k1 --delete', 'backup'],
    ]);
  });
});

// Held-out set 9's false blocks (stop 29): listing duplicates, and a restore rehearsed in other namespaces.
describe('backup tools that only list, or restore beside the originals', () => {
  it.each([
    'rclone dedupe --dedupe-mode list gdrive:Shared/Contracts',
    'rclone dedupe list gdrive:Shared/Contracts',
    'velero restore create payments-restore-test --from-backup nightly --include-namespaces payments --namespace-mappings payments:payments-restore-test --kubecontext prod-eu',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    ['rclone dedupe --dedupe-mode newest gdrive:Shared/Contracts', 'medium'],
    ['velero restore create r1 --from-backup nightly --kubecontext prod-eu', 'high'],
    [
      'velero restore create r2 --from-backup nightly --namespace-mappings a:b --existing-resource-policy update',
      'high',
    ],
    [
      'velero restore create r1 --from-backup nightly --existing-resource-policy update --kubecontext prod-eu',
      'high',
    ],
  ])('%s is held (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
  });
});

// wal-g deletes only with --confirm: without it, `delete retain|before|…` lists what it would delete.
describe('wal-g delete', () => {
  it.each([
    'wal-g delete retain FULL 3',
    'wal-g delete retain 5',
    'wal-g delete before base_000000010000000000000004',
    'wal-g --config /etc/wal-g.json delete before FIND_FULL 2026-01-01T00:00:00Z',
    'WALG_S3_PREFIX=s3://pg-backups-prod/main wal-g delete everything FORCE',
    'wal-g backup-list --detail',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    ['wal-g delete retain FULL 3 --confirm', 'high'],
    ['wal-g delete --confirm before base_000000010000000000000004', 'high'],
    ['wal-g delete target base_000000010000000000000004 --confirm', 'high'],
    ['wal-g delete everything FORCE --confirm', 'critical'],
  ])('%s deletes backups (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual(['delete', risk]);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it('is placed by its storage prefix', async () => {
    const r = await check('wal-g delete retain FULL 3 --confirm', {
      env: { WALG_S3_PREFIX: 's3://pg-backups-prod/main' },
    });
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).toBe('require-approval');
  });
});

describe('restic unlock', () => {
  it.each(['restic unlock --remove-all', 'restic -r s3:s3.amazonaws.com/backups-prod unlock --remove-all'])(
    '%s removes the locks of running backups and prunes: asked',
    async (command) => {
      const r = await check(command);
      expect(r.assessment.effects.map((e) => e.operation)).toContain('delete');
      expect(r.decision.outcome).not.toBe('allow');
    },
  );

  it.each(['restic unlock', 'restic -r /srv/restic-repo unlock', 'restic snapshots'])(
    '%s removes only stale locks, or looks: allowed',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    },
  );
});
