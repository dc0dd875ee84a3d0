import type { Access, Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import { awsCategory, criticalDeletion, operationNoun, resourceId, resourceIdOption } from './aws-names.js';
import { awsExposure } from './exposure.js';
import { awsSetting } from './aws-settings.js';
import { cloudSqlEffects } from './sql-statements.js';
import { runsThere, ssmShellCommands, writtenCommands } from './remote-commands.js';
import type { SqlParser } from '../sql-parser.js';
import { addsProtection, awsOpenPrincipal, awsSafetyNet, awsScheduledCall } from './safety-nets.js';
import {
  aggravate,
  anyAddress,
  cloudEffect,
  has,
  isZero,
  value,
  values,
  zeroKey,
  type CloudArgs,
} from './common.js';

// What one `aws <service> <operation>` call does, from the operation's name and a few telling options.

export interface AwsCall {
  service: string;
  op: string;
  args: CloudArgs;
  hints: EnvironmentHint[];
  /** `--region`, else AWS_REGION / AWS_DEFAULT_REGION: where the call lands (for the resource's ARN). */
  region?: string;
  /** Reads the SQL that Athena, Redshift Data and RDS Data calls carry. */
  sql?: SqlParser;
}

const READ =
  /^(describe|list|get|head|wait|search|lookup|check|validate|estimate|preview|simulate|query|scan|filter|batch-get|select|download|generate|sign|verify|decrypt|encrypt|re-encrypt|decode|detect|tail|view|poll|receive|test|export|help|show|admin-get|admin-list|can|compare|discover|evaluate|assume|retrieve|fetch|count|analyze|sample)(-|$)/;
const DELETE = /^(admin-)?(batch-)?(delete|terminate|remove|deregister|purge|destroy)(-|$)/;
const TAGS = /^(delete|remove)-(resource-)?tags?(-|$)|^untag(-|$)/;
const MEDIUM_MODIFY =
  /^(admin-)?(stop|disable|detach|revoke|reboot|reset|suspend|pause|disassociate|failover|promote|deactivate|restart|swap)(-|$)/;
const CREATE =
  /^(create|run|copy|allocate|import|register|publish|send|start|invoke|restore|request|issue|accept|upload|add|authorize|clone)(-|$)/;
/** Changes to who may do what, encryption keys and DNS are never routine. */
const SENSITIVE_SERVICES = new Set([
  'iam',
  'kms',
  'route53',
  'route53domains',
  'organizations',
  'sso-admin',
  'identitystore',
  'secretsmanager',
]);

/** Options that throw away the way back from a deletion. */
const AGGRAVATING: [string, string][] = [
  ['--skip-final-snapshot', 'no final snapshot is kept (--skip-final-snapshot)'],
  ['--skip-final-cluster-snapshot', 'no final snapshot is kept (--skip-final-cluster-snapshot)'],
  ['--no-final-snapshot', 'no final snapshot is kept (--no-final-snapshot)'],
  [
    '--force-delete-without-recovery',
    'it is deleted at once, with no recovery window (--force-delete-without-recovery)',
  ],
  ['--delete-automated-backups', 'its automated backups are deleted too (--delete-automated-backups)'],
  ['--terminate-env-by-force', 'its running environments are terminated too (--terminate-env-by-force)'],
  ['--bypass-governance-retention', 'object-lock retention is bypassed (--bypass-governance-retention)'],
];
/** Options that aggravate a deletion only for some services: [service, option, why]. */
const AGGRAVATING_FOR: [string, string, string][] = [
  ['ecr', '--force', 'every image in it is deleted too (--force)'],
  ['ecr-public', '--force', 'every image in it is deleted too (--force)'],
  ['autoscaling', '--force-delete', 'its instances are terminated too (--force-delete)'],
  ['backup', '--force', 'its recovery points go too (--force)'],
];

/** Options and structured keys that set a capacity: at zero the service stops serving. */
const ZERO_OPTIONS = [
  '--desired-capacity',
  '--max-size',
  '--desired-count',
  '--max-capacity',
  '--reserved-concurrent-executions',
  '--target-capacity',
  '--instance-count',
];
const ZERO_STRUCTURES = ['--scaling-config', '--instance-groups', '--target-capacity-specification'];
const ZERO_KEYS = [
  'desiredSize',
  'maxSize',
  'InstanceCount',
  'TotalTargetCapacity',
  'DesiredCapacity',
  'MaxCapacity',
];

const PROTECTION_OFF =
  /^--no-(enable-)?(deletion|termination)-protection(-enabled)?$|^--no-disable-api-(termination|stop)$/;

const STATEMENTS: Record<string, string[]> = {
  'rds-data': ['execute-statement', 'batch-execute-statement'],
  'redshift-data': ['execute-statement', 'batch-execute-statement'],
  dynamodb: ['execute-statement', 'batch-execute-statement', 'execute-transaction'],
  athena: ['start-query-execution'],
};

const STACK_CHANGES = new Set([
  'deploy',
  'update-stack',
  'execute-change-set',
  'update-stack-set',
  'update-stack-instances',
  'rollback-stack',
  'continue-update-rollback',
]);

const BUCKET_ACCESS = new Set([
  'put-bucket-policy',
  'put-bucket-acl',
  'put-object-acl',
  'put-public-access-block',
  'put-bucket-ownership-controls',
  'put-bucket-lifecycle',
  'put-bucket-lifecycle-configuration',
]);

/** A public access block with all four settings on: the bucket is closed to the public, nothing opened. */
function blocksAllPublicAccess(args: CloudArgs): boolean {
  const config = value(args, '--public-access-block-configuration') ?? '';
  return ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].every((key) =>
    new RegExp(`"?${key}"?\\s*[=:]\\s*true`, 'i').test(config),
  );
}

