import { has, switchOn, value, type CloudArgs } from './common.js';

// Settings that take away what would let a team undo a mistake or see who made it, by cloud: the audit
// trail narrowed or paused, a logging sink disabled, point-in-time recovery, soft delete, MFA delete, a legal
// hold or a load balancer's deletion protection turned off, a security service's plan dropped to free. Each
// was a low-risk "change", allowed; nothing is deleted until later, when nothing can be recovered. Each
// function returns what the command removes, or undefined.

/** The text of every value given, for settings written as shorthand or JSON (`Key=…,Value=false`). */
const allValues = (args: CloudArgs) => [...args.options.values()].flat().map((w) => w.value);

/** `Key=deletion_protection.enabled,Value=false`, `{"Key": "…", "Value": "false"}`: a key switched off. */
const keyOff = (args: CloudArgs, key: RegExp) =>
  allValues(args).some((v) => key.test(v) && /Value"?\s*[=:]\s*"?(false|0|off|disabled?)\b/i.test(v));

/** AWS: the trail, its event selectors, point-in-time recovery, MFA delete, legal holds, alarms, detectors. */
export function awsSafetyNet(service: string, op: string, args: CloudArgs): string | undefined {
  if (service === 'cloudtrail') {
    if (op === 'update-trail') {
      const off = [
        '--no-is-multi-region-trail',
        '--no-include-global-service-events',
        '--no-enable-log-file-validation',
      ].filter((o) => has(args, o));
      return off.length ? `part of the audit trail (${off.join(', ')})` : undefined;
    }
    if (op === 'put-event-selectors') {
      const text = allValues(args).join(' ');
      const narrowed =
        /ReadWriteType"?\s*[=:]\s*"?ReadOnly/i.test(text) ||
        /IncludeManagementEvents"?\s*[=:]\s*"?false/i.test(text) ||
        /^\s*\[\s*\]\s*$/.test(value(args, '--event-selectors') ?? '');
      return narrowed ? 'the recording of write or management events from the audit trail' : undefined;
    }
  }
  if (service === 'dynamodb' && op === 'update-continuous-backups')
    return /PointInTimeRecoveryEnabled"?\s*[=:]\s*"?false/i.test(allValues(args).join(' '))
      ? 'point-in-time recovery'
      : undefined;
  if (service === 's3api') {
    const text = allValues(args).join(' ');
    if (op === 'put-bucket-versioning' && /MFADelete"?\s*[=:]\s*"?Disabled/i.test(text))
      return 'MFA delete on the bucket';
    if (op === 'put-object-legal-hold' && /Status"?\s*[=:]\s*"?OFF/i.test(text))
      return 'the legal hold on the object';
    if (
      (op === 'put-object-retention' || op === 'delete-object' || op === 'delete-objects') &&
      has(args, '--bypass-governance-retention')
    )
      return 'object lock retention (--bypass-governance-retention)';
    if (op === 'put-bucket-logging' && !/TargetBucket/i.test(value(args, '--bucket-logging-status') ?? ''))
      return 'server access logging on the bucket';
  }
  if (service === 'elbv2' && op === 'modify-load-balancer-attributes') {
    if (keyOff(args, /deletion_protection\.enabled/)) return 'the deletion protection of the load balancer';
    if (keyOff(args, /access_logs\.s3\.enabled/)) return 'the access logs of the load balancer';
  }
  if (service === 'cloudwatch' && op === 'disable-alarm-actions') return 'the actions of the alarms';
  if (service === 'logs' && op === 'put-retention-policy') {
    const days = Number(value(args, '--retention-in-days'));
    return days > 0 && days < 30 ? `log history older than ${days} days` : undefined;
  }
  if (service === 'guardduty' && op === 'update-detector' && has(args, '--no-enable'))
    return 'threat detection (GuardDuty)';
  if (
    (service === 'securityhub' &&
      /^(disable-security-hub|batch-disable-standards|disable-organization-admin-account)$/.test(op)) ||
    (service === 'macie2' && op === 'disable-macie') ||
    (service === 'inspector2' && op === 'disable') ||
    (service === 'config' && op === 'stop-configuration-recorder')
  )
    return `a security or compliance service (${service} ${op})`;
  if (service === 'ec2' && op === 'disable-ebs-encryption-by-default') return 'encryption of new volumes';
  if (
    service === 'ec2' &&
    op === 'modify-instance-metadata-options' &&
    value(args, '--http-tokens') === 'optional'
  )
    return 'the session tokens that protect the instance metadata service (IMDSv2)';
  if (service === 'kms' && op === 'disable-key-rotation') return 'the key rotation';
  return undefined;
}

/** AWS: a Lambda function or a resource policy opened to every principal: anyone may call it. */
export function awsOpenPrincipal(service: string, op: string, args: CloudArgs): string | undefined {
  if (service !== 'lambda' || !/^add-(permission|layer-version-permission)$/.test(op)) return undefined;
  const principal = value(args, '--principal') ?? '';
  const scoped = has(args, '--source-arn', '--source-account', '--principal-org-id', '--organization-id');
  return /^\*$/.test(principal.trim()) && !scoped
    ? 'the function to every AWS principal (--principal *)'
    : undefined;
}

