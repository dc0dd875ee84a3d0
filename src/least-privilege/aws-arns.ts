import type { Access } from '../core/types.js';
import { iamPrefix } from './aws-actions.js';

// The ARNs an aws access acts on, built from the resource the command named and the region and account
// when known. What is not known is `*` in its field (an ARN pattern still narrower than `*`); a resource
// type without a known ARN form is `*`, with the reason.

type AwsAccess = Extract<Access, { kind: 'aws' }>;

/** Where the account and partition come from: the caller knows them, the command line rarely does. */
export interface ArnContext {
  account?: string;
  partition?: string;
}

/** ARN resource parts by `iamPrefix resourceType`: `{id}` is the name or identifier the command gave. */
interface ArnForm {
  service?: string;
  global?: true;
  resource: string;
  /** The option that names this resource, when it is not named after it. */
  option?: string;
}

const ARN_FORMS: Record<string, ArnForm> = {
  'dynamodb table': { resource: 'table/{id}' },
  'rds db-instance': { resource: 'db:{id}' },
  'rds db-cluster': { resource: 'cluster:{id}' },
  'rds db-snapshot': { resource: 'snapshot:{id}' },
  'rds db-cluster-snapshot': { resource: 'cluster-snapshot:{id}' },
  'ec2 instances': { resource: 'instance/{id}' },
  'ec2 volume': { resource: 'volume/{id}' },
  'ec2 snapshot': { resource: 'snapshot/{id}' },
  'ec2 vpc': { resource: 'vpc/{id}' },
  'ec2 security-group': { resource: 'security-group/{id}' },
  'lambda function': { resource: 'function:{id}' },
  'cloudformation stack': { resource: 'stack/{id}/*' },
  'ecr repository': { resource: 'repository/{id}' },
  'eks cluster': { resource: 'cluster/{id}' },
  'iam role': { global: true, resource: 'role/{id}' },
  'iam user': { global: true, resource: 'user/{id}' },
  'iam group': { global: true, resource: 'group/{id}' },
  'secretsmanager secret': { resource: 'secret:{id}-*' },
  'logs log-group': { resource: 'log-group:{id}:*' },
  'kinesis stream': { resource: 'stream/{id}' },
  'ecs cluster': { resource: 'cluster/{id}' },
  // The cluster and the node group's generated suffix are not the identifier: `*` in their fields.
  'ecs service': { resource: 'service/*/{id}' },
  'eks nodegroup-config': { resource: 'nodegroup/*/{id}/*' },
  'organizations account': { global: true, resource: 'account/o-*/{id}' },
  'elasticache cache-cluster': { resource: 'cluster:{id}' },
  'elasticache replication-group': { resource: 'replicationgroup:{id}' },
  'redshift cluster': { resource: 'cluster:{id}' },
  'elasticbeanstalk environment': { resource: 'environment/*/{id}' },
  'kms key': { resource: 'key/{id}' },
  'ec2 security-group-ingress': { resource: 'security-group/{id}', option: '--group-id' },
  'ec2 security-group-egress': { resource: 'security-group/{id}', option: '--group-id' },
  'elasticfilesystem file-system': { resource: 'file-system/{id}' },
  'ssm parameter': { resource: 'parameter/{id}' },
  'autoscaling auto-scaling-group': { resource: 'autoScalingGroup:*:autoScalingGroupName/{id}' },
  'iam role-policy': { global: true, resource: 'role/{id}' },
  'iam user-policy': { global: true, resource: 'user/{id}' },
  'iam group-policy': { global: true, resource: 'group/{id}' },
  'route53 resource-record-sets': { global: true, resource: 'hostedzone/{id}', option: '--hosted-zone-id' },
  'route53 hosted-zone': { global: true, resource: 'hostedzone/{id}' },
};

/** Services whose commands all name one kind of resource, whatever the operation's noun. */
const SERVICE_FORMS: Record<string, ArnForm> = {
  lambda: { resource: 'function:{id}' },
  cloudformation: { resource: 'stack/{id}/*' },
};

