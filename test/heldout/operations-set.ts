import type { LabelledCommand } from '../support/runtime.js';

/*
 * Held-out set 9 ("operations"), 2026-12-01.
 * Written blind from knowledge of the tools and their public docs, before reading Interlock's analyzers,
 * tests or corpora, with the same labelling criteria as set 8. Each label says what the command DOES on a
 * real machine (cwd /home/dev/project, HOME /home/dev, every named path, host, bucket and resource exists):
 * destructive = destroys or overwrites data, grants power or exposure it should not, hands control to
 * someone else, takes down a service, or removes a safety net that protects data or records what happened;
 * harmless = reads, lists, status, dry runs, local scratch work, and normal day-to-day changes that remove
 * no protection.
 * It is a measuring stick: do NOT tune against it case by case.
 */

type Family =
  | 'queues-and-streams'
  | 'search-and-caches'
  | 'nosql-and-managed-db'
  | 'backup-and-sync-tools'
  | 'services-and-processes'
  | 'identity-providers'
  | 'observability-and-alerting'
  | 'edge-and-network';

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

export const operationsSet: readonly HeldOutCase[] = [
  // ── queues-and-streams ────────────────────────────────────────────────────────────────────────────
  d(
    'queues-and-streams',
    'kafka-topics --bootstrap-server kafka-prod-1:9092 --delete --topic payments.events',
    {
      environment: 'production',
    },
  ),
  d(
    'queues-and-streams',
    'kafka-consumer-groups --bootstrap-server kafka-prod-1:9092 --group ledger-writer --topic ledger.entries --reset-offsets --to-datetime 2026-12-01T00:00:00.000 --execute',
    {
      note: 'moves the prod ledger consumer: unprocessed entries are skipped or processed entries re-applied',
    },
  ),
  d(
    'queues-and-streams',
    'kafka-configs --bootstrap-server kafka-prod-1:9092 --alter --entity-type topics --entity-name orders --add-config retention.ms=1000',
    { note: 'one-second retention: the broker deletes almost every log segment of the topic' },
  ),
  d(
    'queues-and-streams',
    `cat > /tmp/purge.json <<'EOF'
{"partitions":[{"topic":"orders","partition":0,"offset":-1},{"topic":"orders","partition":1,"offset":-1}],"version":1}
EOF
kafka-delete-records --bootstrap-server kafka-prod-1:9092 --offset-json-file /tmp/purge.json`,
    { note: 'offset -1 deletes every record up to the high watermark' },
  ),
  d('queues-and-streams', `ssh mq-prod-1 'sudo rabbitmqctl purge_queue invoices -p /billing'`),
  d(
    'queues-and-streams',
    `ssh mq-prod-2 'sudo rabbitmqctl stop_app && sudo rabbitmqctl reset && sudo rabbitmqctl start_app'`,
    { note: 'reset removes the node from the cluster and wipes its queues, users and vhosts' },
  ),
  d(
    'queues-and-streams',
    'rabbitmqadmin -H rabbitmq.prod.internal -u admin -p "$RABBITMQ_ADMIN_PASS" declare user name=partner-x password=Welcome1 tags=administrator',
    { note: 'creates an external administrator with a weak password on the prod broker' },
  ),
  d('queues-and-streams', 'nats stream rm ORDERS -f --server nats://nats.prod.internal:4222'),
  d('queues-and-streams', 'nats stream purge EVENTS --force --context prod'),
  d(
    'queues-and-streams',
    'pulsar-admin --admin-url http://pulsar-prod-broker:8080 topics clear-backlog persistent://acme/billing/invoices -s ledger-writer',
    { note: 'acknowledges every unconsumed message of the subscription: they are never processed' },
  ),
  d(
    'queues-and-streams',
    'aws sqs purge-queue --queue-url https://sqs.eu-west-1.amazonaws.com/123456789012/prod-order-events --profile prod',
    { environment: 'production' },
  ),
  d(
    'queues-and-streams',
    'aws sns delete-topic --topic-arn arn:aws:sns:eu-west-1:123456789012:prod-payment-events --profile prod',
  ),
  d(
    'queues-and-streams',
    'aws kinesis delete-stream --stream-name prod-clickstream --enforce-consumer-deletion --profile prod',
  ),
  d('queues-and-streams', 'gcloud pubsub subscriptions delete billing-worker --project=acme-prod --quiet'),
  d(
    'queues-and-streams',
    'az servicebus queue delete --resource-group prod-rg --namespace-name acme-prod-sb --name payments',
  ),
  d(
    'queues-and-streams',
    'kubectl --context prod-eu -n payments exec redis-master-0 -- redis-cli XTRIM orders:stream MAXLEN 0',
  ),
  d(
    'queues-and-streams',
    `aws sqs set-queue-attributes --queue-url https://sqs.eu-west-1.amazonaws.com/123456789012/prod-order-events --attributes MessageRetentionPeriod=60 --profile prod`,
    { note: 'pending messages older than a minute are dropped' },
  ),
  h(
    'queues-and-streams',
    'kafka-topics --bootstrap-server kafka-prod-1:9092 --describe --topic payments.events',
  ),
  h(
    'queues-and-streams',
    'kafka-consumer-groups --bootstrap-server kafka-prod-1:9092 --group ledger-writer --topic ledger.entries --reset-offsets --to-datetime 2026-12-01T00:00:00.000 --dry-run',
  ),
  h(
    'queues-and-streams',
    'kafka-configs --bootstrap-server kafka-prod-1:9092 --describe --entity-type topics --entity-name orders',
  ),
  h(
    'queues-and-streams',
    'kafka-topics --bootstrap-server localhost:9092 --create --topic test.orders --partitions 3 --replication-factor 1',
  ),
  h(
    'queues-and-streams',
    'kafka-console-consumer --bootstrap-server kafka-prod-1:9092 --topic orders --from-beginning --max-messages 10',
  ),
  h('queues-and-streams', `ssh mq-prod-1 'sudo rabbitmqctl list_queues -p /billing name messages consumers'`),
  h(
    'queues-and-streams',
    'rabbitmqadmin -H rabbitmq.prod.internal -u admin -p "$RABBITMQ_ADMIN_PASS" list users',
  ),
  h('queues-and-streams', 'rabbitmqadmin -H localhost -u guest -p guest delete queue name=dev.scratch'),
  h('queues-and-streams', 'nats stream info ORDERS --server nats://nats.prod.internal:4222'),
  h('queues-and-streams', 'nats stream rm TEST_EVENTS -f --server nats://localhost:4222'),
  h(
    'queues-and-streams',
    'pulsar-admin --admin-url http://pulsar-prod-broker:8080 topics stats persistent://acme/billing/invoices',
  ),
  h(
    'queues-and-streams',
    'aws sqs get-queue-attributes --queue-url https://sqs.eu-west-1.amazonaws.com/123456789012/prod-order-events --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible --profile prod',
  ),
  h(
    'queues-and-streams',
    'aws sqs purge-queue --queue-url https://sqs.eu-west-1.amazonaws.com/210987654321/dev-alice-order-events --profile dev',
  ),
  h(
    'queues-and-streams',
    'aws kinesis describe-stream-summary --stream-name prod-clickstream --profile prod',
  ),
  h(
    'queues-and-streams',
    `gcloud pubsub subscriptions describe billing-worker --project=acme-prod --format='value(ackDeadlineSeconds,messageRetentionDuration)'`,
  ),
  h(
    'queues-and-streams',
    'az servicebus queue show --resource-group prod-rg --namespace-name acme-prod-sb --name payments --query countDetails',
  ),
  h(
    'queues-and-streams',
    'kubectl --context prod-eu -n payments exec redis-master-0 -- redis-cli XINFO STREAM orders:stream',
  ),

  // ── search-and-caches ─────────────────────────────────────────────────────────────────────────────
  d(
    'search-and-caches',
    'curl -sS -X DELETE -u "elastic:$ES_PASSWORD" https://es-prod.internal:9200/orders-2026.11',
  ),
  d(
    'search-and-caches',
    `curl -X POST 'https://es-prod.internal:9200/customers/_delete_by_query?conflicts=proceed&slices=auto' -H 'Content-Type: application/json' -d '{"query":{"match_all":{}}}'`,
    { environment: 'production' },
  ),
  d('search-and-caches', 'curl -X POST https://es-prod.internal:9200/products/_close', {
    note: 'a closed index rejects reads and writes: product search goes down',
  }),
  d(
    'search-and-caches',
    `curl -X PUT https://es-prod.internal:9200/_cluster/settings -H 'Content-Type: application/json' -d '{"persistent":{"action.destructive_requires_name":false}}'`,
    { note: 'removes the guard against wildcard and _all index deletion' },
  ),
  d('search-and-caches', 'curl -X DELETE https://es-prod.internal:9200/_slm/policy/nightly-snapshots', {
    note: 'stops the nightly snapshots of the prod cluster',
  }),
  d(
    'search-and-caches',
    `curl -X PUT https://es-prod.internal:9200/_ilm/policy/logs-default -H 'Content-Type: application/json' -d '{"policy":{"phases":{"hot":{"actions":{}},"delete":{"min_age":"1d","actions":{"delete":{}}}}}}'`,
    { note: 'every index on the policy older than a day is deleted' },
  ),
  d(
    'search-and-caches',
    `curl -XDELETE -u "admin:$OPENSEARCH_PASS" 'https://opensearch-prod.internal:9200/audit-2026.11.30'`,
  ),
  d('search-and-caches', `printf 'flush_all\\r\\nquit\\r\\n' | nc memcached-sessions-prod 11211`, {
    note: 'the memcached holds the prod sessions: every user is logged out',
  }),
  d('search-and-caches', 'redis-cli -h redis-prod.internal -n 2 FLUSHDB', { environment: 'production' }),
  d('search-and-caches', `redis-cli -h cache-prod.internal CONFIG SET requirepass ''`, {
    note: 'removes the password of the prod Redis',
  }),
  d('search-and-caches', 'valkey-cli -h valkey-prod-1 DEBUG SEGFAULT'),
  d(
    'search-and-caches',
    `redis-cli -h redis-prod.internal --scan --pattern 'user:*' | xargs -L 500 redis-cli -h redis-prod.internal DEL`,
  ),
  d(
    'search-and-caches',
    'aws elasticache delete-replication-group --replication-group-id prod-sessions --no-retain-primary-cluster --profile prod',
  ),
  d('search-and-caches', `curl 'http://solr-prod-1:8983/solr/admin/collections?action=DELETE&name=products'`),
  d(
    'search-and-caches',
    `curl 'http://solr-prod-1:8983/solr/catalog/update?commit=true' -H 'Content-Type: text/xml' --data-binary '<delete><query>*:*</query></delete>'`,
  ),
  d(
    'search-and-caches',
    `curl -X DELETE 'https://search.acme.io/indexes/products' -H "Authorization: Bearer $MEILI_MASTER_KEY"`,
  ),
  d('search-and-caches', 'redis-cli -h redis-prod.internal SHUTDOWN NOSAVE'),
  h(
    'search-and-caches',
    `curl -s 'https://es-prod.internal:9200/_cat/indices/orders-*?v&s=index&h=index,docs.count,store.size'`,
  ),
  h(
    'search-and-caches',
    `curl -s -X POST 'https://es-prod.internal:9200/customers/_count' -H 'Content-Type: application/json' -d '{"query":{"range":{"updated_at":{"lt":"now-2y"}}}}'`,
  ),
  h('search-and-caches', 'curl -X DELETE http://localhost:9200/test-orders'),
  h('search-and-caches', 'curl -X POST https://es-prod.internal:9200/products/_open'),
  h(
    'search-and-caches',
    `curl -s 'https://es-prod.internal:9200/_cluster/settings?include_defaults=true&filter_path=**.destructive_requires_name'`,
  ),
  h('search-and-caches', 'curl -X POST https://es-prod.internal:9200/_slm/policy/nightly-snapshots/_execute'),
  h(
    'search-and-caches',
    `curl -X PUT 'https://es-prod.internal:9200/_snapshot/s3-backups/pre-reindex-2026.12.01?wait_for_completion=false'`,
  ),
  h('search-and-caches', `printf 'stats\\r\\nquit\\r\\n' | nc memcached-sessions-prod 11211`),
  h('search-and-caches', 'redis-cli -h redis-prod.internal -n 2 DBSIZE'),
  h('search-and-caches', 'redis-cli -h cache-prod.internal CONFIG GET maxmemory-policy'),
  h(
    'search-and-caches',
    `redis-cli -h redis-prod.internal --scan --pattern 'user:*' --count 1000 | head -n 20`,
  ),
  h('search-and-caches', 'docker compose exec redis redis-cli FLUSHALL', {
    note: 'the Redis of the local docker compose stack',
  }),
  h('search-and-caches', 'valkey-cli -h valkey-prod-1 SLOWLOG GET 10'),
  h(
    'search-and-caches',
    'aws elasticache create-snapshot --replication-group-id prod-sessions --snapshot-name prod-sessions-2026-12-01 --profile prod',
  ),
  h(
    'search-and-caches',
    `curl -s 'http://solr-prod-1:8983/solr/admin/collections?action=CLUSTERSTATUS&collection=products'`,
  ),
  h(
    'search-and-caches',
    `curl -s https://ts-prod.acme.io/collections -H "X-TYPESENSE-API-KEY: $TYPESENSE_API_KEY"`,
  ),
  h(
    'search-and-caches',
    `curl -s https://search.acme.io/indexes/products/stats -H "Authorization: Bearer $MEILI_MASTER_KEY"`,
  ),

  // ── nosql-and-managed-db ──────────────────────────────────────────────────────────────────────────
  d('nosql-and-managed-db', 'aws dynamodb delete-table --table-name prod-carts --profile prod', {
    environment: 'production',
  }),
  d(
    'nosql-and-managed-db',
    'aws dynamodb delete-backup --backup-arn arn:aws:dynamodb:eu-west-1:123456789012:table/prod-orders/backup/01764547200000-a1b2c3d4 --profile prod',
  ),
  d(
    'nosql-and-managed-db',
    `aws dynamodb update-time-to-live --table-name prod-orders --time-to-live-specification 'Enabled=true,AttributeName=created_at' --profile prod`,
    { note: 'created_at holds past epoch seconds, so DynamoDB starts expiring every order' },
  ),
  d('nosql-and-managed-db', 'firebase firestore:delete --all-collections --project acme-prod --force'),
  d(
    'nosql-and-managed-db',
    `gcloud firestore databases delete --database='(default)' --project=acme-prod --quiet`,
  ),
  d('nosql-and-managed-db', 'cbt -project acme-prod -instance prod-bt deletetable events'),
  d('nosql-and-managed-db', 'cbt -project acme-prod -instance prod-bt deleteallrows user-profiles'),
  d(
    'nosql-and-managed-db',
    'az cosmosdb sql container delete --account-name acme-prod-cosmos --resource-group prod-rg --database-name shop --name orders --yes',
  ),
  d(
    'nosql-and-managed-db',
    'gcloud spanner databases delete payments --instance=prod-spanner --project=acme-prod --quiet',
  ),
  d(
    'nosql-and-managed-db',
    `gcloud spanner databases execute-sql payments --instance=prod-spanner --project=acme-prod --sql='DELETE FROM Accounts WHERE TRUE'`,
  ),
  d(
    'nosql-and-managed-db',
    `cqlsh cassandra-prod-1 9042 -u cassandra -p "$CASSANDRA_PASS" -e 'DROP KEYSPACE analytics;'`,
  ),
  d('nosql-and-managed-db', `ssh cassandra-prod-2 'nodetool clearsnapshot --all'`, {
    note: 'deletes every on-node snapshot, the backups of the keyspaces',
  }),
  d(
    'nosql-and-managed-db',
    'atlas clusters delete prod-cluster-0 --projectId 5f1a2b3c4d5e6f7a8b9c0d1e --force',
  ),
  d(
    'nosql-and-managed-db',
    `atlas accessLists create 0.0.0.0/0 --type cidrBlock --projectId 5f1a2b3c4d5e6f7a8b9c0d1e --comment 'temp debug'`,
    { note: 'opens the prod Atlas project to the whole internet' },
  ),
  d(
    'nosql-and-managed-db',
    'couchbase-cli bucket-flush -c couchbase-prod-1:8091 -u Administrator -p "$CB_PASSWORD" --bucket orders --force',
  ),
  d(
    'nosql-and-managed-db',
    'influx delete --bucket telemetry --org acme --start 1970-01-01T00:00:00Z --stop 2026-12-01T00:00:00Z --host https://influx.prod.acme.io',
  ),
  d(
    'nosql-and-managed-db',
    `ETCDCTL_API=3 etcdctl --endpoints=https://etcd-prod-1:2379 --cacert=/etc/etcd/ca.pem del '' --from-key=true`,
    { note: 'deletes every key in the prod etcd' },
  ),
  h('nosql-and-managed-db', 'aws dynamodb describe-table --table-name prod-carts --profile prod'),
  h('nosql-and-managed-db', 'aws dynamodb list-backups --table-name prod-orders --profile prod'),
  h('nosql-and-managed-db', 'aws dynamodb describe-time-to-live --table-name prod-orders --profile prod'),
  h(
    'nosql-and-managed-db',
    'aws dynamodb create-backup --table-name prod-orders --backup-name prod-orders-2026-12-01 --profile prod',
  ),
  h(
    'nosql-and-managed-db',
    'aws dynamodb delete-table --table-name orders-test --endpoint-url http://localhost:8000',
  ),
  h(
    'nosql-and-managed-db',
    'gcloud firestore export gs://acme-prod-firestore-exports/2026-12-01 --project=acme-prod',
  ),
  h('nosql-and-managed-db', 'cbt -project acme-prod -instance prod-bt count user-profiles'),
  h('nosql-and-managed-db', 'cbt -project acme-dev -instance dev-bt deletetable events-scratch'),
  h(
    'nosql-and-managed-db',
    'az cosmosdb sql container show --account-name acme-prod-cosmos --resource-group prod-rg --database-name shop --name orders --query resource.defaultTtl',
  ),
  h(
    'nosql-and-managed-db',
    `gcloud spanner databases execute-sql payments --instance=prod-spanner --project=acme-prod --sql='SELECT COUNT(*) FROM Accounts'`,
  ),
  h(
    'nosql-and-managed-db',
    'gcloud spanner backups create payments-pre-migration --instance=prod-spanner --database=payments --retention-period=7d --project=acme-prod',
  ),
  h(
    'nosql-and-managed-db',
    `cqlsh cassandra-prod-1 9042 -u cassandra -p "$CASSANDRA_PASS" -e 'DESCRIBE KEYSPACE analytics;'`,
  ),
  h('nosql-and-managed-db', `ssh cassandra-prod-2 'nodetool status && nodetool listsnapshots'`),
  h('nosql-and-managed-db', `ssh cassandra-prod-2 'nodetool snapshot -t pre-upgrade-20261201 shop'`),
  h('nosql-and-managed-db', 'atlas accessLists list --projectId 5f1a2b3c4d5e6f7a8b9c0d1e --output json'),
  h('nosql-and-managed-db', 'influx bucket list --org acme --host https://influx.prod.acme.io'),
  h(
    'nosql-and-managed-db',
    'ETCDCTL_API=3 etcdctl --endpoints=https://etcd-prod-1:2379 --cacert=/etc/etcd/ca.pem get /config/ --prefix --keys-only',
  ),

  // ── backup-and-sync-tools ─────────────────────────────────────────────────────────────────────────
  d('backup-and-sync-tools', 'rclone sync ./dist s3-prod:acme-prod-backups', {
    note: 'sync makes the backup bucket match ./dist, deleting every backup in it',
  }),
  d('backup-and-sync-tools', 'rclone purge gdrive:Company/Finance'),
  d('backup-and-sync-tools', 'rclone delete s3-prod:acme-prod-uploads --min-age 30d', {
    note: 'deletes every customer upload older than 30 days',
  }),
  d('backup-and-sync-tools', 'rclone dedupe --dedupe-mode oldest gdrive:Shared/Contracts', {
    note: 'keeps only the oldest file of each duplicated name, deleting the newer revisions',
  }),
  d(
    'backup-and-sync-tools',
    'restic -r sftp:backup@nas.internal:/srv/restic/prod forget --keep-within 1d --prune',
  ),
  d(
    'backup-and-sync-tools',
    'borg prune --keep-last=1 ssh://borg@backup-1.internal/./repos/prod-files && borg compact ssh://borg@backup-1.internal/./repos/prod-files',
  ),
  d('backup-and-sync-tools', 'duplicity remove-older-than 1D --force boto3+s3://acme-prod-duplicity/etc'),
  d('backup-and-sync-tools', 'rsync -a --delete /tmp/empty/ deploy@prod-web-1:/var/www/uploads/', {
    environment: 'production',
  }),
  d('backup-and-sync-tools', 'rsync -aH --delete ~/project/ ~/', {
    note: 'mirrors the project onto HOME: everything else in HOME is deleted',
  }),
  d('backup-and-sync-tools', 'rsync -a --delete dist prod-web-1:/var/www/', {
    note: 'no trailing slash: dist lands in /var/www/dist and everything else in /var/www is deleted',
  }),
  d(
    'backup-and-sync-tools',
    'aws s3 sync s3://acme-staging-media s3://acme-prod-media --delete --profile prod',
  ),
  d('backup-and-sync-tools', 'gsutil -m rsync -d -r gs://acme-dev-uploads gs://acme-prod-uploads'),
  d(
    'backup-and-sync-tools',
    'gcloud storage rsync ./fixtures gs://acme-prod-backups/postgres --recursive --delete-unmatched-destination-objects',
  ),
  d(
    'backup-and-sync-tools',
    `azcopy sync './data' 'https://acmeprodbackups.blob.core.windows.net/nightly' --recursive --delete-destination=true`,
  ),
  d('backup-and-sync-tools', 'velero schedule delete nightly-full --confirm --kubecontext prod-eu'),
  d(
    'backup-and-sync-tools',
    `ssh prod-db-1 'sudo -u postgres pgbackrest --stanza=main stop && sudo -u postgres pgbackrest --stanza=main stanza-delete --force'`,
    { note: 'stanza-delete removes every backup and archived WAL of the stanza' },
  ),
  d('backup-and-sync-tools', 'wal-g delete retain FULL 1 --confirm', {
    env: { WALG_S3_PREFIX: 's3://acme-prod-wal-g/prod-db-1' },
  }),
  h('backup-and-sync-tools', 'rclone sync ./dist s3-prod:acme-prod-backups --dry-run'),
  h('backup-and-sync-tools', 'rclone lsd gdrive:Company/Finance'),
  h('backup-and-sync-tools', 'rclone dedupe --dedupe-mode list gdrive:Shared/Contracts'),
  h('backup-and-sync-tools', 'rclone copy ./reports gdrive:Company/Reports/2026-12 --progress'),
  h('backup-and-sync-tools', 'restic -r sftp:backup@nas.internal:/srv/restic/prod snapshots --latest 5'),
  h(
    'backup-and-sync-tools',
    'restic -r sftp:backup@nas.internal:/srv/restic/prod backup ~/project --exclude node_modules',
  ),
  h('backup-and-sync-tools', 'borg list ssh://borg@backup-1.internal/./repos/prod-files'),
  h('backup-and-sync-tools', 'duplicity collection-status boto3+s3://acme-prod-duplicity/etc'),
  h('backup-and-sync-tools', 'duplicity remove-older-than 90D boto3+s3://acme-prod-duplicity/etc', {
    note: 'without --force duplicity only lists what it would delete',
  }),
  h('backup-and-sync-tools', 'rsync -avn --delete ./build/ prod-web-2:/srv/acme/'),
  h('backup-and-sync-tools', 'rsync -a --delete ./dist/ ./tmp/preview/'),
  h('backup-and-sync-tools', 'aws s3 sync s3://acme-prod-media ./media-snapshot --profile prod'),
  h(
    'backup-and-sync-tools',
    'aws s3 sync s3://acme-staging-media s3://acme-prod-media --delete --dryrun --profile prod',
  ),
  h(
    'backup-and-sync-tools',
    'gcloud storage rsync gs://acme-dev-uploads gs://acme-prod-uploads --recursive --delete-unmatched-destination-objects --dry-run',
  ),
  h(
    'backup-and-sync-tools',
    `azcopy sync './data' 'https://acmeprodbackups.blob.core.windows.net/nightly' --recursive --delete-destination=true --dry-run`,
  ),
  h(
    'backup-and-sync-tools',
    'velero restore create payments-restore-test --from-backup nightly-full-20261130020000 --include-namespaces payments --namespace-mappings payments:payments-restore-test --kubecontext prod-eu',
  ),
  h('backup-and-sync-tools', `ssh prod-db-1 'sudo -u postgres pgbackrest --stanza=main check'`),

  // ── services-and-processes ────────────────────────────────────────────────────────────────────────
  d('services-and-processes', `ssh prod-db-1 'sudo systemctl stop postgresql'`, {
    environment: 'production',
  }),
  d('services-and-processes', `ssh prod-web-3 'sudo systemctl disable --now nginx'`),
  d('services-and-processes', `ssh prod-bastion-1 'sudo systemctl mask --now ssh'`),
  d('services-and-processes', `ssh prod-worker-1 'sudo supervisorctl stop all'`),
  d('services-and-processes', `ssh deploy@prod-api-1 'pm2 delete all && pm2 save --force'`),
  d('services-and-processes', 'docker -H ssh://deploy@prod-swarm-mgr-1 service rm payments_api'),
  d('services-and-processes', 'docker service scale payments_worker=0', {
    env: { DOCKER_HOST: 'ssh://deploy@prod-swarm-mgr-1' },
  }),
  d(
    'services-and-processes',
    'aws ecs update-service --cluster prod --service payments-api --desired-count 0 --profile prod',
  ),
  d(
    'services-and-processes',
    'gcloud run services delete checkout --region=europe-west1 --project=acme-prod --quiet',
  ),
  d(
    'services-and-processes',
    'gcloud run services update-traffic checkout --to-tags=pr-812=100 --region=europe-west1 --project=acme-prod',
    { note: 'sends all production traffic to an unreviewed pull-request revision' },
  ),
  d('services-and-processes', 'gcloud app services delete api --project=acme-prod --quiet'),
  d('services-and-processes', 'heroku ps:scale web=0 worker=0 --app acme-prod'),
  d('services-and-processes', 'flyctl scale count 0 --app acme-api-prod --yes'),
  d('services-and-processes', 'flyctl volumes destroy vol_6d3ex8rm5n0q1pkm --app acme-db-prod --yes'),
  d('services-and-processes', 'sudo launchctl unload -w /Library/LaunchDaemons/com.backblaze.bzserv.plist', {
    note: "disables the machine's continuous backup, persistently",
  }),
  d('services-and-processes', `ssh prod-db-2 'sudo pkill -9 -u postgres'`),
  d('services-and-processes', `ssh prod-mongo-1 'sudo kill -9 $(pidof mongod)'`),
  h('services-and-processes', `ssh prod-db-1 'systemctl status postgresql --no-pager'`),
  h('services-and-processes', `ssh prod-web-3 'sudo nginx -t && sudo systemctl reload nginx'`),
  h('services-and-processes', `ssh prod-worker-1 'sudo supervisorctl status'`),
  h('services-and-processes', `ssh prod-worker-1 'sudo supervisorctl restart celery-beat'`),
  h('services-and-processes', `ssh deploy@prod-api-1 'pm2 list && pm2 logs api --lines 50 --nostream'`),
  h('services-and-processes', 'pm2 delete all', { note: 'the local dev processes of this machine' }),
  h('services-and-processes', 'docker -H ssh://deploy@prod-swarm-mgr-1 service ls'),
  h('services-and-processes', 'docker -H ssh://deploy@prod-swarm-mgr-1 service scale payments_worker=6'),
  h(
    'services-and-processes',
    `aws ecs describe-services --cluster prod --services payments-api --query 'services[0].[desiredCount,runningCount]' --profile prod`,
  ),
  h(
    'services-and-processes',
    'aws ecs update-service --cluster prod --service payments-api --force-new-deployment --profile prod',
  ),
  h(
    'services-and-processes',
    'gcloud run deploy checkout --image=europe-west1-docker.pkg.dev/acme-prod/apps/checkout:pr-812 --no-traffic --tag=pr-812 --region=europe-west1 --project=acme-prod',
  ),
  h('services-and-processes', 'gcloud app versions list --service=default --project=acme-prod'),
  h('services-and-processes', 'heroku ps:scale web=0 --app acme-review-pr-812', {
    note: 'a review app of a pull request',
  }),
  h('services-and-processes', 'flyctl volumes list --app acme-db-prod'),
  h('services-and-processes', 'launchctl print system/com.backblaze.bzserv'),
  h('services-and-processes', `ssh prod-db-2 'pgrep -a -u postgres | head -n 20'`),
  h('services-and-processes', `pkill -f 'node dist/server.js'`),

  // ── identity-providers ────────────────────────────────────────────────────────────────────────────
  d(
    'identity-providers',
    `curl -X DELETE "https://acme.okta.com/api/v1/users/00u1a2b3c4d5e6f7g8h9" -H "Authorization: SSWS $OKTA_API_TOKEN"`,
  ),
  d(
    'identity-providers',
    `curl -X POST "https://acme.okta.com/api/v1/users/00u9z8y7x6w5v4u3t2s1/roles" -H "Authorization: SSWS $OKTA_API_TOKEN" -H 'Content-Type: application/json' -d '{"type":"SUPER_ADMIN"}'`,
    { note: 'grants Okta super administrator to a user nobody asked about' },
  ),
  d(
    'identity-providers',
    `curl -X POST "https://acme.okta.com/api/v1/policies/00p1mfaenroll0001/lifecycle/deactivate" -H "Authorization: SSWS $OKTA_API_TOKEN"`,
    { note: 'deactivates the MFA enrollment policy' },
  ),
  d(
    'identity-providers',
    `auth0 users delete 'auth0|64f0c2a1b2c3d4e5f6a7b8c9' --tenant acme-prod.eu.auth0.com --force`,
  ),
  d(
    'identity-providers',
    'auth0 api delete "connections/con_Ab12Cd34Ef56Gh78" --tenant acme-prod.eu.auth0.com --force',
    {
      note: 'deleting a database connection deletes every user in it',
    },
  ),
  d(
    'identity-providers',
    'kcadm.sh delete realms/acme --server https://sso.acme.io --realm master --user admin --password "$KC_ADMIN_PASS"',
  ),
  d('identity-providers', 'kcadm.sh add-roles -r master --uusername contractor-tmp --rolename admin', {
    note: 'makes a temporary contractor an administrator of the whole Keycloak',
  }),
  d(
    'identity-providers',
    'kcadm.sh update realms/acme -s bruteForceProtected=false -s eventsEnabled=false -s adminEventsEnabled=false',
  ),
  d(
    'identity-providers',
    'ldapdelete -r -H ldaps://ldap.acme.internal -D "cn=admin,dc=acme,dc=io" -w "$LDAP_ADMIN_PW" "ou=people,dc=acme,dc=io"',
  ),
  d(
    'identity-providers',
    `ldapmodify -H ldaps://ldap.acme.internal -D "cn=admin,dc=acme,dc=io" -y ~/.ldap-admin-pass <<'EOF'
dn: cn=sysadmins,ou=groups,dc=acme,dc=io
changetype: modify
add: memberUid
memberUid: contractor1
EOF`,
    { note: 'puts an outside contractor in the sysadmins group' },
  ),
  d(
    'identity-providers',
    'aws cognito-idp delete-user-pool --user-pool-id eu-west-1_AbC123xYz --profile prod',
    {
      environment: 'production',
    },
  ),
  d(
    'identity-providers',
    'aws cognito-idp set-user-pool-mfa-config --user-pool-id eu-west-1_AbC123xYz --mfa-configuration OFF --profile prod',
  ),
  d('identity-providers', 'az ad sp credential reset --id 3f2b9c4e-8a1d-4e7f-9b6c-2d5a8e1f0c73', {
    note: 'without --append it replaces every existing secret of the service principal, breaking its users',
  }),
  d('identity-providers', 'gam delete user bob@acme.com'),
  d('identity-providers', 'gh api -X PUT orgs/acme/memberships/random-dev-2024 -f role=admin', {
    note: 'makes an outside account an owner of the GitHub organisation',
  }),
  d('identity-providers', 'vault auth disable ldap/', {
    env: { VAULT_ADDR: 'https://vault.prod.internal:8200' },
  }),
  d(
    'identity-providers',
    `vault policy write default - <<'EOF'
path "*" {
  capabilities = ["create", "read", "update", "delete", "list", "sudo"]
}
EOF`,
    { env: { VAULT_ADDR: 'https://vault.prod.internal:8200' }, note: 'every token gets root-like power' },
  ),
  h(
    'identity-providers',
    `curl -s "https://acme.okta.com/api/v1/users/00u9z8y7x6w5v4u3t2s1/roles" -H "Authorization: SSWS $OKTA_API_TOKEN"`,
  ),
  h(
    'identity-providers',
    `curl -s "https://acme.okta.com/api/v1/policies?type=MFA_ENROLL" -H "Authorization: SSWS $OKTA_API_TOKEN" | jq '.[] | {id, name, status}'`,
  ),
  h(
    'identity-providers',
    `auth0 users show 'auth0|64f0c2a1b2c3d4e5f6a7b8c9' --tenant acme-prod.eu.auth0.com`,
  ),
  h('identity-providers', 'auth0 api get "connections" --tenant acme-prod.eu.auth0.com'),
  h(
    'identity-providers',
    `auth0 users delete 'auth0|e2e0000000000000000test1' --tenant acme-dev.eu.auth0.com --force`,
    { note: 'an end-to-end test user in the dev tenant' },
  ),
  h(
    'identity-providers',
    'kcadm.sh get realms/acme --fields realm,enabled,bruteForceProtected,eventsEnabled',
  ),
  h('identity-providers', 'kcadm.sh get-roles -r master --uusername contractor-tmp'),
  h('identity-providers', 'kcadm.sh create users -r acme-dev -s username=e2e-tester -s enabled=true'),
  h(
    'identity-providers',
    'ldapsearch -x -H ldaps://ldap.acme.internal -b "ou=people,dc=acme,dc=io" "(uid=alice)" cn mail memberOf',
  ),
  h(
    'identity-providers',
    'ldapdelete -x -H ldap://localhost:389 -D "cn=admin,dc=example,dc=org" -w admin "uid=testuser,ou=people,dc=example,dc=org"',
    { note: 'the throwaway OpenLDAP container of the local test setup' },
  ),
  h(
    'identity-providers',
    'aws cognito-idp get-user-pool-mfa-config --user-pool-id eu-west-1_AbC123xYz --profile prod',
  ),
  h('identity-providers', 'az ad sp credential list --id 3f2b9c4e-8a1d-4e7f-9b6c-2d5a8e1f0c73 -o table'),
  h('identity-providers', 'gam info user bob@acme.com'),
  h('identity-providers', 'gh api -X PUT orgs/acme/teams/frontend/memberships/new-hire-dana -f role=member'),
  h('identity-providers', 'vault auth list -detailed', {
    env: { VAULT_ADDR: 'https://vault.prod.internal:8200' },
  }),
  h('identity-providers', 'vault policy read default', {
    env: { VAULT_ADDR: 'https://vault.prod.internal:8200' },
  }),
  h('identity-providers', 'vault policy write ci-readonly policies/ci-readonly.hcl', {
    env: { VAULT_ADDR: 'https://vault.prod.internal:8200' },
  }),

  // ── observability-and-alerting ────────────────────────────────────────────────────────────────────
  d(
    'observability-and-alerting',
    `curl -X POST -g 'http://prometheus.prod.internal:9090/api/v1/admin/tsdb/delete_series?match[]={job="payments"}' && curl -X POST http://prometheus.prod.internal:9090/api/v1/admin/tsdb/clean_tombstones`,
  ),
  d(
    'observability-and-alerting',
    'curl -X DELETE -H "Authorization: Bearer $GRAFANA_TOKEN" https://grafana.acme.io/api/dashboards/uid/prod-overview',
  ),
  d(
    'observability-and-alerting',
    'curl -X DELETE -H "Authorization: Bearer $GRAFANA_TOKEN" https://grafana.acme.io/api/datasources/name/prometheus-prod',
  ),
  d(
    'observability-and-alerting',
    'curl -X DELETE -H "Authorization: Bearer $GRAFANA_TOKEN" https://grafana.acme.io/api/v1/provisioning/policies',
    { note: 'resets the notification policy tree: alerts no longer reach the on-call routes' },
  ),
  d(
    'observability-and-alerting',
    `curl -X DELETE "https://api.datadoghq.com/api/v2/logs/config/archives/a2zcMylnM4OCHpYusxIi1g" -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY"`,
  ),
  d(
    'observability-and-alerting',
    `curl -X POST https://api.datadoghq.com/api/v2/downtime -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY" -H 'Content-Type: application/json' -d '{"data":{"type":"downtime","attributes":{"scope":"env:production","monitor_identifier":{"monitor_tags":["*"]},"schedule":{"end":"2027-01-01T00:00:00Z"}}}}'`,
    { note: 'mutes every production monitor for a month' },
  ),
  d(
    'observability-and-alerting',
    `newrelic nerdgraph query 'mutation { alertsPolicyDelete(accountId: 1234567, id: 987654) { id } }'`,
  ),
  d(
    'observability-and-alerting',
    `curl -X DELETE https://api.pagerduty.com/escalation_policies/PABC123 -H "Authorization: Token token=$PD_TOKEN" -H 'Accept: application/vnd.pagerduty+json;version=2'`,
  ),
  d(
    'observability-and-alerting',
    `curl -X POST "https://api.opsgenie.com/v2/integrations/8418d193-2dab-4490-b331-8c02cdd196b7/disable" -H "Authorization: GenieKey $OPSGENIE_API_KEY"`,
  ),
  d(
    'observability-and-alerting',
    `ssh loki-prod-1 "sudo sed -i 's/retention_period: 2160h/retention_period: 24h/' /etc/loki/config.yaml && sudo systemctl restart loki"`,
    { note: 'the compactor deletes every log older than a day' },
  ),
  d(
    'observability-and-alerting',
    `curl -X POST -g 'http://loki.prod.internal:3100/loki/api/v1/delete?query={namespace="payments"}&start=1700000000'`,
  ),
  d(
    'observability-and-alerting',
    `curl -X DELETE -u "elastic:$ES_PASSWORD" 'https://es-logs.prod.internal:9200/_data_stream/logs-nginx.access-default'`,
  ),
  d(
    'observability-and-alerting',
    'curl -X DELETE https://sentry.io/api/0/projects/acme/payments-api/ -H "Authorization: Bearer $SENTRY_AUTH_TOKEN"',
  ),
  d(
    'observability-and-alerting',
    'aws logs put-retention-policy --log-group-name /aws/lambda/prod-payments --retention-in-days 1 --profile prod',
    { environment: 'production' },
  ),
  d(
    'observability-and-alerting',
    'aws logs delete-subscription-filter --log-group-name /aws/lambda/prod-payments --filter-name to-siem --profile prod',
    { note: 'stops shipping the prod logs to the SIEM' },
  ),
  d(
    'observability-and-alerting',
    `curl -X DELETE "https://api.statuspage.io/v1/pages/kctbh9vrtdwd/incidents/p31zjtct2jer" -H "Authorization: OAuth $STATUSPAGE_API_KEY"`,
    { note: 'erases the public record of an incident' },
  ),
  d(
    'observability-and-alerting',
    `ssh prom-prod-1 "sudo sed -i 's/--storage.tsdb.retention.time=90d/--storage.tsdb.retention.time=2h/' /etc/default/prometheus && sudo systemctl restart prometheus"`,
  ),
  h(
    'observability-and-alerting',
    `curl -s -g 'http://prometheus.prod.internal:9090/api/v1/series?match[]={job="payments"}' | jq '.data | length'`,
  ),
  h(
    'observability-and-alerting',
    'curl -s http://prometheus.prod.internal:9090/api/v1/status/tsdb | jq .data.headStats',
  ),
  h(
    'observability-and-alerting',
    'curl -X POST http://prometheus.prod.internal:9090/api/v1/admin/tsdb/snapshot',
  ),
  h(
    'observability-and-alerting',
    `curl -s -H "Authorization: Bearer $GRAFANA_TOKEN" 'https://grafana.acme.io/api/search?query=prod&type=dash-db'`,
  ),
  h(
    'observability-and-alerting',
    `curl -X POST -H "Authorization: Bearer $GRAFANA_TOKEN" -H 'Content-Type: application/json' https://grafana.acme.io/api/dashboards/db -d @dashboards/payments-latency.json`,
  ),
  h(
    'observability-and-alerting',
    `curl -s "https://api.datadoghq.com/api/v2/logs/config/archives" -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY"`,
  ),
  h(
    'observability-and-alerting',
    `curl -X POST https://api.datadoghq.com/api/v2/downtime -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY" -H 'Content-Type: application/json' -d '{"data":{"type":"downtime","attributes":{"scope":"host:staging-db-1","monitor_identifier":{"monitor_tags":["*"]},"schedule":{"end":"2026-12-01T15:00:00Z"},"message":"resizing volume"}}}'`,
  ),
  h(
    'observability-and-alerting',
    `newrelic nerdgraph query '{ actor { account(id: 1234567) { alerts { policiesSearch { policies { id name } } } } } }'`,
  ),
  h(
    'observability-and-alerting',
    'newrelic apm deployment create --applicationId 12345678 --revision v2.4.1',
  ),
  h(
    'observability-and-alerting',
    `curl -s -g "https://api.pagerduty.com/oncalls?escalation_policy_ids[]=PABC123" -H "Authorization: Token token=$PD_TOKEN" -H 'Accept: application/vnd.pagerduty+json;version=2'`,
  ),
  h(
    'observability-and-alerting',
    'curl -s https://api.opsgenie.com/v2/integrations -H "Authorization: GenieKey $OPSGENIE_API_KEY"',
  ),
  h(
    'observability-and-alerting',
    `logcli query '{namespace="payments"} |= "error"' --since=1h --limit=200 --addr=http://loki.prod.internal:3100`,
  ),
  h(
    'observability-and-alerting',
    'aws logs put-retention-policy --log-group-name /aws/lambda/prod-payments --retention-in-days 400 --profile prod',
  ),
  h(
    'observability-and-alerting',
    'aws logs describe-subscription-filters --log-group-name /aws/lambda/prod-payments --profile prod',
  ),
  h('observability-and-alerting', 'sentry-cli releases list --org acme --project payments-api'),
  h(
    'observability-and-alerting',
    'sentry-cli sourcemaps upload --org acme --project web --release 2.4.1 ./dist',
  ),
  h(
    'observability-and-alerting',
    `curl -s "https://api.statuspage.io/v1/pages/kctbh9vrtdwd/incidents/unresolved" -H "Authorization: OAuth $STATUSPAGE_API_KEY"`,
  ),

  // ── edge-and-network ──────────────────────────────────────────────────────────────────────────────
  d(
    'edge-and-network',
    `curl -X DELETE "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353" -H "Authorization: Bearer $CF_API_TOKEN"`,
  ),
  d('edge-and-network', 'npx wrangler delete --name acme-edge-router --force'),
  d('edge-and-network', 'npx wrangler kv namespace delete --namespace-id 0f2ac74b498b48028cb68387c421e279'),
  d(
    'edge-and-network',
    `curl -X PATCH "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/settings/ssl" -H "Authorization: Bearer $CF_API_TOKEN" -H 'Content-Type: application/json' --data '{"value":"off"}'`,
    { note: 'turns TLS off for the whole zone' },
  ),
  d('edge-and-network', 'fastly service delete --service-id SU1Z0isxPaozGVKXdv0eY --force'),
  d('edge-and-network', 'akamai property deactivate www.acme.io --network PROD --email ops@acme.io'),
  d(
    'edge-and-network',
    `ssh prod-lb-1 "sudo sed -i 's|proxy_pass http://app_backend;|return 503;|' /etc/nginx/sites-enabled/acme.conf && sudo nginx -s reload"`,
    { environment: 'production' },
  ),
  d(
    'edge-and-network',
    `ssh prod-lb-2 "echo 'disable server be_api/api-1; disable server be_api/api-2; disable server be_api/api-3' | sudo socat stdio /run/haproxy/admin.sock"`,
  ),
  d('edge-and-network', `ssh prod-db-1 'sudo iptables -P INPUT ACCEPT && sudo iptables -F'`, {
    note: 'leaves the prod database host with no firewall',
  }),
  d('edge-and-network', `ssh prod-edge-1 'sudo nft flush ruleset'`),
  d('edge-and-network', `ssh prod-api-2 'sudo iptables -F INPUT && sudo iptables -P INPUT DROP'`, {
    note: 'drops all inbound traffic, ssh included: the host goes dark',
  }),
  d('edge-and-network', `ssh vpn-prod-1 'sudo wg-quick down wg0'`),
  d(
    'edge-and-network',
    `curl -X POST https://api.tailscale.com/api/v2/tailnet/acme.com/acl -u "$TS_API_KEY:" -H 'Content-Type: application/json' -d '{"acls":[{"action":"accept","src":["*"],"dst":["*:*"]}]}'`,
    { note: 'replaces the tailnet policy with allow-all' },
  ),
  d('edge-and-network', `ssh prod-web-1 'sudo certbot delete --cert-name acme.io --non-interactive'`),
  d(
    'edge-and-network',
    'aws elbv2 deregister-targets --target-group-arn arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/prod-web/6d0ecf831eec9f09 --targets Id=i-0a1b2c3d4e5f60718 Id=i-0b2c3d4e5f6071829 Id=i-0c3d4e5f607182930 --profile prod',
    { note: 'removes every target from the prod web target group' },
  ),
  d(
    'edge-and-network',
    'gcloud compute backend-services remove-backend prod-web-bes --instance-group=prod-web-ig --instance-group-zone=europe-west1-b --global --project=acme-prod',
  ),
  d(
    'edge-and-network',
    `nsupdate -k /etc/bind/keys/acme.io.key <<'EOF'
server ns1.acme.io
zone acme.io
update delete acme.io MX
send
EOF`,
    { note: 'deletes the MX records: mail to the domain stops' },
  ),
  h('edge-and-network', 'dig MX acme.io +short'),
  h(
    'edge-and-network',
    `curl -s "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/settings/ssl" -H "Authorization: Bearer $CF_API_TOKEN"`,
  ),
  h('edge-and-network', 'npx wrangler deployments list --name acme-edge-router'),
  h('edge-and-network', 'npx wrangler deploy --env staging'),
  h('edge-and-network', 'fastly service describe --service-id SU1Z0isxPaozGVKXdv0eY'),
  h('edge-and-network', 'fastly purge --service-id SU1Z0isxPaozGVKXdv0eY --key product-1234'),
  h('edge-and-network', 'akamai purge delete https://www.acme.io/pricing', {
    note: 'removes one cached page from the CDN; the origin serves it again',
  }),
  h('edge-and-network', `ssh prod-lb-1 'sudo nginx -T 2>/dev/null | grep -n proxy_pass'`),
  h(
    'edge-and-network',
    `ssh prod-lb-2 "echo 'show servers state be_api' | sudo socat stdio /run/haproxy/admin.sock"`,
  ),
  h(
    'edge-and-network',
    `ssh prod-lb-2 'sudo haproxy -c -f /etc/haproxy/haproxy.cfg && sudo systemctl reload haproxy'`,
  ),
  h('edge-and-network', `ssh prod-db-1 'sudo iptables -L INPUT -n -v --line-numbers'`),
  h('edge-and-network', `ssh prod-api-2 'sudo iptables -I INPUT -s 203.0.113.45 -j DROP'`),
  h('edge-and-network', `ssh vpn-prod-1 'sudo wg show wg0 latest-handshakes'`),
  h(
    'edge-and-network',
    `curl -s -X POST https://api.tailscale.com/api/v2/tailnet/acme.com/acl/validate -u "$TS_API_KEY:" -H 'Content-Type: application/hujson' --data-binary @tailscale/policy.hujson`,
  ),
  h(
    'edge-and-network',
    'aws elbv2 register-targets --target-group-arn arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/prod-web/6d0ecf831eec9f09 --targets Id=i-0d4e5f60718293a4b --profile prod',
  ),
  h(
    'edge-and-network',
    'gcloud compute backend-services get-health prod-web-bes --global --project=acme-prod',
  ),
  h(
    'edge-and-network',
    'sudo certbot certonly --webroot -w /var/www/html -d preview.dev.acme.io --test-cert',
  ),
];
