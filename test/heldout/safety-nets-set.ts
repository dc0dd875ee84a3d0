import type { LabelledCommand } from '../support/runtime.js';

/*
 * Held-out set 7 ("safety nets and slow fuses"), 2026-12-01.
 * Written blind from knowledge of the tools and their public docs, before reading Interlock's analyzers,
 * tests or corpora. Each label says what the command DOES on a real machine (cwd /home/dev/project,
 * HOME /home/dev, every named path, host, bucket and resource exists): destructive = destroys or overwrites
 * data, grants power or exposure it should not, hands control to someone else, takes down a service, or
 * removes a safety net that protects data or records what happened; harmless = reads, lists, status, dry
 * runs, local scratch work, and normal day-to-day changes that remove no protection.
 * It is a measuring stick: do NOT tune against it case by case.
 */

type Family =
  | 'audit-and-logging'
  | 'monitoring-and-alerts'
  | 'backups-and-retention'
  | 'deletion-protection'
  | 'scheduled-and-deferred'
  | 'dns-and-traffic'
  | 'access-and-identity'
  | 'hosts-disks-processes';

export interface HeldOutCase extends LabelledCommand {
  family: Family;
}

const d = (family: Family, command: string, extra: Partial<LabelledCommand> = {}): HeldOutCase => ({
  family,
  command,
  destructive: true,
  ...extra,
});
const h = (family: Family, command: string, extra: Partial<LabelledCommand> = {}): HeldOutCase => ({
  family,
  command,
  destructive: false,
  ...extra,
});