/** Why the identifier names another resource than the one acted on (`create-snapshot --volume-id`). */
function otherResource(access: AwsAccess, form: ArnForm, serviceWide: boolean): string | undefined {
  const option = access.resourceOption;
  const head = (access.resourceType ?? '').split('-')[0]!.replace(/s$/, '');
  // A bare `--name`/`--id` names what the operation is about.
  const bare = /^--(name|id|identifier|arn)s?$/.test(option ?? '');
  if (!option || bare || serviceWide || option === form.option || option.includes(head)) return undefined;
  return `the command names ${option}, not the ${access.resourceType} it acts on`;
}

export type ArnsOf = { arns: string[]; notes: string[] } | { any: string };

/** `https://sqs.eu-west-1.amazonaws.com/123456789012/jobs` → its ARN. */
function sqsArn(url: string, partition: string): string | undefined {
  const m = /^https?:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/([\w-]+(?:\.fifo)?)$/.exec(url);
  return m ? `arn:${partition}:sqs:${m[1]}:${m[2]}:${m[3]}` : undefined;
}

/** `s3://bucket/key` → the bucket's or the objects' ARNs (a listing needs the bucket's too). */
function s3Arns(access: AwsAccess, partition: string): string[] | undefined {
  // s3api names the bucket (`--bucket b`) or an object (`s3://b/key` from --bucket and --key).
  const named = /^[a-z0-9][a-z0-9.-]+$/.test(access.resource ?? '') ? `s3://${access.resource}/` : undefined;
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(named ?? access.resource ?? '');
  if (!m) return undefined;
  const [, bucket, key] = m;
  const base = `arn:${partition}:s3:::${bucket}`;
  if (access.resourceType === 'bucket' || (named && !/object/.test(access.resourceType ?? ''))) return [base];
  if (named) return [`${base}/*`];
  if (access.resourceType === 'objects') return [`${base}/${key}*`, base];
  return [`${base}/${key}`];
}

/** The ARNs one access acts on, or why it has to be `*`. */
export function resourceArns(access: AwsAccess, context: ArnContext = {}): ArnsOf {
  const partition = context.partition ?? 'aws';
  const ids = (access.resource ?? '').split(',').filter(Boolean);
  if (!ids.length) return { any: 'the command names no resource' };
  if (ids.some((id) => /[$`*]/.test(id))) return { any: 'the resource is computed at run time' };
  if (ids.every((id) => id.startsWith('arn:'))) return { arns: ids, notes: [] };
  const prefix = iamPrefix(access.service);
  if (prefix === 's3') {
    const arns = s3Arns(access, partition);
    return arns ? { arns, notes: [] } : { any: `${access.resource} is not an s3:// URL` };
  }
  if (prefix === 'sqs') {
    const arns = ids.map((id) => sqsArn(id, partition));
    if (arns.every((a): a is string => !!a)) return { arns, notes: [] };
  }
  const form = ARN_FORMS[`${prefix} ${access.resourceType ?? ''}`] ?? SERVICE_FORMS[prefix];
  if (!form) return { any: `no ARN form is known yet for ${prefix} ${access.resourceType ?? 'resources'}` };
  const other = otherResource(access, form, !ARN_FORMS[`${prefix} ${access.resourceType ?? ''}`]);
  if (other) return { any: other };
  const notes: string[] = [];
  const region = form.global ? '' : (access.region ?? '*');
  if (region === '*') notes.push('the region is not known: `*` in the region field');
  const account = context.account ?? '*';
  if (account === '*') notes.push('the account is not known: `*` in the account field');
  const service = form.service ?? prefix;
  const accountField = prefix === 'route53' ? '' : account;
  // SSM parameter names start with `/`, their ARNs hold them without it.
  const arns = ids.map(
    (id) =>
      `arn:${partition}:${service}:${region}:${accountField}:${form.resource.replace('{id}', id.replace(/^\//, ''))}`,
  );
  return { arns, notes: prefix === 'route53' ? [] : notes };
}