export function classifyAws(call: AwsCall): Effect[] {
  const { service, op, args } = call;
  if (READ.test(op)) return [];
  const noun = operationNoun(op);
  const id = resourceId(noun, args);
  const option = resourceIdOption(noun, args);
  const target = [service, noun, id ?? describeInput(args)].filter(Boolean).join(' ');
  const category = awsCategory(service, noun);
  const access: Access = {
    kind: 'aws',
    service,
    operation: op,
    resourceType: noun,
    ...(id ? { resource: id } : {}),
    ...(id && option ? { resourceOption: option } : {}),
    ...(call.region ? { region: call.region } : {}),
  };
  const make: Make = (operation, risk, reason, extra = {}) =>
    cloudEffect('aws', { operation, target, risk, reason, category, hints: call.hints, access, ...extra });
  const what = `aws ${service} ${op}`;

  // SQL on the command line is read as SQL (a SELECT does nothing); without it, the generic answer below.
  const statements =
    call.sql && cloudSqlEffects(call.sql, 'aws', `${service} ${op}`, args, call.hints, access);
  if (statements) return statements;
  const special = specialCase(call, make, what);
  if (special) return special;
  // A parameter's new value replaces the one every reader gets (its history keeps the old one, out of use).
  if (service === 'ssm' && op === 'put-parameter' && has(args, '--overwrite'))
    return [
      make(
        'modify',
        value(args, '--type') === 'SecureString' ? 'medium' : 'low',
        `${what} --overwrite replaces the value of ${target}`,
        { reversible: true },
      ),
    ];
  const net = awsSafetyNet(service, op, args);
  if (net) return [make('modify', 'medium', `${what} turns off ${net} (${target})`)];
  const open = awsOpenPrincipal(service, op, args);
  if (open) return [make('modify', 'high', `${what} opens ${open}`, { reversible: true })];
  const scheduled = awsScheduledCall(service, op, args);
  if (scheduled) return [make('delete', 'high', `${what} schedules ${scheduled}, which will run unattended`)];
  if (addsProtection('aws', service, op, args))
    return [make('modify', 'low', `${what} adds protection to ${target}`)];

  if (TAGS.test(op)) return [make('modify', 'low', `${what} removes tags from ${target}`)];
  if (DELETE.test(op) || op === 'schedule-key-deletion' || /^release-(address|hosts)$/.test(op)) {
    return [deletion(call, make, what, target, noun)];
  }
  const zero = scaledToZero(op, args);
  if (zero)
    return [make('modify', 'high', `${what} scales ${target} to zero (${zero}), taking it out of service`)];
  // RDS deletes a database's automated backups when their retention is set to 0, and takes no more.
  if (/^modify-db-(instance|cluster)$/.test(op) && isZero(args, '--backup-retention-period'))
    return [
      make(
        'delete',
        'high',
        `${what} --backup-retention-period 0 turns off the automated backups of ${target} and deletes the existing ones`,
      ),
    ];
  const protection = [...args.options.keys()].find((o) => PROTECTION_OFF.test(o));
  if (protection)
    return [
      make('modify', 'medium', `${what} turns off the deletion protection of ${target} (${protection})`),
    ];

  const sensitive = SENSITIVE_SERVICES.has(service);
  if (MEDIUM_MODIFY.test(op)) return [make('modify', 'medium', `${what} interrupts or cuts off ${target}`)];
  const creating = CREATE.test(op);
  const risk: Risk = sensitive ? 'medium' : 'low';
  const reason = sensitive
    ? `${what} changes ${category === 'secret' ? 'secrets' : category === 'iam' ? 'access rights' : category === 'kms' ? 'encryption keys' : 'DNS'} (${target})`
    : `${what} ${creating ? 'creates or starts' : 'changes'} ${target}`;
  return [make(creating && !sensitive ? 'create' : 'modify', risk, reason)];
}