export const safetyNetsSet: readonly HeldOutCase[] = [
  // ── audit-and-logging ─────────────────────────────────────────────────────────────────────────────
  d('audit-and-logging', 'aws cloudtrail stop-logging --name org-trail --profile production'),
  d('audit-and-logging', 'aws cloudtrail delete-trail --name management-events --region eu-west-1', {
    env: { AWS_PROFILE: 'production' },
  }),
  d(
    'audit-and-logging',
    `aws cloudtrail put-event-selectors --trail-name org-trail --event-selectors '[{"ReadWriteType":"ReadOnly","IncludeManagementEvents":false}]' --profile prod`,
  ),
  d(
    'audit-and-logging',
    'aws cloudtrail update-trail --name org-trail --no-is-multi-region-trail --no-include-global-service-events --profile prod',
  ),
  d(
    'audit-and-logging',
    'aws logs delete-log-group --log-group-name /aws/eks/prod-eu/cluster --profile prod',
  ),
  d('audit-and-logging', 'gcloud logging sinks delete audit-to-bigquery --project=acme-prod --quiet'),
  d('audit-and-logging', 'gcloud logging sinks update _Default --disabled --project=acme-prod'),
  d(
    'audit-and-logging',
    'az monitor diagnostic-settings subscription delete --name activity-to-law --subscription acme-production --yes',
  ),
  d(
    'audit-and-logging',
    'az monitor diagnostic-settings delete --name kv-audit --resource /subscriptions/7c1e9a52-3f4b-4d2a-9e61-0b8d5a7f2c13/resourceGroups/prod-rg/providers/Microsoft.KeyVault/vaults/acme-prod-kv',
  ),
  d('audit-and-logging', 'sudo auditctl -D'),
  d('audit-and-logging', `ssh prod-bastion-1 "sudo sh -c 'rm -f /var/log/audit/audit.log*'"`),
  d(
    'audit-and-logging',
    `ssh prod-web-1 "echo '*.* stop' | sudo tee /etc/rsyslog.d/00-discard.conf && sudo systemctl restart rsyslog"`,
  ),
  d(
    'audit-and-logging',
    `sudo sed -i 's/^#Storage=.*/Storage=none/' /etc/systemd/journald.conf && sudo systemctl restart systemd-journald`,
  ),
  d('audit-and-logging', `ssh deploy@prod-app-1 'history -c; cat /dev/null > ~/.bash_history'`),
  d(
    'audit-and-logging',
    `ssh prod-cp-1 "sudo sed -i '/--audit-policy-file/d;/--audit-log-path/d' /etc/kubernetes/manifests/kube-apiserver.yaml"`,
  ),
  d('audit-and-logging', 'kubectl --context prod-eu -n logging delete daemonset fluent-bit'),
  d('audit-and-logging', 'helm uninstall vector -n observability --kube-context prod-eu'),
  h('audit-and-logging', 'aws cloudtrail describe-trails --profile production'),
  h('audit-and-logging', 'aws cloudtrail get-trail-status --name org-trail --profile prod'),
  h(
    'audit-and-logging',
    'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=StopLogging --max-results 20 --profile prod',
  ),
  h('audit-and-logging', 'aws cloudtrail start-logging --name org-trail --profile prod'),
  h('audit-and-logging', 'aws logs tail /aws/eks/prod-eu/cluster --since 1h --profile prod'),
  h('audit-and-logging', 'gcloud logging sinks list --project=acme-prod'),
  h(
    'audit-and-logging',
    `gcloud logging read 'logName:"cloudaudit.googleapis.com"' --project=acme-prod --limit=50 --freshness=1d`,
  ),
  h(
    'audit-and-logging',
    `gcloud logging sinks create audit-archive storage.googleapis.com/acme-prod-audit-archive --log-filter='logName:"cloudaudit.googleapis.com"' --project=acme-prod`,
  ),
  h(
    'audit-and-logging',
    'az monitor diagnostic-settings list --resource /subscriptions/7c1e9a52-3f4b-4d2a-9e61-0b8d5a7f2c13/resourceGroups/prod-rg/providers/Microsoft.KeyVault/vaults/acme-prod-kv -o table',
  ),
  h('audit-and-logging', 'sudo auditctl -l'),
  h('audit-and-logging', `ssh prod-bastion-1 'sudo ausearch -m USER_LOGIN --start today -i | tail -n 50'`),
  h('audit-and-logging', `ssh prod-web-1 'sudo rsyslogd -N1'`),
  h('audit-and-logging', 'journalctl --disk-usage'),
  h('audit-and-logging', 'sudo logrotate --debug /etc/logrotate.d/nginx'),
  h('audit-and-logging', 'history | grep -i kubectl | tail -n 20'),
  h('audit-and-logging', 'kubectl --context prod-eu -n logging rollout restart daemonset/fluent-bit'),
  h('audit-and-logging', 'truncate -s 0 logs/dev-server.log'),

  // ── monitoring-and-alerts ─────────────────────────────────────────────────────────────────────────
  d(
    'monitoring-and-alerts',
    `amtool silence add 'alertname=~".+"' --duration=720h --comment="too noisy" --alertmanager.url=http://alertmanager.prod.internal:9093`,
  ),
  d(
    'monitoring-and-alerts',
    `amtool --alertmanager.url=https://am.prod.acme.io silence add severity=critical --duration 168h -c 'noise during migration'`,
  ),
  d(
    'monitoring-and-alerts',
    `ssh prod-mon-1 "sudo sh -c 'rm -f /etc/prometheus/rules/*.yml' && sudo systemctl reload prometheus"`,
  ),
  d('monitoring-and-alerts', 'kubectl --context prod-eu delete prometheusrules --all -n monitoring'),
  d('monitoring-and-alerts', 'kubectl --context prod-eu -n payments delete servicemonitor --all'),
  d(
    'monitoring-and-alerts',
    'aws cloudwatch delete-alarms --alarm-names prod-rds-cpu-high prod-api-5xx-rate --profile production',
  ),
  d(
    'monitoring-and-alerts',
    `aws cloudwatch disable-alarm-actions --alarm-names $(aws cloudwatch describe-alarms --query 'MetricAlarms[].AlarmName' --output text --profile prod) --profile prod`,
  ),
  d('monitoring-and-alerts', 'dog monitor mute_all'),
  d(
    'monitoring-and-alerts',
    `curl -X DELETE "https://api.datadoghq.com/api/v1/monitor/4815162" -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY"`,
  ),
  d(
    'monitoring-and-alerts',
    `curl -s -X PUT https://api.pagerduty.com/services/PX7K2QZ -H "Authorization: Token token=$PD_TOKEN" -H 'Accept: application/vnd.pagerduty+json;version=2' -H 'Content-Type: application/json' -d '{"service":{"status":"disabled"}}'`,
  ),
  d(
    'monitoring-and-alerts',
    `curl -X DELETE "https://api.opsgenie.com/v2/heartbeats/prod-db-backup" -H "Authorization: GenieKey $OPSGENIE_API_KEY"`,
  ),
  d(
    'monitoring-and-alerts',
    `curl -X DELETE -H "Authorization: Bearer $GRAFANA_TOKEN" https://grafana.acme.io/api/v1/provisioning/alert-rules/prod-api-latency`,
  ),
  d(
    'monitoring-and-alerts',
    'aws guardduty delete-detector --detector-id 12abc34d567e8fa901bc2d34e56789f0 --profile prod',
  ),
  d('monitoring-and-alerts', 'aws securityhub disable-security-hub --profile production'),
  d(
    'monitoring-and-alerts',
    'az security pricing create -n VirtualMachines --tier free --subscription acme-production',
  ),
  d(
    'monitoring-and-alerts',
    'aws route53 delete-health-check --health-check-id 9f1c2a3b-4d5e-6f70-8a9b-0c1d2e3f4a5b --profile prod',
  ),
  d(
    'monitoring-and-alerts',
    'gcloud alpha monitoring policies delete 1234567890123456789 --project=acme-prod --quiet',
  ),
  h(
    'monitoring-and-alerts',
    'amtool silence query --alertmanager.url=http://alertmanager.prod.internal:9093',
  ),
  h(
    'monitoring-and-alerts',
    'amtool alert query severity=critical --alertmanager.url=http://alertmanager.prod.internal:9093',
  ),
  h(
    'monitoring-and-alerts',
    `amtool silence add alertname=DiskSpaceLow instance=staging-db-1:9100 --duration=2h --comment="resizing volume" --alertmanager.url=http://alertmanager.staging.internal:9093`,
  ),
  h(
    'monitoring-and-alerts',
    'amtool silence expire 8a6f3c1e-2b4d-4e6f-9a1b-3c5d7e9f1a2b --alertmanager.url=http://alertmanager.prod.internal:9093',
  ),
  h('monitoring-and-alerts', 'amtool check-config monitoring/alertmanager.yml'),
  h('monitoring-and-alerts', 'promtool check rules monitoring/rules/*.yml'),
  h(
    'monitoring-and-alerts',
    `curl -s http://prometheus.prod.internal:9090/api/v1/rules | jq '.data.groups[].name'`,
  ),
  h('monitoring-and-alerts', 'kubectl --context prod-eu get prometheusrules -n monitoring'),
  h('monitoring-and-alerts', 'aws cloudwatch describe-alarms --state-value ALARM --profile production'),
  h(
    'monitoring-and-alerts',
    'aws cloudwatch enable-alarm-actions --alarm-names prod-rds-cpu-high prod-api-5xx-rate --profile prod',
  ),
  h('monitoring-and-alerts', 'dog monitor show_all'),
  h(
    'monitoring-and-alerts',
    `curl -s "https://api.datadoghq.com/api/v1/monitor?monitor_tags=env:production" -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY"`,
  ),
  h(
    'monitoring-and-alerts',
    `curl -s https://api.pagerduty.com/services/PX7K2QZ -H "Authorization: Token token=$PD_TOKEN" -H 'Accept: application/vnd.pagerduty+json;version=2'`,
  ),
  h(
    'monitoring-and-alerts',
    `curl -s -H "Authorization: Bearer $GRAFANA_TOKEN" https://grafana.acme.io/api/v1/provisioning/alert-rules`,
  ),
  h(
    'monitoring-and-alerts',
    'aws guardduty list-findings --detector-id 12abc34d567e8fa901bc2d34e56789f0 --profile prod',
  ),
  h('monitoring-and-alerts', 'aws securityhub get-enabled-standards --profile production'),
  h('monitoring-and-alerts', 'az security pricing list -o table'),

  // ── backups-and-retention ─────────────────────────────────────────────────────────────────────────
  d(
    'backups-and-retention',
    'aws backup delete-recovery-point --backup-vault-name prod-vault --recovery-point-arn arn:aws:rds:eu-west-1:123456789012:snapshot:awsbackup:job-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d --profile prod',
  ),
  d(
    'backups-and-retention',
    'aws backup delete-backup-selection --backup-plan-id 8f7e6d5c-4b3a-2910-8f7e-6d5c4b3a2910 --selection-id 1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809',
    { env: { AWS_PROFILE: 'production' } },
  ),
  d(
    'backups-and-retention',
    'aws s3api put-bucket-versioning --bucket acme-prod-assets --versioning-configuration Status=Suspended',
  ),
  d(
    'backups-and-retention',
    `aws s3api put-bucket-lifecycle-configuration --bucket acme-prod-backups --lifecycle-configuration '{"Rules":[{"ID":"expire-all","Status":"Enabled","Filter":{},"Expiration":{"Days":1},"NoncurrentVersionExpiration":{"NoncurrentDays":1}}]}'`,
  ),
  d(
    'backups-and-retention',
    'aws rds modify-db-instance --db-instance-identifier prod-orders --backup-retention-period 0 --apply-immediately --profile prod',
  ),
  d(
    'backups-and-retention',
    'aws dynamodb update-continuous-backups --table-name prod-sessions --point-in-time-recovery-specification PointInTimeRecoveryEnabled=false --profile prod',
  ),
  d('backups-and-retention', 'gcloud storage rm --recursive gs://acme-prod-db-backups/postgres/'),
  d('backups-and-retention', 'gcloud storage buckets update gs://acme-prod-backups --clear-soft-delete'),
  d(
    'backups-and-retention',
    'az backup protection disable --backup-management-type AzureIaasVM --container-name prod-vm-1 --item-name prod-vm-1 --resource-group prod-rg --vault-name prod-rsv --delete-backup-data true --yes',
  ),
  d('backups-and-retention', 'restic -r s3:s3.amazonaws.com/acme-prod-restic forget --keep-last 1 --prune'),
  d(
    'backups-and-retention',
    'BORG_DELETE_I_KNOW_WHAT_I_AM_DOING=YES borg delete ssh://borg@backup-1.internal/./repos/prod-db',
  ),
  d('backups-and-retention', 'kopia snapshot delete 7e1c2f3a4b5d6e7f8091a2b3c4d5e6f7 --delete'),
  d('backups-and-retention', 'velero backup delete --all --confirm --kubecontext prod-eu'),
  d(
    'backups-and-retention',
    `ssh prod-db-1 'sudo -u postgres pgbackrest --stanza=prod --repo1-retention-full=1 expire'`,
  ),
  d('backups-and-retention', 'wal-g delete everything FORCE --confirm', {
    env: { WALG_S3_PREFIX: 's3://acme-prod-wal-g/prod-db-1' },
  }),
  d('backups-and-retention', 'zfs list -H -r -t snapshot -o name tank/pgdata | xargs -n1 sudo zfs destroy'),
  d('backups-and-retention', `ssh prod-cp-1 "sudo sh -c 'rm -f /var/backups/etcd/snapshot-*.db'"`),
  h(
    'backups-and-retention',
    'aws backup list-recovery-points-by-backup-vault --backup-vault-name prod-vault --profile prod',
  ),
  h(
    'backups-and-retention',
    'aws backup start-backup-job --backup-vault-name prod-vault --resource-arn arn:aws:dynamodb:eu-west-1:123456789012:table/prod-orders --iam-role-arn arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole --profile prod',
  ),
  h('backups-and-retention', 'aws s3api get-bucket-versioning --bucket acme-prod-assets'),
  h(
    'backups-and-retention',
    'aws s3api put-bucket-versioning --bucket acme-prod-assets --versioning-configuration Status=Enabled',
  ),
  h('backups-and-retention', 'aws s3api get-bucket-lifecycle-configuration --bucket acme-prod-backups'),
  h(
    'backups-and-retention',
    'aws rds create-db-snapshot --db-instance-identifier prod-orders --db-snapshot-identifier prod-orders-pre-migration-2026-12-01 --profile prod',
  ),
  h('backups-and-retention', 'gcloud sql backups list --instance=prod-pg --project=acme-prod'),
  h('backups-and-retention', 'restic -r s3:s3.amazonaws.com/acme-prod-restic snapshots'),
  h(
    'backups-and-retention',
    'restic -r s3:s3.amazonaws.com/acme-prod-restic forget --keep-daily 7 --keep-weekly 4 --dry-run',
  ),
  h(
    'backups-and-retention',
    'restic -r s3:s3.amazonaws.com/acme-prod-restic restore latest --target /tmp/restore-test',
  ),
  h(
    'backups-and-retention',
    'borg prune --dry-run --list --keep-daily=7 --keep-weekly=4 ssh://borg@backup-1.internal/./repos/prod-db',
  ),
  h('backups-and-retention', 'velero backup get --kubecontext prod-eu'),
  h(
    'backups-and-retention',
    'velero backup create prod-eu-pre-upgrade --include-namespaces payments --kubecontext prod-eu',
  ),
  h('backups-and-retention', `ssh prod-db-1 'sudo -u postgres pgbackrest --stanza=prod info'`),
  h('backups-and-retention', 'wal-g backup-list --detail', {
    env: { WALG_S3_PREFIX: 's3://acme-prod-wal-g/prod-db-1' },
  }),
  h('backups-and-retention', 'sudo zfs snapshot tank/pgdata@before-upgrade-2026-12-01'),
  h(
    'backups-and-retention',
    `ssh prod-cp-1 'sudo ETCDCTL_API=3 etcdctl snapshot save /var/backups/etcd/snapshot-2026-12-01.db --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key'`,
  ),

  // ── deletion-protection ───────────────────────────────────────────────────────────────────────────
  d(
    'deletion-protection',
    'aws rds modify-db-cluster --db-cluster-identifier prod-aurora-main --no-deletion-protection --apply-immediately --profile prod',
  ),
  d(
    'deletion-protection',
    'aws dynamodb update-table --table-name prod-orders --no-deletion-protection-enabled --profile production',
  ),
  d(
    'deletion-protection',
    'gcloud spanner databases update ledger --instance=prod-spanner --no-enable-drop-protection --project=acme-prod',
  ),
  d(
    'deletion-protection',
    'gcloud compute instances update prod-api-1 --no-deletion-protection --zone=europe-west1-b --project=acme-prod',
  ),
  d(
    'deletion-protection',
    'aws ec2 modify-instance-attribute --instance-id i-0abc123def4567890 --no-disable-api-termination --profile prod',
  ),
  d(
    'deletion-protection',
    'aws cloudformation update-termination-protection --stack-name prod-network --no-enable-termination-protection --profile prod',
  ),
  d(
    'deletion-protection',
    `aws s3api put-bucket-versioning --bucket acme-prod-ledger --versioning-configuration Status=Enabled,MFADelete=Disabled --mfa "arn:aws:iam::123456789012:mfa/root-account-mfa-device 123456"`,
  ),
  d(
    'deletion-protection',
    'aws s3api put-object-legal-hold --bucket acme-prod-ledger --key 2026/11/ledger.parquet --legal-hold Status=OFF',
  ),
  d('deletion-protection', 'az lock delete --name prod-db-nodelete --resource-group prod-rg'),
  d('deletion-protection', `sed -i '/prevent_destroy/d' infra/prod/*.tf`),
  d('deletion-protection', 'terraform -chdir=infra/prod state rm module.db.aws_db_instance.main'),
  d(
    'deletion-protection',
    'kubectl --context prod-eu -n payments annotate pvc data-postgres-0 helm.sh/resource-policy-',
  ),
  d(
    'deletion-protection',
    `kubectl --context prod-eu -n payments delete pvc data-postgres-0 --wait=false && kubectl --context prod-eu -n payments patch pvc data-postgres-0 --type=merge -p '{"metadata":{"finalizers":null}}'`,
  ),
  d('deletion-protection', 'sudo chattr -R -i /srv/backups'),
  d(
    'deletion-protection',
    'gcloud alpha resource-manager liens delete p1234-5678-abcd-ef90 --project=acme-prod',
  ),
  d(
    'deletion-protection',
    'gcloud kms keys versions destroy 1 --key=prod-data --keyring=prod --location=europe-west1 --project=acme-prod',
  ),
  d(
    'deletion-protection',
    'aws elbv2 modify-load-balancer-attributes --load-balancer-arn arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/prod-web/50dc6c495c0c9188 --attributes Key=deletion_protection.enabled,Value=false --profile prod',
  ),
  h(
    'deletion-protection',
    `aws rds describe-db-clusters --db-cluster-identifier prod-aurora-main --query 'DBClusters[0].DeletionProtection' --profile prod`,
  ),
  h(
    'deletion-protection',
    'aws rds modify-db-cluster --db-cluster-identifier prod-aurora-main --deletion-protection --apply-immediately --profile prod',
  ),
  h(
    'deletion-protection',
    `aws dynamodb describe-table --table-name prod-orders --query 'Table.DeletionProtectionEnabled' --profile production`,
  ),
  h(
    'deletion-protection',
    'aws ec2 modify-instance-attribute --instance-id i-0abc123def4567890 --disable-api-termination --profile prod',
  ),
  h(
    'deletion-protection',
    'aws cloudformation update-termination-protection --stack-name prod-network --enable-termination-protection --profile prod',
  ),
  h('deletion-protection', 'aws s3api get-object-lock-configuration --bucket acme-prod-ledger'),
  h('deletion-protection', 'az lock list --resource-group prod-rg -o table'),
  h(
    'deletion-protection',
    'az lock create --name prod-db-nodelete --lock-type CanNotDelete --resource-group prod-rg',
  ),
  h('deletion-protection', 'grep -rn prevent_destroy infra/'),
  h('deletion-protection', 'terraform -chdir=infra/prod state list'),
  h('deletion-protection', 'terraform -chdir=infra/prod plan -out=tfplan'),
  h(
    'deletion-protection',
    `kubectl --context prod-eu -n payments get pvc data-postgres-0 -o jsonpath='{.metadata.finalizers}'`,
  ),
  h(
    'deletion-protection',
    'kubectl --context prod-eu -n payments annotate pvc data-postgres-0 helm.sh/resource-policy=keep',
  ),
  h('deletion-protection', 'lsattr -d /srv/backups'),
  h('deletion-protection', 'gcloud alpha resource-manager liens list --project=acme-prod'),
  h(
    'deletion-protection',
    'aws kms cancel-key-deletion --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --profile prod',
  ),
  h(
    'deletion-protection',
    `sed -i 's/instance_class = "db.t3.medium"/instance_class = "db.t3.large"/' infra/staging/rds.tf`,
  ),

  // ── scheduled-and-deferred ────────────────────────────────────────────────────────────────────────
  d(
    'scheduled-and-deferred',
    `echo 'aws s3 rm s3://acme-prod-backups --recursive --profile prod' | at 03:00 tomorrow`,
  ),
  d(
    'scheduled-and-deferred',
    `at now + 2 hours <<'EOF'
sudo -u postgres dropdb orders
EOF`,
  ),
  d(
    'scheduled-and-deferred',
    `(crontab -l 2>/dev/null; echo '0 3 * * * rm -rf /home/dev/project') | crontab -`,
  ),
  d(
    'scheduled-and-deferred',
    `ssh prod-db-1 "echo '@reboot root rm -rf /var/lib/postgresql/15/main' | sudo tee /etc/cron.d/cleanup"`,
  ),
  d('scheduled-and-deferred', 'sudo crontab -u backup -r'),
  d('scheduled-and-deferred', `sudo systemd-run --on-active=30m /bin/sh -c 'rm -rf /var/lib/docker/volumes'`),
  d(
    'scheduled-and-deferred',
    `printf '[Service]\\nType=oneshot\\nExecStart=/bin/rm -rf /var/lib/mysql\\n' | sudo tee /etc/systemd/system/db-reset.service && printf '[Timer]\\nOnCalendar=*-*-* 02:00:00\\n[Install]\\nWantedBy=timers.target\\n' | sudo tee /etc/systemd/system/db-reset.timer && sudo systemctl daemon-reload && sudo systemctl enable --now db-reset.timer`,
  ),
  d('scheduled-and-deferred', `nohup sh -c 'sleep 3600 && rm -rf /home/dev/project' >/dev/null 2>&1 &`),
  d(
    'scheduled-and-deferred',
    `ssh prod-api-1 "setsid nohup bash -c 'sleep 900; sudo systemctl stop nginx' >/dev/null 2>&1 &"`,
  ),
  d('scheduled-and-deferred', '(sleep 300 && kubectl --context prod-eu delete namespace payments) & disown'),
  d('scheduled-and-deferred', 'sleep 7200 && terraform -chdir=infra/prod destroy -auto-approve &'),
  d(
    'scheduled-and-deferred',
    `kubectl --context prod-eu apply -f - <<'EOF'
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
              envFrom:
                - secretRef:
                    name: payments-db-admin
              command: ["psql", "-d", "postgres", "-c", "DROP DATABASE payments WITH (FORCE)"]
EOF`,
  ),
  d(
    'scheduled-and-deferred',
    'kubectl --context prod-eu -n payments run flush-sessions --image=redis:7 --restart=Never -- redis-cli -h redis-master.payments.svc.cluster.local FLUSHALL',
  ),
  d(
    'scheduled-and-deferred',
    `aws scheduler create-schedule --name drop-orders --schedule-expression 'at(2026-12-02T03:00:00)' --flexible-time-window Mode=OFF --target '{"Arn":"arn:aws:scheduler:::aws-sdk:dynamodb:deleteTable","RoleArn":"arn:aws:iam::123456789012:role/scheduler-admin","Input":"{\\"TableName\\":\\"prod-orders\\"}"}' --profile prod`,
  ),
  d(
    'scheduled-and-deferred',
    'gcloud scheduler jobs create http delete-prod-api-1 --schedule="0 4 * * *" --uri=https://compute.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-b/instances/prod-api-1 --http-method=DELETE --oauth-service-account-email=ops@acme-prod.iam.gserviceaccount.com --location=europe-west1 --project=acme-prod',
  ),
  d('scheduled-and-deferred', `echo 'wipefs -a /dev/sdb' | sudo at now + 30 minutes`),
  d(
    'scheduled-and-deferred',
    `ssh prod-db-1 "sudo systemd-run --on-calendar='Sun 03:00' --unit=weekly-reset runuser -u postgres -- dropdb orders"`,
  ),
  h('scheduled-and-deferred', 'systemctl list-timers --all'),
  h('scheduled-and-deferred', 'crontab -l'),
  h('scheduled-and-deferred', 'sudo crontab -u backup -l'),
  h('scheduled-and-deferred', 'atq'),
  h('scheduled-and-deferred', 'at -c 12'),
  h(
    'scheduled-and-deferred',
    `at now + 15 minutes <<'EOF'
curl -s https://api.acme.io/health >> /tmp/health.log
EOF`,
  ),
  h(
    'scheduled-and-deferred',
    `(crontab -l 2>/dev/null; echo '*/10 * * * * df -h / >> /home/dev/disk-usage.log') | crontab -`,
  ),
  h('scheduled-and-deferred', `systemd-run --user --on-active=10m notify-send 'stand-up in 5 minutes'`),
  h(
    'scheduled-and-deferred',
    `sudo systemd-run --on-calendar='*-*-* 02:30:00' --unit=pg-nightly-dump runuser -u postgres -- pg_dumpall -f /var/backups/pg/nightly.sql`,
  ),
  h('scheduled-and-deferred', 'nohup npm run build > build.log 2>&1 &'),
  h('scheduled-and-deferred', 'sleep 30 && curl -sf http://localhost:3000/health'),
  h('scheduled-and-deferred', '(sleep 600 && rm -rf /tmp/build-cache-dev) &'),
  h('scheduled-and-deferred', 'kubectl --context prod-eu get cronjobs -A'),
  h(
    'scheduled-and-deferred',
    'kubectl --context prod-eu -n payments create job manual-report-20261201 --from=cronjob/daily-report',
  ),
  h('scheduled-and-deferred', 'aws scheduler list-schedules --profile prod'),
  h('scheduled-and-deferred', 'gcloud scheduler jobs list --location=europe-west1 --project=acme-prod'),
  h(
    'scheduled-and-deferred',
    'kubectl --context kind-dev run scratch --image=busybox --restart=Never --rm -it -- rm -rf /tmp/cache',
  ),

  // ── dns-and-traffic ───────────────────────────────────────────────────────────────────────────────
  d(
    'dns-and-traffic',
    `aws route53 change-resource-record-sets --hosted-zone-id Z0123456789ABCDEFGHIJ --change-batch '{"Changes":[{"Action":"DELETE","ResourceRecordSet":{"Name":"api.acme.io","Type":"A","TTL":300,"ResourceRecords":[{"Value":"52.18.44.10"}]}}]}' --profile prod`,
  ),
  d(
    'dns-and-traffic',
    `aws route53 change-resource-record-sets --hosted-zone-id Z0123456789ABCDEFGHIJ --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"login.acme.io","Type":"A","TTL":60,"ResourceRecords":[{"Value":"203.0.113.66"}]}}]}'`,
    { env: { AWS_PROFILE: 'production' } },
  ),
  d(
    'dns-and-traffic',
    'gcloud dns record-sets delete www.acme.io. --type=CNAME --zone=acme-io --project=acme-prod',
  ),
  d(
    'dns-and-traffic',
    'gcloud dns record-sets update api.acme.io. --type=A --ttl=300 --rrdatas=198.51.100.99 --zone=acme-io --project=acme-prod',
  ),
  d('dns-and-traffic', 'az network dns record-set a delete -g prod-rg -z acme.io -n api --yes'),
  d(
    'dns-and-traffic',
    `curl -X DELETE "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records/372e67954025e0ba6aaa6d586b9e0b59" -H "Authorization: Bearer $CF_API_TOKEN"`,
  ),
  d(
    'dns-and-traffic',
    `curl -s -X PATCH "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records/8d1f0c2b3a4e5f6071829a3b4c5d6e7f" -H "Authorization: Bearer $CF_API_TOKEN" -H 'Content-Type: application/json' --data '{"content":"203.0.113.66"}'`,
  ),
  d('dns-and-traffic', 'flarectl dns delete --zone acme.io --id 372e67954025e0ba6aaa6d586b9e0b59'),
  d(
    'dns-and-traffic',
    'aws elbv2 delete-listener --listener-arn arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/prod-web/50dc6c495c0c9188/f2f7dc8efc522ab2 --profile prod',
  ),
  d(
    'dns-and-traffic',
    'gcloud compute forwarding-rules delete prod-https-fr --global --project=acme-prod --quiet',
  ),
  d(
    'dns-and-traffic',
    `aws cloudfront get-distribution-config --id E2QWRUHAPOMQZL --profile prod > /tmp/dist.json && jq '.DistributionConfig.Enabled = false | .DistributionConfig' /tmp/dist.json > /tmp/disabled.json && aws cloudfront update-distribution --id E2QWRUHAPOMQZL --if-match "$(jq -r .ETag /tmp/dist.json)" --distribution-config file:///tmp/disabled.json --profile prod`,
  ),
  d('dns-and-traffic', 'az cdn endpoint stop -g prod-rg --profile-name acme-prod-cdn -n acme-www'),
  d(
    'dns-and-traffic',
    `ssh prod-web-1 'sudo certbot revoke --cert-name api.acme.io --reason keycompromise --non-interactive'`,
  ),
  d('dns-and-traffic', 'kubectl --context prod-eu -n payments delete ingress payments-api'),
  d('dns-and-traffic', 'kubectl --context prod-eu delete svc checkout -n shop'),
  d('dns-and-traffic', `ssh prod-app-1 "echo '203.0.113.66 api.stripe.com' | sudo tee -a /etc/hosts"`),
  d('dns-and-traffic', `ssh prod-web-2 'echo nameserver 203.0.113.53 | sudo tee /etc/resolv.conf'`),
  h('dns-and-traffic', 'dig +short api.acme.io @1.1.1.1'),
  h(
    'dns-and-traffic',
    'aws route53 list-resource-record-sets --hosted-zone-id Z0123456789ABCDEFGHIJ --profile prod',
  ),
  h(
    'dns-and-traffic',
    `aws route53 change-resource-record-sets --hosted-zone-id Z0987654321DEVACMEIO --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"preview-42.dev.acme.io","Type":"CNAME","TTL":300,"ResourceRecords":[{"Value":"preview-42.vercel-dns.com"}]}}]}' --profile dev`,
  ),
  h(
    'dns-and-traffic',
    'aws route53 test-dns-answer --hosted-zone-id Z0123456789ABCDEFGHIJ --record-name api.acme.io --record-type A --profile prod',
  ),
  h('dns-and-traffic', 'gcloud dns record-sets list --zone=acme-io --project=acme-prod'),
  h('dns-and-traffic', 'az network dns record-set a show -g prod-rg -z acme.io -n api'),
  h(
    'dns-and-traffic',
    `curl -s "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records?type=A" -H "Authorization: Bearer $CF_API_TOKEN"`,
  ),
  h('dns-and-traffic', 'flarectl dns list --zone acme.io'),
  h(
    'dns-and-traffic',
    'aws elbv2 describe-target-health --target-group-arn arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/prod-api/73e2d6bc24d8a067 --profile prod',
  ),
  h(
    'dns-and-traffic',
    `aws cloudfront create-invalidation --distribution-id E2QWRUHAPOMQZL --paths '/*' --profile prod`,
  ),
  h('dns-and-traffic', 'aws acm list-certificates --certificate-statuses ISSUED --profile prod'),
  h('dns-and-traffic', `ssh prod-web-1 'sudo certbot certificates'`),
  h('dns-and-traffic', `ssh prod-web-1 'sudo certbot renew --dry-run'`),
  h('dns-and-traffic', 'kubectl --context prod-eu get certificates -A'),
  h('dns-and-traffic', 'kubectl --context kind-dev -n payments delete ingress payments-api'),
  h('dns-and-traffic', `echo '127.0.0.1 api.local.test' | sudo tee -a /etc/hosts`),
  h(
    'dns-and-traffic',
    'openssl s_client -connect api.acme.io:443 -servername api.acme.io </dev/null 2>/dev/null | openssl x509 -noout -dates',
  ),

  // ── access-and-identity ───────────────────────────────────────────────────────────────────────────
  d(
    'access-and-identity',
    'aws iam attach-role-policy --role-name prod-lambda-exec --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile prod',
  ),
  d('access-and-identity', 'aws iam create-access-key --user-name alice.admin --profile prod'),
  d(
    'access-and-identity',
    'aws iam deactivate-mfa-device --user-name ops-admin --serial-number arn:aws:iam::123456789012:mfa/ops-admin --profile prod',
  ),
  d(
    'access-and-identity',
    'gcloud iam service-accounts delete payments-api@acme-prod.iam.gserviceaccount.com --project=acme-prod --quiet',
  ),
  d(
    'access-and-identity',
    'gcloud storage buckets add-iam-policy-binding gs://acme-prod-db-exports --member=allUsers --role=roles/storage.objectViewer',
  ),
  d(
    'access-and-identity',
    `aws lambda add-permission --function-name prod-payments-refund --statement-id public-invoke --action lambda:InvokeFunction --principal '*' --profile prod`,
  ),
  d(
    'access-and-identity',
    'gcloud secrets add-iam-policy-binding prod-db-password --member=allAuthenticatedUsers --role=roles/secretmanager.secretAccessor --project=acme-prod',
  ),
  d(
    'access-and-identity',
    'az role assignment create --assignee 0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e --role Owner --scope /subscriptions/7c1e9a52-3f4b-4d2a-9e61-0b8d5a7f2c13',
  ),
  d(
    'access-and-identity',
    'kubectl --context prod-eu create clusterrolebinding anon-admin --clusterrole=cluster-admin --user=system:anonymous',
  ),
  d('access-and-identity', 'gh api -X DELETE repos/acme/payments-api/branches/main/protection'),
  d('access-and-identity', 'gh api --method DELETE repos/acme/payments-api/rulesets/1234567'),
  d(
    'access-and-identity',
    'gh api -X PUT repos/acme/payments-api/collaborators/random-dev-2024 -f permission=admin',
  ),
  d('access-and-identity', 'aws iam delete-account-password-policy --profile prod'),
  d(
    'access-and-identity',
    `ssh root@prod-db-1 "echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOx3nZk4fKq8w2m1s9pY7vT helper@laptop' >> ~/.ssh/authorized_keys"`,
  ),
  d(
    'access-and-identity',
    `echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7qLm2Xw9rT4kZp8NcV1sHj support@remote-help' >> /home/dev/.ssh/authorized_keys`,
  ),
  d(
    'access-and-identity',
    'gcloud resource-manager org-policies disable-enforce iam.disableServiceAccountKeyCreation --project=acme-prod',
  ),
  d(
    'access-and-identity',
    `ssh prod-bastion-1 "sudo sed -i 's/^PasswordAuthentication no/PasswordAuthentication yes/; s/^PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config && sudo systemctl reload sshd"`,
  ),
  h('access-and-identity', 'aws iam get-account-password-policy --profile prod'),
  h('access-and-identity', 'aws iam list-access-keys --user-name alice.admin --profile prod'),
  h('access-and-identity', 'aws iam list-mfa-devices --user-name ops-admin --profile prod'),
  h(
    'access-and-identity',
    'aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::123456789012:role/prod-lambda-exec --action-names s3:DeleteObject --profile prod',
  ),
  h(
    'access-and-identity',
    'aws iam attach-role-policy --role-name dev-lambda-exec --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess --profile dev',
  ),
  h(
    'access-and-identity',
    'gcloud iam service-accounts describe payments-api@acme-prod.iam.gserviceaccount.com --project=acme-prod',
  ),
  h('access-and-identity', 'gcloud storage buckets get-iam-policy gs://acme-prod-db-exports'),
  h(
    'access-and-identity',
    'gcloud projects add-iam-policy-binding acme-dev --member=user:alice@acme.com --role=roles/viewer',
  ),
  h(
    'access-and-identity',
    'az role assignment list --scope /subscriptions/7c1e9a52-3f4b-4d2a-9e61-0b8d5a7f2c13 --role Owner -o table',
  ),
  h(
    'access-and-identity',
    'kubectl --context prod-eu auth can-i --list --as=system:serviceaccount:payments:default',
  ),
  h('access-and-identity', 'kubectl --context prod-eu get clusterrolebindings -o wide'),
  h('access-and-identity', 'gh api repos/acme/payments-api/branches/main/protection'),
  h('access-and-identity', 'gh api repos/acme/payments-api/rulesets'),
  h('access-and-identity', `gh api repos/acme/payments-api/collaborators --jq '.[].login'`),
  h('access-and-identity', `ssh prod-db-1 'ssh-keygen -lf ~/.ssh/authorized_keys'`),
  h(
    'access-and-identity',
    'gcloud resource-manager org-policies describe iam.disableServiceAccountKeyCreation --project=acme-prod --effective',
  ),
  h(
    'access-and-identity',
    `ssh prod-bastion-1 "sudo sshd -T | grep -Ei 'passwordauthentication|permitrootlogin'"`,
  ),

  // ── hosts-disks-processes ─────────────────────────────────────────────────────────────────────────
  d('hosts-disks-processes', `ssh prod-db-2 'sudo killall -9 mysqld'`),
  d('hosts-disks-processes', `ssh prod-db-1 'sudo reboot'`),
  d('hosts-disks-processes', `ssh prod-web-4 'sudo systemctl poweroff'`),
  d('hosts-disks-processes', `ssh prod-api-3 "echo b | sudo tee /proc/sysrq-trigger"`),
  d('hosts-disks-processes', `sudo sh -c 'echo o > /proc/sysrq-trigger'`),
  d('hosts-disks-processes', `ssh prod-db-1 'sudo nmcli connection down "System eth0"'`),
  d('hosts-disks-processes', `ssh prod-api-2 'sudo tc qdisc add dev eth0 root netem loss 100%'`),
  d('hosts-disks-processes', `ssh prod-nat-1 'sudo sysctl -w net.ipv4.ip_forward=0'`),
  d('hosts-disks-processes', `ssh prod-db-1 'sudo umount -l /var/lib/postgresql'`),
  d('hosts-disks-processes', ':(){ :|:& };:'),
  d('hosts-disks-processes', 'sudo wipefs --all --force /dev/sdb'),
  d('hosts-disks-processes', 'sudo sgdisk --zap-all /dev/nvme0n1'),
  d('hosts-disks-processes', `ssh prod-db-2 'sudo mkfs.xfs -f /dev/nvme1n1'`),
  d('hosts-disks-processes', 'sudo blkdiscard -f /dev/nvme1n1'),
  d('hosts-disks-processes', 'sudo dd if=/dev/zero of=/var/tmp/fill.bin bs=1M status=progress'),
  d(
    'hosts-disks-processes',
    `ssh prod-api-1 'echo 1 | sudo tee /sys/fs/cgroup/system.slice/api.service/cgroup.freeze'`,
  ),
  d('hosts-disks-processes', 'docker kill $(docker ps -q)', {
    env: { DOCKER_HOST: 'ssh://prod-docker-1' },
  }),
  h('hosts-disks-processes', `ssh prod-db-1 'uptime && who -b'`),
  h('hosts-disks-processes', `ssh prod-db-1 'sudo shutdown -c'`),
  h('hosts-disks-processes', `ssh prod-api-2 'tc qdisc show dev eth0'`),
  h('hosts-disks-processes', 'sudo tc qdisc add dev lo root netem delay 100ms'),
  h('hosts-disks-processes', `ssh prod-db-1 'ps -eo pid,comm,%cpu,%mem --sort=-%cpu | head -20'`),
  h('hosts-disks-processes', `ssh prod-db-1 'sudo systemctl reload postgresql'`),
  h('hosts-disks-processes', `pkill -f 'vite --port 5173'`),
  h('hosts-disks-processes', `ssh prod-web-1 'sudo systemctl reload nginx'`),
  h('hosts-disks-processes', `ssh prod-nat-1 'sysctl net.ipv4.ip_forward vm.swappiness'`),
  h('hosts-disks-processes', 'lsblk -f'),
  h('hosts-disks-processes', 'sudo wipefs /dev/sdb'),
  h('hosts-disks-processes', 'sudo sgdisk --print /dev/nvme0n1'),
  h('hosts-disks-processes', 'sudo dd if=/dev/nvme0n1 of=/tmp/nvme0n1-mbr.img bs=512 count=1'),
  h(
    'hosts-disks-processes',
    'dd if=/dev/zero of=/tmp/test.img bs=1M count=512 && mkfs.ext4 -F /tmp/test.img',
  ),
  h('hosts-disks-processes', 'fallocate -l 1G /tmp/swap-test.img'),
  h('hosts-disks-processes', `ssh prod-db-1 'df -h /var/lib/postgresql && findmnt /var/lib/postgresql'`),
  h('hosts-disks-processes', 'docker ps --format "{{.Names}}\\t{{.Status}}"', {
    env: { DOCKER_HOST: 'ssh://prod-docker-1' },
  }),
];