/** What a schedule's target does when it fires: `arn:aws:scheduler:::aws-sdk:dynamodb:deleteTable`. */
export function awsScheduledCall(service: string, op: string, args: CloudArgs): string | undefined {
  if (service !== 'scheduler' || !/^(create|update)-schedule$/.test(op)) return undefined;
  const target = value(args, '--target') ?? '';
  const sdk = /aws-sdk:([\w-]+):(\w+)/.exec(target);
  if (
    !sdk ||
    !/^(delete|terminate|remove|purge|drop|destroy|deregister|stop|disable|detach|revoke)/i.test(sdk[2]!)
  )
    return undefined;
  return `${sdk[1]} ${sdk[2]}`;
}

/** gcloud: sinks disabled, soft delete, drop protection, backups and point-in-time recovery off. */
export function gcloudSafetyNet(groups: string, verb: string, args: CloudArgs): string | undefined {
  if (groups === 'logging sinks' && verb === 'update' && switchOn(args, '--disabled'))
    return 'the logging sink';
  if (groups === 'logging buckets' && verb === 'update') {
    const days = Number(value(args, '--retention-days'));
    if (days > 0 && days < 30) return `log history older than ${days} days`;
  }
  if (/^storage buckets$/.test(groups) && verb === 'update') {
    const off = ['--clear-soft-delete', '--clear-retention-period', '--no-versioning'].filter((o) =>
      has(args, o),
    );
    if (/^0+[smhd]?$/.test(value(args, '--soft-delete-duration') ?? '')) off.push('--soft-delete-duration=0');
    if (off.length) return `recovery of the bucket's deleted objects (${off.join(', ')})`;
  }
  const off = [
    '--no-enable-drop-protection',
    '--no-backup',
    '--no-enable-point-in-time-recovery',
    '--no-enable-bin-log',
    '--no-enable-pitr',
  ].filter((o) => has(args, o));
  if (off.length) return `the protection or backups of the resource (${off.join(', ')})`;
  if (groups === 'resource-manager org-policies' && /^(disable-enforce|delete)$/.test(verb))
    return 'an organization policy constraint';
  if (groups === 'container clusters' && verb === 'update') {
    const none = ['--logging', '--monitoring'].filter((o) => /^none$/i.test(value(args, o) ?? ''));
    if (none.length) return `the cluster's ${none.map((o) => o.slice(2)).join(' and ')}`;
  }
  return undefined;
}

/** gcloud scheduler jobs that will send a DELETE, or run a deleting workflow, on a schedule. */
export function gcloudScheduledCall(groups: string, verb: string, args: CloudArgs): string | undefined {
  if (!/^scheduler jobs( create| update)?$/.test(groups) || !/^(create|update|http)$/.test(verb))
    return undefined;
  const method = value(args, '--http-method') ?? '';
  return /^delete$/i.test(method) ? `an HTTP DELETE of ${value(args, '--uri') ?? 'its URI'}` : undefined;
}

/** Azure: Defender plans dropped to free, alerts disabled, blob soft delete and versioning off, vault soft delete. */
export function azureSafetyNet(groups: string, verb: string, args: CloudArgs): string | undefined {
  if (
    groups === 'security pricing' &&
    /^(create|update)$/.test(verb) &&
    /^free$/i.test(value(args, '--tier') ?? '')
  )
    return `the Defender plan ${value(args, '-n', '--name') ?? ''}`.trim();
  if (/^monitor (activity-log|metrics|scheduled-query) alert$/.test(groups) && verb === 'update') {
    const enabled = value(args, '--enabled');
    if (enabled !== undefined && /^(false|no|0)$/i.test(enabled)) return 'the alert';
  }
  if (groups === 'storage account blob-service-properties' && verb === 'update') {
    const off = [
      '--enable-delete-retention',
      '--enable-versioning',
      '--enable-container-delete-retention',
      '--enable-change-feed',
    ].filter((o) => has(args, o) && !switchOn(args, o));
    if (off.length) return `recovery of deleted blobs (${off.join(', ')} false)`;
  }
  if (
    groups === 'backup vault backup-properties' &&
    verb === 'set' &&
    /^disable/i.test(value(args, '--soft-delete-feature-state') ?? '')
  )
    return 'soft delete of the backups';
  if (groups === 'backup protection' && verb === 'disable') return 'the protection (backups) of the item';
  return undefined;
}

/**
 * Commands that only add a safety net or take back a deletion: a resource lock, a key's deletion cancelled,
 * its rotation turned on, termination protection on, a deleted secret restored or recovered. Sensitive
 * services' changes are otherwise asked about; these need not be.
 */
export function addsProtection(
  cloud: 'aws' | 'azure',
  groups: string,
  verb: string,
  args: CloudArgs,
): boolean {
  if (cloud === 'azure')
    return (
      // A ReadOnly lock stops every write to the resource, as an outage would: not a mere protection.
      (groups === 'lock' && verb === 'create' && !/^readonly$/i.test(value(args, '--lock-type') ?? '')) ||
      (/^keyvault (secret|key|certificate)$/.test(groups) && verb === 'recover')
    );
  if (groups === 'kms') return verb === 'cancel-key-deletion' || verb === 'enable-key-rotation';
  if (groups === 'secretsmanager')
    return (
      verb === 'restore-secret' ||
      (verb === 'create-secret' && !has(args, '--force-overwrite-replica-secret'))
    );
  return (
    groups === 'cloudformation' &&
    verb === 'update-termination-protection' &&
    has(args, '--enable-termination-protection')
  );
}
