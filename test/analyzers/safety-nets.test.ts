import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Removing what lets a team undo a mistake or see who made it (src/analyzers/cloud/safety-nets.ts): each was
// a low-risk change, allowed in production. Also what a manifest applied to a cluster will run there
// (src/analyzers/kubernetes/manifest-commands.ts), and schedules whose target deletes.

describe('a safety net removed in production needs approval', () => {
  it.each([
    `aws cloudtrail put-event-selectors --trail-name org-trail --event-selectors '[{"ReadWriteType":"ReadOnly","IncludeManagementEvents":false}]' --profile prod`,
    'aws cloudtrail update-trail --name org-trail --no-is-multi-region-trail --profile prod',
    'aws dynamodb update-continuous-backups --table-name prod-sessions --point-in-time-recovery-specification PointInTimeRecoveryEnabled=false --profile prod',
    'aws s3api put-bucket-versioning --bucket acme-prod-ledger --versioning-configuration Status=Enabled,MFADelete=Disabled --profile prod',
    'aws s3api put-object-legal-hold --bucket acme-prod-ledger --key a.parquet --legal-hold Status=OFF --profile prod',
    'aws elbv2 modify-load-balancer-attributes --load-balancer-arn arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/prod-web/1 --attributes Key=deletion_protection.enabled,Value=false --profile prod',
    'aws cloudwatch disable-alarm-actions --alarm-names prod-api-5xx --profile prod',
    'aws guardduty update-detector --detector-id abc --no-enable --profile prod',
    'aws securityhub disable-security-hub --profile prod',
    'aws logs put-retention-policy --log-group-name /prod/api --retention-in-days 1 --profile prod',
    'aws ec2 modify-instance-metadata-options --instance-id i-1 --http-tokens optional --profile prod',
    'gcloud logging sinks update _Default --disabled --project=acme-prod',
    'gcloud storage buckets update gs://acme-prod-backups --clear-soft-delete',
    'gcloud spanner databases update ledger --instance=prod-spanner --no-enable-drop-protection --project=acme-prod',
    'gcloud sql instances patch prod-db --no-backup --project=acme-prod',
    'gcloud resource-manager org-policies disable-enforce iam.disableServiceAccountKeyCreation --project=acme-prod',
    'gcloud container clusters update prod-gke --logging=NONE --project=acme-prod',
    'az security pricing create -n VirtualMachines --tier free --subscription acme-production',
    'az monitor metrics alert update -n prod-cpu -g prod-rg --enabled false',
    'az storage account blob-service-properties update --account-name acmeprod -g prod-rg --enable-delete-retention false',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('require-approval');
    expect(r.assessment.environment).toBe('production');
  });

  it.each([
    [
      'aws lambda add-permission --function-name prod-refund --statement-id pub --action lambda:InvokeFunction --principal "*" --profile prod',
      'high',
    ],
    [
      `aws scheduler create-schedule --name drop --schedule-expression 'at(2026-12-02T03:00:00)' --flexible-time-window Mode=OFF --target '{"Arn":"arn:aws:scheduler:::aws-sdk:dynamodb:deleteTable","RoleArn":"arn:aws:iam::1:role/s"}' --profile prod`,
      'high',
    ],
    [
      "gcloud scheduler jobs create http rm-vm --schedule='0 4 * * *' --uri=https://compute.googleapis.com/x --http-method=DELETE --project=acme-prod",
      'high',
    ],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
  });

  it.each([
    'az lock create --name prod-db-nodelete --lock-type CanNotDelete --resource-group prod-rg',
    'aws kms cancel-key-deletion --key-id 1234abcd --profile prod',
    'aws kms enable-key-rotation --key-id 1234abcd --profile prod',
    'aws elbv2 modify-load-balancer-attributes --load-balancer-arn arn:x:prod-web --attributes Key=idle_timeout.timeout_seconds,Value=60 --profile prod',
    'aws s3api put-object-legal-hold --bucket acme-prod-ledger --key a --legal-hold Status=ON --profile prod',
    'aws lambda add-permission --function-name prod-refund --statement-id s3 --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::acme-prod-uploads --profile prod',
    'gcloud resource-manager org-policies enable-enforce iam.disableServiceAccountKeyCreation --project=acme-prod',
    'aws logs put-retention-policy --log-group-name /prod/api --retention-in-days 365 --profile prod',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

const CRONJOB = `kubectl --context prod-eu apply -f - <<'EOF'
apiVersion: batch/v1
kind: CronJob
metadata:
  name: reset-db
  namespace: payments
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: reset
              image: postgres:16
              command: ["psql", "-d", "postgres", "-c", "DROP DATABASE payments WITH (FORCE)"]
EOF`;

const HELLO = `kubectl --context kind-dev apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: hello
spec:
  containers:
    - name: hello
      image: busybox
      command: ["sh", "-c", "echo hello && sleep 3600"]
EOF`;

describe('what a workload applied to a cluster runs is assessed there', () => {
  it.each([
    [CRONJOB, 'critical'],
    ["kubectl --context prod-eu create job wipe --image=busybox -- sh -c 'rm -rf /data/*'", 'high'],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('require-approval');
    expect(r.assessment.risk).toBe(risk);
    // Run in the cluster: placed there, not on this machine.
    expect(r.assessment.environment).toBe('production');
  });

  it.each([HELLO, 'kubectl --context prod-eu run debug --image=busybox -- sleep 3600'])(
    '%s is allowed',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    },
  );
});
