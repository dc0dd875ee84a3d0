// Which resource types hold data: destroying or replacing one loses what is in it (rows, objects, messages,
// keys, records), not just configuration that the next apply would recreate. Curated per provider and
// tested (test/plans/catalog.test.ts); types of other providers are guessed from their names and the guess
// is reported as such.

/** What kind of data a stateful resource holds. Policies see it as `context.category`. */
type StatefulCategory =
  | 'database'
  | 'cluster'
  | 'cache'
  | 'search'
  | 'bucket'
  | 'volume'
  | 'file-system'
  | 'queue'
  | 'stream'
  | 'table'
  | 'dns'
  | 'kms'
  | 'secret'
  | 'log-group'
  | 'registry'
  | 'backup'
  | 'identity'
  | 'namespace'
  | 'resource-group'
  | 'stack';

export interface ResourceClass {
  /** Policy category: a stateful category, "iam" for identity and access, or "" for anything else. */
  category: string;
  stateful: boolean;
  /** True when the type is not in the curated catalog and was classified by its name. */
  guessed: boolean;
}

type Catalog = Readonly<Record<string, StatefulCategory>>;

/** hashicorp/aws */
export const AWS_STATEFUL: Catalog = {
  aws_db_instance: 'database',
  aws_rds_cluster: 'database',
  aws_rds_global_cluster: 'database',
  aws_docdb_cluster: 'database',
  aws_docdb_elastic_cluster: 'database',
  aws_neptune_cluster: 'database',
  aws_redshift_cluster: 'database',
  aws_redshiftserverless_namespace: 'database',
  aws_dynamodb_table: 'table',
  aws_dynamodb_global_table: 'table',
  aws_keyspaces_keyspace: 'database',
  aws_keyspaces_table: 'table',
  aws_timestreamwrite_database: 'database',
  aws_timestreamwrite_table: 'table',
  aws_qldb_ledger: 'database',
  aws_lightsail_database: 'database',
  aws_elasticache_cluster: 'cache',
  aws_elasticache_replication_group: 'cache',
  aws_elasticache_serverless_cache: 'cache',
  aws_memorydb_cluster: 'cache',
  aws_dax_cluster: 'cache',
  aws_opensearch_domain: 'search',
  aws_elasticsearch_domain: 'search',
  aws_opensearchserverless_collection: 'search',
  aws_eks_cluster: 'cluster',
  aws_msk_cluster: 'stream',
  aws_msk_serverless_cluster: 'stream',
  aws_kinesis_stream: 'stream',
  aws_sqs_queue: 'queue',
  aws_mq_broker: 'queue',
  aws_s3_bucket: 'bucket',
  aws_s3_directory_bucket: 'bucket',
  aws_s3control_bucket: 'bucket',
  aws_glacier_vault: 'bucket',
  aws_ebs_volume: 'volume',
  aws_efs_file_system: 'file-system',
  aws_fsx_lustre_file_system: 'file-system',
  aws_fsx_windows_file_system: 'file-system',
  aws_fsx_ontap_file_system: 'file-system',
  aws_fsx_openzfs_file_system: 'file-system',
  aws_route53_zone: 'dns',
  aws_kms_key: 'kms',
  aws_kms_replica_key: 'kms',
  aws_kms_external_key: 'kms',
  aws_secretsmanager_secret: 'secret',
  aws_ssm_parameter: 'secret',
  aws_cloudwatch_log_group: 'log-group',
  aws_ecr_repository: 'registry',
  aws_codecommit_repository: 'registry',
  aws_backup_vault: 'backup',
  aws_cognito_user_pool: 'identity',
};

/** hashicorp/google and google-beta (both use the google_ prefix) */
export const GOOGLE_STATEFUL: Catalog = {
  google_sql_database_instance: 'database',
  google_sql_database: 'database',
  google_alloydb_cluster: 'database',
  google_spanner_instance: 'database',
  google_spanner_database: 'database',
  google_firestore_database: 'database',
  google_bigtable_instance: 'database',
  google_bigtable_table: 'table',
  google_bigquery_dataset: 'database',
  google_bigquery_table: 'table',
  google_redis_instance: 'cache',
  google_memcache_instance: 'cache',
  google_container_cluster: 'cluster',
  google_storage_bucket: 'bucket',
  google_compute_disk: 'volume',
  google_compute_region_disk: 'volume',
  google_filestore_instance: 'file-system',
  google_pubsub_subscription: 'queue',
  google_pubsub_lite_topic: 'stream',
  google_dns_managed_zone: 'dns',
  google_kms_key_ring: 'kms',
  google_kms_crypto_key: 'kms',
  google_secret_manager_secret: 'secret',
  google_logging_project_bucket_config: 'log-group',
  google_artifact_registry_repository: 'registry',
  google_identity_platform_tenant: 'identity',
};