type Make = (
  operation: Operation,
  risk: Risk,
  reason: string,
  extra?: { reversible?: boolean; category?: string },
) => Effect;

function deletion(call: AwsCall, make: Make, what: string, target: string, noun: string): Effect {
  const { service, op, args } = call;
  const critical = criticalDeletion(service, noun, op);
  const why = critical ? 'it holds data or a whole environment' : '';
  // KMS keys and Secrets Manager secrets wait out a recovery window unless forced.
  const windowed =
    op === 'schedule-key-deletion' ||
    (service === 'secretsmanager' && op === 'delete-secret' && !has(args, '--force-delete-without-recovery'));
  const effect = make(
    'delete',
    critical ? 'critical' : 'high',
    `${what} deletes ${target}${why ? `: ${why}` : ''}${windowed ? ' (recoverable during its waiting period)' : ''}`,
    { reversible: windowed },
  );
  for (const [flag, because] of AGGRAVATING) {
    if (has(args, flag)) aggravate(effect, because);
  }
  for (const [svc, flag, because] of AGGRAVATING_FOR) {
    if (svc === service && has(args, flag)) aggravate(effect, because);
  }
  if (value(args, '--deletion-mode') === 'FORCE_DELETE_STACK')
    aggravate(effect, 'resources that fail to delete are abandoned (FORCE_DELETE_STACK)');
  return effect;
}

function scaledToZero(op: string, args: CloudArgs): string | undefined {
  if (!/^(update|modify|set|put|register)-/.test(op)) return undefined;
  const option = isZero(args, ...ZERO_OPTIONS);
  if (option) return `${option} 0`;
  for (const name of ZERO_STRUCTURES) {
    for (const v of values(args, name)) {
      const key = zeroKey(v, ZERO_KEYS);
      if (key) return `${name} ${key}=0`;
    }
  }
  return undefined;
}

function describeInput(args: CloudArgs): string | undefined {
  const input = value(args, '--cli-input-json', '--cli-input-yaml');
  return input ? `(from ${input})` : undefined;
}

/** Operations whose name alone says too little: their options tell what they really do. */
/**
 * A security-group or network-ACL rule letting in any address: which port, when one is named. A rule that
 * lets the world reach a database or a login port is how data leaves, or an intruder comes in.
 */
function openToTheWorld(service: string, op: string, args: AwsCall['args']): string | undefined {
  if (
    service !== 'ec2' ||
    !/^(authorize-security-group-ingress|create-network-acl-entry|replace-network-acl-entry|modify-security-group-rules)$/.test(
      op,
    )
  )
    return undefined;
  const texts = [...args.options.values()].flat().map((w) => w.value);
  if (!texts.some(anyAddress)) return undefined;
  if (op.includes('network-acl') && value(args, '--rule-action') === 'deny') return undefined;
  const port = value(args, '--port', '--port-range');
  return port ? `port ${port}` : "the group's ports";
}

