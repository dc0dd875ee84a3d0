import { describe, expect, it } from 'vitest';
import {
  AWS_STATEFUL,
  AZURE_STATEFUL,
  CLOUDFORMATION_STATEFUL,
  GOOGLE_STATEFUL,
  KUBERNETES_STATEFUL,
  classifyResourceType,
} from '../../src/plans/catalog.js';

describe('stateful resource catalog', () => {
  const catalogs = {
    aws: AWS_STATEFUL,
    google: GOOGLE_STATEFUL,
    azurerm: AZURE_STATEFUL,
    kubernetes: KUBERNETES_STATEFUL,
  };

  for (const [prefix, catalog] of Object.entries(catalogs)) {
    it(`${prefix}: every curated type is stateful, not guessed, and belongs to the provider`, () => {
      expect(Object.keys(catalog).length).toBeGreaterThan(5);
      for (const [type, category] of Object.entries(catalog)) {
        expect(type.startsWith(`${prefix}_`), type).toBe(true);
        expect(classifyResourceType(type), type).toEqual({ category, stateful: true, guessed: false });
      }
    });
  }

  it('CloudFormation: every curated type is an AWS:: type and stateful', () => {
    for (const [type, category] of Object.entries(CLOUDFORMATION_STATEFUL)) {
      expect(type).toMatch(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
      expect(classifyResourceType(type)).toEqual({ category, stateful: true, guessed: false });
    }
  });

  it.each([
    ['aws_db_instance', 'database'],
    ['aws_rds_cluster', 'database'],
    ['aws_s3_bucket', 'bucket'],
    ['aws_dynamodb_table', 'table'],
    ['aws_ebs_volume', 'volume'],
    ['aws_efs_file_system', 'file-system'],
    ['aws_sqs_queue', 'queue'],
    ['aws_kinesis_stream', 'stream'],
    ['aws_route53_zone', 'dns'],
    ['aws_kms_key', 'kms'],
    ['aws_secretsmanager_secret', 'secret'],
    ['aws_cloudwatch_log_group', 'log-group'],
    ['aws_eks_cluster', 'cluster'],
    ['google_sql_database_instance', 'database'],
    ['google_storage_bucket', 'bucket'],
    ['google_compute_disk', 'volume'],
    ['google_dns_managed_zone', 'dns'],
    ['google_kms_crypto_key', 'kms'],
    ['google_container_cluster', 'cluster'],
    ['azurerm_mssql_database', 'database'],
    ['azurerm_storage_account', 'bucket'],
    ['azurerm_managed_disk', 'volume'],
    ['azurerm_key_vault_secret', 'secret'],
    ['azurerm_kubernetes_cluster', 'cluster'],
    ['azurerm_resource_group', 'resource-group'],
    ['kubernetes_persistent_volume_claim_v1', 'volume'],
    ['kubernetes_namespace', 'namespace'],
    ['kubernetes_secret_v1', 'secret'],
    ['AWS::RDS::DBCluster', 'database'],
    ['AWS::S3::Bucket', 'bucket'],
    ['AWS::DynamoDB::Table', 'table'],
    ['AWS::KMS::Key', 'kms'],
    ['AWS::Logs::LogGroup', 'log-group'],
  ])('%s holds data (%s)', (type, category) => {
    expect(classifyResourceType(type)).toMatchObject({ category, stateful: true, guessed: false });
  });

  it.each([
    // Configuration around a data store, or compute that holds no data of its own.
    'aws_s3_bucket_policy',
    'aws_s3_bucket_versioning',
    'aws_s3_bucket_public_access_block',
    'aws_db_parameter_group',
    'aws_rds_cluster_instance',
    'aws_instance',
    'aws_lambda_function',
    'aws_security_group',
    'aws_sns_topic',
    'aws_ecs_cluster',
    'aws_route53_record',
    'google_compute_instance',
    'google_sql_user',
    'azurerm_virtual_network',
    'azurerm_linux_virtual_machine',
    'kubernetes_deployment_v1',
    'kubernetes_config_map',
    'AWS::S3::BucketPolicy',
    'AWS::Lambda::Function',
    'AWS::EC2::SecurityGroup',
  ])('%s does not hold data', (type) => {
    expect(classifyResourceType(type).stateful).toBe(false);
  });

  it.each([
    ['aws_iam_role', 'iam'],
    ['aws_iam_policy', 'iam'],
    ['google_project_iam_member', 'iam'],
    ['google_storage_bucket_iam_binding', 'iam'],
    ['azurerm_role_assignment', 'iam'],
    ['AWS::IAM::Role', 'iam'],
  ])('%s is identity and access (%s), not stateful', (type, category) => {
    expect(classifyResourceType(type)).toEqual({ category, stateful: false, guessed: false });
  });

  it.each([
    ['digitalocean_database_cluster', 'database'],
    ['digitalocean_volume', 'volume'],
    ['cloudflare_r2_bucket', 'bucket'],
    ['snowflake_database', 'database'],
    ['snowflake_table', 'table'],
    ['confluent_kafka_topic', 'stream'],
    ['mongodbatlas_cluster', 'cluster'],
    ['scaleway_rdb_instance', undefined],
    ['MongoDB::Atlas::Cluster', 'cluster'],
  ])('another provider: %s is guessed from its name (%s)', (type, category) => {
    const found = classifyResourceType(type);
    if (category) expect(found).toEqual({ category, stateful: true, guessed: true });
    else expect(found.stateful).toBe(false);
  });

  it.each([
    'cloudflare_record',
    'snowflake_table_grant',
    'snowflake_database_role',
    'digitalocean_droplet',
    'random_password',
    'null_resource',
    'terraform_data',
    'confluent_kafka_acl',
    'github_repository_file',
  ])('another provider: %s is not guessed stateful', (type) => {
    expect(classifyResourceType(type).stateful).toBe(false);
  });
});