/** hashicorp/azurerm */
export const AZURE_STATEFUL: Catalog = {
  azurerm_resource_group: 'resource-group',
  azurerm_mssql_server: 'database',
  azurerm_mssql_database: 'database',
  azurerm_mssql_managed_instance: 'database',
  azurerm_sql_server: 'database',
  azurerm_sql_database: 'database',
  azurerm_postgresql_server: 'database',
  azurerm_postgresql_database: 'database',
  azurerm_postgresql_flexible_server: 'database',
  azurerm_postgresql_flexible_server_database: 'database',
  azurerm_mysql_server: 'database',
  azurerm_mysql_database: 'database',
  azurerm_mysql_flexible_server: 'database',
  azurerm_mysql_flexible_database: 'database',
  azurerm_mariadb_server: 'database',
  azurerm_cosmosdb_account: 'database',
  azurerm_cosmosdb_sql_database: 'database',
  azurerm_cosmosdb_sql_container: 'table',
  azurerm_cosmosdb_mongo_database: 'database',
  azurerm_cosmosdb_mongo_collection: 'table',
  azurerm_cosmosdb_cassandra_keyspace: 'database',
  azurerm_cosmosdb_table: 'table',
  azurerm_redis_cache: 'cache',
  azurerm_kubernetes_cluster: 'cluster',
  azurerm_storage_account: 'bucket',
  azurerm_storage_container: 'bucket',
  azurerm_storage_share: 'file-system',
  azurerm_storage_table: 'table',
  azurerm_storage_queue: 'queue',
  azurerm_storage_data_lake_gen2_filesystem: 'file-system',
  azurerm_netapp_volume: 'volume',
  azurerm_managed_disk: 'volume',
  azurerm_servicebus_namespace: 'queue',
  azurerm_servicebus_queue: 'queue',
  azurerm_servicebus_topic: 'queue',
  azurerm_eventhub_namespace: 'stream',
  azurerm_eventhub: 'stream',
  azurerm_dns_zone: 'dns',
  azurerm_private_dns_zone: 'dns',
  azurerm_key_vault: 'kms',
  azurerm_key_vault_key: 'kms',
  azurerm_key_vault_secret: 'secret',
  azurerm_key_vault_certificate: 'secret',
  azurerm_log_analytics_workspace: 'log-group',
  azurerm_container_registry: 'registry',
  azurerm_recovery_services_vault: 'backup',
  azurerm_data_protection_backup_vault: 'backup',
};

/** hashicorp/kubernetes (both the unversioned and the _v1 names) */
export const KUBERNETES_STATEFUL: Catalog = Object.fromEntries(
  (
    [
      ['kubernetes_namespace', 'namespace'],
      ['kubernetes_persistent_volume', 'volume'],
      ['kubernetes_persistent_volume_claim', 'volume'],
      ['kubernetes_stateful_set', 'database'],
      ['kubernetes_secret', 'secret'],
      ['kubernetes_storage_class', 'volume'],
    ] as const
  ).flatMap(([name, category]) => [
    [name, category],
    [`${name}_v1`, category],
  ]),
);

/** AWS::… resource types of CloudFormation change sets */
export const CLOUDFORMATION_STATEFUL: Catalog = {
  'AWS::RDS::DBInstance': 'database',
  'AWS::RDS::DBCluster': 'database',
  'AWS::RDS::GlobalCluster': 'database',
  'AWS::DocDB::DBCluster': 'database',
  'AWS::DocDBElastic::Cluster': 'database',
  'AWS::Neptune::DBCluster': 'database',
  'AWS::Redshift::Cluster': 'database',
  'AWS::RedshiftServerless::Namespace': 'database',
  'AWS::DynamoDB::Table': 'table',
  'AWS::DynamoDB::GlobalTable': 'table',
  'AWS::Cassandra::Keyspace': 'database',
  'AWS::Cassandra::Table': 'table',
  'AWS::Timestream::Database': 'database',
  'AWS::Timestream::Table': 'table',
  'AWS::QLDB::Ledger': 'database',
  'AWS::ElastiCache::CacheCluster': 'cache',
  'AWS::ElastiCache::ReplicationGroup': 'cache',
  'AWS::ElastiCache::ServerlessCache': 'cache',
  'AWS::MemoryDB::Cluster': 'cache',
  'AWS::DAX::Cluster': 'cache',
  'AWS::OpenSearchService::Domain': 'search',
  'AWS::Elasticsearch::Domain': 'search',
  'AWS::EKS::Cluster': 'cluster',
  'AWS::MSK::Cluster': 'stream',
  'AWS::Kinesis::Stream': 'stream',
  'AWS::SQS::Queue': 'queue',
  'AWS::AmazonMQ::Broker': 'queue',
  'AWS::S3::Bucket': 'bucket',
  'AWS::S3Express::DirectoryBucket': 'bucket',
  'AWS::EC2::Volume': 'volume',
  'AWS::EFS::FileSystem': 'file-system',
  'AWS::FSx::FileSystem': 'file-system',
  'AWS::Route53::HostedZone': 'dns',
  'AWS::KMS::Key': 'kms',
  'AWS::KMS::ReplicaKey': 'kms',
  'AWS::SecretsManager::Secret': 'secret',
  'AWS::Logs::LogGroup': 'log-group',
  'AWS::ECR::Repository': 'registry',
  'AWS::CodeCommit::Repository': 'registry',
  'AWS::Backup::BackupVault': 'backup',
  'AWS::Cognito::UserPool': 'identity',
  // A nested stack: removing it deletes everything it holds.
  'AWS::CloudFormation::Stack': 'stack',
};

