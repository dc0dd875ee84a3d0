import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Cloud calls that run a written-out shell command on a machine are assessed as that command run there
// (src/analyzers/cloud/remote-commands.ts), not as a medium "runs commands Interlock does not inspect".

describe('a shell command a cloud call runs on a machine', () => {
  it.each([
    [
      "gcloud compute ssh prod-db-1 --zone us-central1-a --command 'sudo rm -rf /var/lib/postgresql'",
      '/var/lib/postgresql',
    ],
    [
      'aws ssm send-command --document-name AWS-RunShellScript --instance-ids i-0abc --parameters \'commands=["rm -rf /var/lib/postgresql"]\'',
      '/var/lib/postgresql',
    ],
    [
      'aws ssm send-command --document-name AWS-RunShellScript --targets Key=tag:env,Values=prod --parameters \'{"commands":["systemctl stop nginx"]}\'',
      'nginx',
    ],
    [
      "az vm run-command invoke -g rg-prod -n vm-sql01 --command-id RunShellScript --scripts 'rm -rf /data'",
      '/data',
    ],
  ])('%s reaches %s', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target).join('\n')).toContain(target);
  });

  it.each([
    "gcloud compute ssh prod-db-1 --zone us-central1-a --tunnel-through-iap --command 'systemctl status postgresql --no-pager'",
    'aws ssm send-command --document-name AWS-RunShellScript --instance-ids i-0abc --parameters \'commands=["df -h","free -m"]\'',
    "az vm run-command invoke -g rg-prod -n vm-sql01 --command-id RunShellScript --scripts 'uptime' 'df -h'",
  ])('%s only looks', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    'aws ssm send-command --document-name AWS-RunShellScript --instance-ids i-0abc --parameters file://cmds.json',
    'gcloud compute ssh prod-db-1 --command "$CMD"',
  ])('%s, not written out, is still not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
  });
});
