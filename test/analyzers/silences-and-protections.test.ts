import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Alerts silenced (src/analyzers/monitoring.ts), protections edited out of infrastructure code
// (iac-protection-edits.ts), helm's keep policy and finalizers removed, a disk filled by dd: each was allowed.
// Any role granted to everyone (allUsers) opens what it covers to the internet.

describe('silencing alerts, removing protections, filling a disk', () => {
  it.each([
    `amtool silence add 'alertname=~".+"' --duration=720h --comment="too noisy" --alertmanager.url=http://alertmanager.prod.internal:9093`,
    "amtool --alertmanager.url=https://am.prod.acme.io silence add severity=critical --duration 168h -c 'migration'",
    "amtool --alertmanager.url=https://am.prod.acme.io silence add alertname=DiskFull -d 720h -c 'later'",
    'dog monitor mute_all',
    'dog monitor delete 12345',
    "sed -i '/prevent_destroy/d' infra/prod/*.tf",
    "perl -pi -e 's/deletion_protection = true/deletion_protection = false/' infra/prod/db.tf",
    'kubectl --context prod-eu -n payments annotate pvc data-postgres-0 helm.sh/resource-policy-',
    `kubectl --context prod-eu patch pvc data-0 -p '{"metadata":{"finalizers":null}}'`,
    'gcloud projects add-iam-policy-binding acme-prod --member=allUsers --role=roles/viewer',
    'aws iam attach-role-policy --role-name ci --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile prod',
  ])('%s needs approval', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('require-approval');
  });

  it.each([
    'sudo dd if=/dev/zero of=/var/tmp/fill.bin bs=1M status=progress',
    'dd if=/dev/urandom of=big.bin',
  ])('%s is asked about', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('ask');
  });

  it.each([
    "amtool --alertmanager.url=https://am.prod.acme.io silence add alertname=DiskFull instance=db-1 -d 2h -c 'resize'",
    'amtool --alertmanager.url=https://am.prod.acme.io silence query',
    'amtool --alertmanager.url=https://am.prod.acme.io silence expire 8a2f',
    'dog monitor show_all',
    "sed -i 's/t3.micro/t3.small/' infra/prod/main.tf",
    "sed -n '/prevent_destroy/p' infra/prod/main.tf",
    'kubectl --context prod-eu annotate pvc data-0 owner=payments',
    'kubectl --context prod-eu annotate pvc data-0 helm.sh/resource-policy=keep',
    'dd if=/dev/zero of=disk.img bs=1M count=100',
    'sudo tc qdisc add dev lo root netem delay 100ms',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