/** The curated catalogs, by the resource-type prefix of the provider they cover. */
const CATALOGS: Readonly<Record<string, Catalog>> = {
  aws: AWS_STATEFUL,
  google: GOOGLE_STATEFUL,
  azurerm: AZURE_STATEFUL,
  kubernetes: KUBERNETES_STATEFUL,
  cloudformation: CLOUDFORMATION_STATEFUL,
};

const CURATED_PREFIXES = new Set(['aws', 'google', 'azurerm', 'kubernetes']);

// Last words of a type name of another provider that name a data store ("digitalocean_database_cluster",
// "cloudflare_r2_bucket", "snowflake_table", "confluent_kafka_topic").
const GUESS_BY_LAST_WORD: Readonly<Record<string, StatefulCategory>> = {
  database: 'database',
  db: 'database',
  keyspace: 'database',
  cluster: 'cluster',
  bucket: 'bucket',
  volume: 'volume',
  disk: 'volume',
  filesystem: 'file-system',
  table: 'table',
  collection: 'table',
  queue: 'queue',
  stream: 'stream',
  topic: 'stream',
  zone: 'dns',
  vault: 'secret',
  secret: 'secret',
  registry: 'registry',
  namespace: 'namespace',
};

const GUESS_BY_LAST_TWO: Readonly<Record<string, StatefulCategory>> = {
  file_system: 'file-system',
  database_cluster: 'database',
  db_cluster: 'database',
  kafka_cluster: 'stream',
  dns_zone: 'dns',
  kms_key: 'kms',
  crypto_key: 'kms',
  log_group: 'log-group',
};

// Words that make a type configuration around a data store, never the store: "x_bucket_policy",
// "x_database_grant", "x_topic_acl".
const NEVER_STATEFUL_WORDS = new Set([
  'policy',
  'attachment',
  'association',
  'binding',
  'member',
  'permission',
  'notification',
  'configuration',
  'config',
  'rule',
  'grant',
  'acl',
  'iam',
  'lifecycle',
  'subscription',
  'endpoint',
  'alias',
  'record',
]);

const IAM_PATTERN =
  /^(aws_iam_|aws_ssoadmin_|google_.*_iam_|google_service_account|azurerm_role_|azuread_|kubernetes_(cluster_)?role)/;

const NONE: ResourceClass = { category: '', stateful: false, guessed: false };
const IAM: ResourceClass = { category: 'iam', stateful: false, guessed: false };

const cache = new Map<string, ResourceClass>();

/** The category of a resource type and whether it holds data. Cached: plans repeat types many times. */
export function classifyResourceType(type: string): ResourceClass {
  let found = cache.get(type);
  if (!found) {
    found = classifyUncached(type);
    if (cache.size < 10_000) cache.set(type, found);
  }
  return found;
}

function classifyUncached(type: string): ResourceClass {
  if (type.includes('::')) {
    const known = CLOUDFORMATION_STATEFUL[type];
    if (known) return { category: known, stateful: true, guessed: false };
    if (type.startsWith('AWS::IAM::')) return IAM;
    if (type.startsWith('AWS::')) return NONE;
    // A third-party CloudFormation registry type ("MongoDB::Atlas::Cluster"): guess by its last part.
    return guess(type, [type.split('::').pop()?.toLowerCase() ?? '']);
  }
  const prefix = type.slice(0, type.indexOf('_'));
  const catalog = CATALOGS[prefix];
  const known = catalog?.[type];
  if (known) return { category: known, stateful: true, guessed: false };
  if (IAM_PATTERN.test(type)) return IAM;
  if (CURATED_PREFIXES.has(prefix)) return NONE;
  return guess(type, type.split('_').slice(1));
}

function guess(type: string, words: string[]): ResourceClass {
  if (words.some((w) => NEVER_STATEFUL_WORDS.has(w))) return NONE;
  const last = words[words.length - 1] ?? type;
  const lastTwo = words.slice(-2).join('_');
  const category = GUESS_BY_LAST_TWO[lastTwo] ?? GUESS_BY_LAST_WORD[last];
  return category ? { category, stateful: true, guessed: true } : NONE;
}
