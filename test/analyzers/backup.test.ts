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
