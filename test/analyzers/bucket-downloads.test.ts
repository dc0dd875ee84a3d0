import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A download from a bucket writes the file it names, as `curl -o` does (src/analyzers/downloads.ts):
// `aws s3 cp s3://bucket/job /etc/cron.d/job` on a production host installs a cron job there, and was
// allowed (only the bucket side was judged). Downloads into the project, /tmp or the home directory stay
// allowed. cwd is /home/dev/project, HOME /home/dev.

describe('downloads from a bucket onto system paths', () => {
  it.each([
    ["ssh prod-web-1 'aws s3 cp s3://bucket/job /etc/cron.d/job'", '/etc/cron.d/job', {}],
    ['aws s3 cp s3://bucket/job /etc/cron.d/job', '/etc/cron.d/job', { AWS_PROFILE: 'prod' }],
    ['aws --profile prod s3 cp s3://bucket/conf /etc/nginx/nginx.conf', '/etc/nginx/nginx.conf', {}],
    ['aws --profile prod s3 sync s3://bucket/jobs /etc/cron.d/', '/etc/cron.d', {}],
    ['aws --profile prod s3 mv s3://bucket/k ~/.ssh/authorized_keys', '/home/dev/.ssh/authorized_keys', {}],
    ["ssh prod-web-1 's5cmd cp s3://b/x /etc/cron.d/x'", '/etc/cron.d/x', {}],
    ['s5cmd --profile prod cp s3://b/x /etc/cron.d/x', '/etc/cron.d/x', {}],
    ["ssh prod-web-1 'gsutil cp gs://b/x /etc/cron.d/x'", '/etc/cron.d/x', {}],
    ["ssh prod-web-1 'gcloud storage cp gs://b/x /etc/cron.d/x'", '/etc/cron.d/x', {}],
    [
      "ssh prod-web-1 'az storage blob download --account-name a -c jobs -n x --file /etc/cron.d/x'",
      '/etc/cron.d/x',
      {},
    ],
    ["ssh prod-web-1 'az storage blob download-batch -d /etc/cron.d -s jobs'", '/etc/cron.d', {}],
    ["ssh prod-web-1 'rclone copy remote:jobs /etc/cron.d'", '/etc/cron.d', {}],
  ])('%s needs approval in production', async (command, target, env) => {
    const r = await check(command, { env });
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('require-approval');
    expect(r.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'modify', risk: 'high', target }),
    );
  });

  it.each([
    'aws --profile dev s3 cp s3://bucket/job /etc/cron.d/job',
    "ssh dev-box 's5cmd cp s3://b/x /usr/local/bin/x'",
    "ssh staging-1 'gsutil cp gs://b/x /etc/cron.d/x'",
  ])('%s is asked outside production', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('ask');
  });

  it('says where it writes and why that matters', async () => {
    const r = await check("ssh prod-web-1 'aws s3 cp s3://bucket/job /etc/cron.d/job'");
    expect(r.assessment.effects.map((e) => e.reason)).toEqual([
      'aws downloads into /etc/cron.d/job (a system path)',
    ]);
  });
});

describe('downloads into the project, /tmp or the home directory', () => {
  it.each([
    "ssh prod-web-1 'aws s3 cp s3://bucket/x /tmp/x'",
    'aws --profile prod s3 cp s3://bucket/x ./x',
    'aws --profile prod s3 cp s3://bucket/db.dump .',
    'aws --profile prod s3 sync s3://bucket/site ./public',
    'aws --profile prod s3 cp s3://bucket/x -',
    'aws --profile prod s3 cp ./report.csv s3://bucket/report.csv',
    'gsutil cp gs://b/x ./data/',
    'gsutil -m cp -r gs://b/dir ~/downloads',
    'gcloud storage cp gs://b/x /tmp/',
    's5cmd cp s3://b/x ./',
    'rclone copy prod-s3:backups ./restore',
    'az storage blob download --account-name a -c c -n x -f ./x',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
