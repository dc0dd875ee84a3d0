import type { Access } from '../core/types.js';

// The IAM actions an `aws <service> <operation>` call needs. The CLI's operations are the API's in
// kebab-case (`terminate-instances` → `ec2:TerminateInstances`); a few services have another IAM prefix, and
// the CLI's own commands (`aws s3 rm`, `cloudformation deploy`) call several API operations.

type AwsAccess = Extract<Access, { kind: 'aws' }>;

/** CLI service names whose IAM prefix differs. */
const IAM_PREFIX: Record<string, string> = {
  s3api: 's3',
  elb: 'elasticloadbalancing',
  elbv2: 'elasticloadbalancing',
  stepfunctions: 'states',
  efs: 'elasticfilesystem',
  emr: 'elasticmapreduce',
  deploy: 'codedeploy',
  configservice: 'config',
  opensearch: 'es',
  'sso-admin': 'sso',
  sesv2: 'ses',
  dynamodbstreams: 'dynamodb',
};

/** Operations whose IAM action is not their name in PascalCase: `service operation` → actions. */
const IRREGULAR: Record<string, string[]> = {
  's3api delete-objects': ['DeleteObject'],
  's3api put-bucket-lifecycle-configuration': ['PutLifecycleConfiguration'],
  's3api put-bucket-lifecycle': ['PutLifecycleConfiguration'],
  's3api put-public-access-block': ['PutBucketPublicAccessBlock'],
  's3api delete-public-access-block': ['PutBucketPublicAccessBlock'],
  's3api delete-bucket-lifecycle': ['PutLifecycleConfiguration'],
  's3api delete-bucket-encryption': ['PutEncryptionConfiguration'],
  's3api put-bucket-encryption': ['PutEncryptionConfiguration'],
  'emr create-cluster': ['RunJobFlow'],
  'lambda invoke': ['InvokeFunction'],
  'lambda invoke-async': ['InvokeAsync'],
  'emr terminate-clusters': ['TerminateJobFlows'],
  'cloudformation deploy': ['CreateChangeSet', 'ExecuteChangeSet', 'DescribeChangeSet', 'DescribeStacks'],
};

/** The high-level `aws s3` commands: the object and bucket actions each one uses. */
const S3_COMMANDS: Record<string, string[]> = {
  rm: ['DeleteObject'],
  rb: ['DeleteBucket'],
  mb: ['CreateBucket'],
  cp: ['PutObject'],
  mv: ['GetObject', 'PutObject', 'DeleteObject'],
  sync: ['PutObject'],
  'sync --delete': ['PutObject', 'DeleteObject'],
  website: ['PutBucketWebsite'],
};

/** Statements an operation runs that decide the real actions (DynamoDB's PartiQL, Athena's queries). */
const STATEMENT_RUNNERS = new Set([
  'dynamodb execute-statement',
  'dynamodb batch-execute-statement',
  'dynamodb execute-transaction',
]);

/** Acronyms IAM writes in capitals (action names are matched case-insensitively, this is for reading). */
const ACRONYMS: Record<string, string> = { db: 'DB' };

export const iamPrefix = (service: string): string => IAM_PREFIX[service] ?? service;

function pascal(operation: string): string {
  return operation
    .split('-')
    .map((w) => ACRONYMS[w] ?? `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join('');
}

/** API Gateway's IAM actions are HTTP methods on resource paths, not operation names. */
function apiGatewayMethod(operation: string): string | undefined {
  const verb = operation.split('-')[0];
  return { delete: 'DELETE', create: 'POST', update: 'PATCH', put: 'PUT', import: 'PUT' }[verb ?? ''];
}

export type ActionsOf = { actions: string[] } | { unmapped: string };

/** The IAM actions (`ec2:TerminateInstances`) one aws access needs, or why they cannot be named yet. */
export function iamActions(access: AwsAccess): ActionsOf {
  const { service, operation } = access;
  const prefix = iamPrefix(service);
  const key = `${service} ${operation}`;
  if (STATEMENT_RUNNERS.has(key))
    return { unmapped: `${key} runs statements whose IAM actions (PartiQL) depend on what they say` };
  if (service === 's3') {
    const actions = S3_COMMANDS[operation];
    if (!actions) return { unmapped: `aws s3 ${operation} is not a known high-level S3 command` };
    // Several objects at once means listing the bucket to find them.
    const listing = access.resourceType === 'objects' ? ['ListBucket'] : [];
    return { actions: [...actions, ...listing].map((a) => `s3:${a}`) };
  }
  if (service === 'apigateway' || service === 'apigatewayv2') {
    const method = apiGatewayMethod(operation);
    return method
      ? { actions: [`apigateway:${method}`] }
      : { unmapped: `${key}: API Gateway's IAM actions are HTTP methods, and this one has none known` };
  }
  const irregular = IRREGULAR[key];
  return { actions: (irregular ?? [pascal(operation)]).map((a) => `${prefix}:${a}`) };
}
