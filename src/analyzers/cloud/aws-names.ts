import type { EnvironmentHint } from '../../core/types.js';
import { bucketUrl, value, values, type CloudArgs } from './common.js';

// What an AWS operation acts on: the resource noun of the operation, its identifier, its category.

/** Options of every aws command (they say how and where the CLI runs, not what it acts on). */
export const AWS_GLOBAL_VALUES: ReadonlySet<string> = new Set([
  '--profile',
  '--region',
  '--endpoint-url',
  '--output',
  '--query',
  '--color',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-binary-format',
  '--cli-input-json',
  '--cli-input-yaml',
]);

export const AWS_FLAGS: ReadonlySet<string> = new Set([
  '--debug',
  '--no-verify-ssl',
  '--no-paginate',
  '--no-sign-request',
  '--no-cli-pager',
  '--cli-auto-prompt',
  '--version',
  '--dry-run',
  '--dryrun',
  '--recursive',
  '--delete',
  '--force',
  '--force-delete',
  '--quiet',
  '--skip-final-snapshot',
  '--skip-final-cluster-snapshot',
  '--force-delete-without-recovery',
  '--delete-automated-backups',
  '--apply-immediately',
  '--terminate-instances',
  '--terminate-env-by-force',
  '--deletion-protection',
  '--deletion-protection-enabled',
  '--enable-termination-protection',
  '--disable-api-termination',
  '--force-new-deployment',
  '--should-decrement-desired-capacity',
  '--bypass-governance-retention',
  '--honor-cooldown',
  '--include-all-instances',
  '--publish',
  '--multi-az',
  '--publicly-accessible',
  '--overwrite',
  '--force-stop',
  '--with-decryption',
  '--human-readable',
  '--summarize',
]);

/** Operation verbs, longest first where one is a prefix of another. */
const VERB =
  /^(admin-)?(batch-)?(delete|terminate|remove|deregister|purge|destroy|release|stop|disable|detach|revoke|reboot|reset|suspend|pause|disassociate|failover|promote|deactivate|restart|swap|create|run|put|update|modify|set|change|replace|attach|associate|enable|start|restore|copy|import|register|allocate|authorize|tag|untag|cancel|rebuild|execute|send|invoke|publish|apply)-/;

/** The resource an operation names: delete-db-instance → db-instance, schedule-key-deletion → key. */
export function operationNoun(op: string): string {
  if (op === 'schedule-key-deletion') return 'key';
  const m = VERB.exec(op);
  // remove-account-from-organization → account, add-user-to-group → user
  return (m ? op.slice(m[0].length) : op).replace(/-(from|to)-.+$/, '');
}

/** Options that name the resource acted on. */
const ID_OPTION =
  /^--([a-z0-9-]+-)?(name|names|identifier|identifiers|id|ids|arn|arns|url|urls)$|^--(cluster|service|bucket|stack|table|queue|function|environment|domain|nodegroup|repository|vault)$/;

function isIdOption(name: string): boolean {
  return (
    ID_OPTION.test(name) &&
    !AWS_GLOBAL_VALUES.has(name) &&
    !name.startsWith('--final-') &&
    !/^--(kms-key-id|client-request-token|idempotency-token|sse-kms-key-id|role-session-name|source-)/.test(
      name,
    )
  );
}

function idOptions(args: CloudArgs): string[] {
  return [...args.options.keys()].filter(isIdOption);
}

/** The identifier of the resource: the option named after the noun (--db-instance-identifier), else the first. */
export function resourceId(noun: string, args: CloudArgs): string | undefined {
  const bucket = value(args, '--bucket');
  const key = value(args, '--key');
  if (bucket && key && /object/.test(noun)) return `s3://${bucket}/${key}`;
  const chosen = resourceIdOption(noun, args);
  if (!chosen) return undefined;
  const vals = values(args, chosen);
  return vals.length ? vals.join(',') : undefined;
}

/** The option `resourceId` reads the identifier from. */
export function resourceIdOption(noun: string, args: CloudArgs): string | undefined {
  const ids = idOptions(args);
  // Try the noun, then shorter heads of it: nodegroup-config → nodegroup → --nodegroup-name.
  const parts = noun.replace(/s$/, '').split('-');
  let chosen: string | undefined;
  for (let n = parts.length; n > 0 && !chosen; n--) {
    const stem = parts.slice(0, n).join('-');
    chosen = ids.find((o) => o === `--${stem}` || o.startsWith(`--${stem}-`));
  }
  return chosen ?? ids[0];
}