function specialCase(call: AwsCall, make: Make, what: string): Effect[] | undefined {
  const { service, op, args } = call;
  if (STATEMENTS[service]?.includes(op))
    return [
      make('modify', 'medium', `${what} runs statements that Interlock does not inspect here`, {
        reversible: false,
        category: service === 'dynamodb' ? 'table' : 'database',
      }),
    ];
  if ((service === 'ssm' && ['send-command', 'start-session'].includes(op)) || op === 'execute-command') {
    if (op === 'start-session' && /PortForwarding/i.test(value(args, '--document-name') ?? '')) return [];
    const effect = make(
      'modify',
      'medium',
      `${what} runs commands on remote machines that Interlock does not see`,
      {
        reversible: false,
        category: service === 'ecs' ? 'container' : 'instance',
      },
    );
    const shell = op === 'send-command' && value(args, '--document-name') === 'AWS-RunShellScript';
    const parameters = shell ? writtenCommands(args, '--parameters') : undefined;
    const script = parameters === undefined ? undefined : ssmShellCommands(parameters);
    return [script === undefined ? effect : runsThere(effect, script)];
  }
  if (service === 'cloudformation' && STACK_CHANGES.has(op))
    return [
      make('modify', 'medium', `${what} changes the stack, which may replace or delete its resources`, {
        reversible: false,
      }),
    ];
  if (service === 'elasticbeanstalk' && op === 'rebuild-environment')
    return [make('replace', 'critical', `${what} deletes and recreates every resource of the environment`)];
  if (service === 'ec2' && op === 'create-replace-root-volume-task')
    return [make('replace', 'high', `${what} replaces the root volume of an instance, losing its data`)];
  if (service === 'eks' && op === 'update-kubeconfig') return [];
  const setting = awsSetting(service, op, args);
  if (setting)
    return [
      make(setting.operation, setting.risk, `${what} ${setting.what}`, {
        ...(setting.reversible === undefined ? {} : { reversible: setting.reversible }),
      }),
    ];
  const world = openToTheWorld(service, op, args);
  if (world)
    return [make('modify', 'high', `${what} opens ${world} to the whole internet`, { reversible: true })];
  const exposed = awsExposure(service, op, args);
  if (exposed) return [make('modify', 'high', `${what} opens ${exposed}`, { reversible: true })];
  if (service === 'ec2' && op === 'cancel-spot-fleet-requests' && has(args, '--terminate-instances'))
    return [make('delete', 'high', `${what} --terminate-instances terminates the fleet's instances`)];
  if (service === 'route53' && op === 'change-resource-record-sets') return [recordChanges(call, make, what)];
  if (service === 'dynamodb' && op === 'batch-write-item') return [batchWrite(call, make, what)];
  if (service === 's3api' && op === 'put-public-access-block' && blocksAllPublicAccess(args)) return [];
  if (service === 's3api' && BUCKET_ACCESS.has(op))
    return [
      make(
        'modify',
        'medium',
        /lifecycle/.test(op)
          ? `${what} sets lifecycle rules, which can expire objects`
          : `${what} changes who can access the bucket`,
      ),
    ];
  if (
    service === 's3api' &&
    op === 'put-bucket-versioning' &&
    /Suspended/.test(value(args, '--versioning-configuration') ?? '')
  )
    return [make('modify', 'medium', `${what} suspends versioning, so overwritten objects are lost`)];
  return undefined;
}

function inlineJson(text: string | undefined): unknown {
  if (!text || !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function recordChanges(call: AwsCall, make: Make, what: string): Effect {
  const batch = inlineJson(value(call.args, '--change-batch')) as
    { Changes?: { Action?: string; ResourceRecordSet?: { Name?: string } }[] } | undefined;
  if (!batch) return make('modify', 'medium', `${what} changes DNS records (the change batch is not inline)`);
  const deleted = (batch.Changes ?? []).filter((c) => c.Action === 'DELETE');
  if (deleted.length) {
    const names = deleted.map((c) => c.ResourceRecordSet?.Name ?? '?').join(', ');
    return make('delete', 'high', `${what} deletes the DNS records ${names}`);
  }
  return make('modify', 'medium', `${what} changes DNS records`);
}

function batchWrite(call: AwsCall, make: Make, what: string): Effect {
  const items = value(call.args, '--request-items');
  const parsed = inlineJson(items);
  if (parsed === undefined)
    return make(
      'modify',
      'medium',
      `${what} writes items (the request is not inline, deletions cannot be ruled out)`,
    );
  if (JSON.stringify(parsed).includes('"DeleteRequest"'))
    return make('delete', 'high', `${what} deletes items (DeleteRequest)`);
  return make('modify', 'low', `${what} writes items`);
}