/**
 * Resource names as environment hints: every `--*-name`, `--*-identifier`, `--*-id`, `--cluster`… and s3://
 * URLs. All weak: they name the resource (or its cluster), not the account or endpoint it lands in.
 */
export function resourceHints(args: CloudArgs): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (const name of idOptions(args)) {
    for (const v of values(args, name)) if (v) hints.push({ source: `flag ${name}`, value: v, weak: true });
  }
  for (const w of [...args.positionals, ...[...args.options.values()].flat()]) {
    const u = bucketUrl(w.value);
    if (u) hints.push({ source: 'bucket', value: u.bucket, weak: true });
  }
  return hints;
}

const SERVICE_CATEGORY: Record<string, string> = {
  iam: 'iam',
  'sso-admin': 'iam',
  identitystore: 'iam',
  organizations: 'iam',
  kms: 'kms',
  route53: 'dns',
  route53domains: 'dns',
  route53resolver: 'dns',
  secretsmanager: 'secret',
  cloudformation: 'stack',
  s3api: 'bucket',
  s3control: 'bucket',
  dynamodb: 'table',
  rds: 'database',
  docdb: 'database',
  neptune: 'database',
  redshift: 'database',
  'redshift-serverless': 'database',
  elasticache: 'database',
  memorydb: 'database',
  dax: 'database',
  'timestream-write': 'database',
  opensearch: 'database',
  es: 'database',
  eks: 'cluster',
  ecs: 'cluster',
  emr: 'cluster',
  kafka: 'cluster',
  efs: 'volume',
  fsx: 'volume',
  sqs: 'queue',
  sns: 'topic',
  kinesis: 'stream',
  lambda: 'function',
  elasticbeanstalk: 'environment',
  logs: 'logs',
  ecr: 'repository',
  codecommit: 'repository',
  backup: 'backup',
  autoscaling: 'instance',
  glue: 'database',
};

/** The resource class of an operation, for policies. */
export function awsCategory(service: string, noun: string): string | undefined {
  if (['iam', 'kms', 'dns', 'secret'].includes(SERVICE_CATEGORY[service] ?? ''))
    return SERVICE_CATEGORY[service];
  if (/snapshot|backup|recovery-point/.test(noun)) return 'backup';
  if (service === 'ec2') {
    if (/(^|-)instances?(-|$)/.test(noun)) return 'instance';
    if (/(^|-)volumes?$/.test(noun)) return 'volume';
    if (
      /(^|-)(vpc|subnet|security-group|route|nat-gateway|internet-gateway|network-acl|transit-gateway|address)/.test(
        noun,
      )
    )
      return 'network';
    return noun.replace(/s$/, '') || 'ec2';
  }
  if (/(^|-)parameters?$/.test(noun) && service === 'ssm') return 'secret';
  if (/(^|-)tables?$/.test(noun)) return 'table';
  if (
    /(^|-)(db-instance|db-cluster|global-cluster|database|replication-group|serverless-cache)s?$/.test(noun)
  )
    return 'database';
  if (/(^|-)buckets?$|(^|-)objects?$/.test(noun)) return 'bucket';
  if (/(^|-)(stack|stack-set|stack-instances)$/.test(noun)) return 'stack';
  if (/(^|-)(volume|file-system)s?$/.test(noun)) return 'volume';
  if (/(^|-)hosted-zone$/.test(noun)) return 'dns';
  if (service === 'ecs' && /(^|-)service$/.test(noun)) return 'service';
  return SERVICE_CATEGORY[service] ?? (noun || undefined);
}

/** Deleting these loses data or a whole environment: critical, not merely high. */
const CRITICAL_NOUN =
  /(^|-)(db-instance|db-cluster|global-cluster|cluster|cache-cluster|table|bucket|stack|stack-set|file-system|volume|hosted-zone|secret|database|relational-database|domain|elasticsearch-domain|replication-group|serverless-cache|environment|organization|organizational-unit|account|user-pool|identity-pool|backup-vault|recovery-point|namespace|workgroup|keyspace|ledger|vpc|graph|directory|clusters)s?$/;

const CRITICAL_SERVICE = new Set(['iam', 'organizations', 'sso-admin', 'identitystore', 'codecommit']);

export function criticalDeletion(service: string, noun: string, op: string): boolean {
  if (op === 'schedule-key-deletion') return true;
  if (CRITICAL_SERVICE.has(service)) return true;
  if (service === 'kms') return /(^|-)(key|key-material)$/.test(noun);
  if (service === 'ec2') return /(^|-)(volume|vpc)s?$/.test(noun);
  return CRITICAL_NOUN.test(noun);
}
