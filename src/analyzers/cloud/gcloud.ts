import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { cloudSqlEffects } from './sql-statements.js';
import { runsThere, writtenCommands } from './remote-commands.js';
import { gcloudExposure } from './exposure.js';
import { gcloudSafetyNet, gcloudScheduledCall } from './safety-nets.js';
import { storageCommand } from './gcloud-storage.js';
import { runTraffic } from './gcloud-traffic.js';
import {
  FLAGS,
  GROUP_LOOKALIKES,
  HARMLESS_GROUPS,
  READ,
  SENSITIVE,
  VERB_PREFIX,
  VERBS,
  resource,
} from './gcloud-words.js';
import {
  aggravate,
  anyAddress,
  bucketHints,
  bucketUrl,
  cloudEffect,
  has,
  hintsFrom,
  isZero,
  nameHintsFrom,
  parseCloudArgs,
  value,
  values,
  type CloudArgs,
} from './common.js';

// `gcloud [alpha|beta] <group>… <command> [NAME…] [--flags]`: the command is the verb at the end of the path.

/**
 * An ingress rule any address may use: `--source-ranges=0.0.0.0/0`, or a rule created with no source at all
 * (gcloud then lets in 0.0.0.0/0).
 */
function openToTheWorld(verb: string, args: CloudArgs): boolean {
  if (
    /^egress$/i.test(value(args, '--direction') ?? 'INGRESS') ||
    (has(args, '--action') && /^deny$/i.test(value(args, '--action') ?? ''))
  )
    return false;
  const ranges = values(args, '--source-ranges');
  if (ranges.some(anyAddress)) return true;
  const sourced = has(args, '--source-ranges', '--source-tags', '--source-service-accounts');
  return verb === 'create' && !sourced;
}

export function gcloud(inv: Invocation, sql?: SqlParser): Effect[] {
  const args = parseCloudArgs(inv.args, {
    flags: FLAGS,
    values: new Set(['--project', '--configuration', '--format', '--zone', '--region']),
  });
  const words = args.positionals.filter(
    (w, i) => !(i === 0 && ['alpha', 'beta', 'preview'].includes(w.value)),
  );
  // `run` (Cloud Run) and `deploy` (Cloud Deploy) are also top-level groups.
  const at = words.findIndex(
    (w, i) =>
      !w.dynamic &&
      (VERBS.has(w.value) || VERB_PREFIX.test(w.value)) &&
      !(i === 0 && GROUP_LOOKALIKES.has(w.value) && words.length > 1),
  );
  if (at < 0) {
    // No verb we know: a computed one could be anything; otherwise nothing we recognise happens.
    const computed = words.find((w) => w.dynamic);
    return computed && words.length >= 2 ? [unverifiable(words.map((w) => w.value).join(' '))] : [];
  }
  const groupWords = words.slice(0, at).map((w) => w.value);
  const verb = words[at]!.value;
  const nameWords = words.slice(at + 1);
  const names = nameWords.map((w) => w.value);
  if (groupWords.length === 0 || HARMLESS_GROUPS.has(groupWords[0]!)) return [];
  if (READ.test(verb) || has(args, '--dry-run', '--help', '-h')) return [];
  const groups = groupWords.join(' ');

  const hints: EnvironmentHint[] = [
    ...(has(args, '--project')
      ? hintsFrom('flag --project', value(args, '--project'))
      : hintsFrom('env CLOUDSDK_CORE_PROJECT', inv.env('CLOUDSDK_CORE_PROJECT'))),
    ...(has(args, '--configuration')
      ? hintsFrom('flag --configuration', value(args, '--configuration'))
      : hintsFrom('env CLOUDSDK_ACTIVE_CONFIG_NAME', inv.env('CLOUDSDK_ACTIVE_CONFIG_NAME'))),
    // --project selects where the call lands (explicit); the names of the resources acted on (a project
    // being deleted among them) are weak.
    // `gcloud projects add-iam-policy-binding acme-dev`: the project named is where the grant lands, as
    // --project. A project being deleted is named, like any resource: weak (its name cannot vouch for it).
    ...(groups === 'projects' && /iam-policy/.test(verb) && !has(args, '--project')
      ? hintsFrom('project id', names[0])
      : []),
    ...names.filter((n) => !bucketUrl(n)).flatMap((n) => nameHintsFrom('resource name', n)),
    ...bucketHints(names.map(bucketUrl)),
    ...['--cluster', '--instance', '--database', '--restore-instance', '--backup-instance'].flatMap((o) =>
      nameHintsFrom(`flag ${o}`, ...values(args, o)),
    ),
  ];
  const { category, critical } = resource(groups);
  const restoreInto = value(args, '--restore-instance');
  const target =
    groups === 'sql' && names.length > 1
      ? `sql instances ${names[1]}` // gcloud sql import|export FORMAT INSTANCE URI
      : restoreInto
        ? `sql instances ${restoreInto}`
        : [groups, names.join(',') || value(args, '--instance', '--cluster')].filter(Boolean).join(' ');
  const what = `gcloud ${groups} ${verb}`;
  const make = (operation: Operation, risk: Risk, reason: string, cat = category, reversible?: boolean) =>
    cloudEffect('gcloud', {
      operation,
      target,
      risk,
      reason,
      category: cat,
      hints,
      ...(reversible === undefined ? {} : { reversible }),
    });

  if (groupWords[0] === 'storage') {
    const storage = storageCommand(inv, verb, nameWords, args, hints);
    if (storage) return storage;
  }
  if (['delete', 'destroy', 'purge', 'delete-instances'].includes(verb)) {
    const isCritical = critical || verb === 'destroy';
    const effect = make(
      'delete',
      isCritical ? 'critical' : 'high',
      `${what} deletes ${target}${isCritical ? ': it holds data or a whole environment' : ''}`,
    );
    const disks = value(args, '--delete-disks');
    if (disks && /^(all|data)$/.test(disks))
      aggravate(
        effect,
        `its ${disks === 'all' ? '' : 'data '}disks are deleted too (--delete-disks=${disks})`,
      );
    return [effect];
  }
  if (groups === 'compute firewall-rules' && /^(create|update)$/.test(verb) && openToTheWorld(verb, args))
    return [make('modify', 'high', `${what} lets the whole internet in`, 'network', true)];
  const exposed = gcloudExposure(groups, verb, args);
  if (exposed) return [make('modify', 'high', `${what} opens ${exposed}`, category, true)];
  const net = gcloudSafetyNet(groups, verb, args);
  if (net) return [make('modify', 'medium', `${what} turns off ${net} (${target})`, category, true)];
  const traffic = runTraffic(groups, verb, args);
  if (traffic) return [make('modify', traffic.risk, `${what} ${traffic.what}`, category, true)];
  const scheduled = gcloudScheduledCall(groups, verb, args);
  if (scheduled)
    return [make('delete', 'high', `${what} schedules ${scheduled}, which will run unattended`, category)];
  if (has(args, '--no-deletion-protection'))
    return [
      make('modify', 'medium', `${what} turns off the deletion protection of ${target}`, category, true),
    ];
  if (/iam-policy/.test(verb))
    return [make('modify', 'medium', `${what} changes who may access ${target}`, 'iam')];
  const zero = isZero(
    args,
    '--size',
    '--num-nodes',
    '--max-nodes',
    '--total-max-nodes',
    '--max-num-replicas',
    '--node-count',
  );
  if (zero && /^(resize|update|patch|set-autoscaling|set-size)$/.test(verb))
    return [make('modify', 'high', `${what} scales ${target} to zero (${zero} 0), taking it out of service`)];
  if (groups === 'sql instances' && /^never$/i.test(value(args, '--activation-policy') ?? ''))
    return [make('modify', 'medium', `${what} --activation-policy NEVER stops the instance`)];
  if (verb === 'restore-backup' || (groups === 'sql backups' && verb === 'restore'))
    return [
      make('replace', 'critical', `${what} overwrites the data of ${target} with a backup`, 'database'),
    ];
  const statements = sql && cloudSqlEffects(sql, 'gcloud', `${groups} ${verb}`, args, hints);
  // --query-mode=PLAN only plans the statement.
  if (statements) return /^plan$/i.test(value(args, '--query-mode') ?? '') ? [] : statements;
  if (verb === 'import' || verb === 'execute-sql')
    return [
      make(
        'modify',
        'medium',
        `${what} writes data into ${target} that Interlock does not inspect`,
        category,
        false,
      ),
    ];
  if (verb === 'recreate-instances' || (verb === 'replace' && /rolling-action/.test(groups)))
    return [make('replace', 'medium', `${what} recreates the instances of ${target}`)];
  if (verb === 'ssh' || verb === 'scp') {
    if (verb === 'ssh' && has(args, '--command')) {
      const effect = make(
        'modify',
        'medium',
        `${what} runs a command on ${target} that Interlock does not inspect`,
        category,
        false,
      );
      const script = writtenCommands(args, '--command');
      return [script === undefined ? effect : runsThere(effect, script)];
    }
    return [];
  }
  if (groups === 'pubsub subscriptions' && verb === 'pull') return pulled(args, make);
  if (
    /^(stop|suspend|reset|disable|restart|failover|revoke|abandon-instances|seek|rollback|upgrade|remove-.*|detach-.*)$/.test(
      verb,
    )
  )
    return [make('modify', 'medium', `${what} interrupts or cuts off ${target}`)];
  if (/^(deployment-manager|infra-manager) deployments$/.test(groups) && /^(update|apply)$/.test(verb))
    return [
      make(
        'modify',
        'medium',
        `${what} changes the deployment, which may replace or delete its resources`,
        'stack',
      ),
    ];
  const creating = /^(create|deploy|submit|clone|start|resume|run|call|publish|undelete|add.*)$/.test(verb);
  // A new secret takes nothing away (a new version of one changes what its readers get: still asked).
  const sensitive = SENSITIVE.has(category ?? '') && !(groups === 'secrets' && verb === 'create');
  return [
    make(
      creating && !sensitive ? 'create' : 'modify',
      sensitive ? 'medium' : 'low',
      `${what} ${creating ? 'creates or starts' : 'changes'} ${target}`,
    ),
  ];
}

/**
 * `pubsub subscriptions pull SUB` reads; with --auto-ack it acknowledges what it pulls, and an acknowledged
 * message is gone from the subscription: routine in staging, lost work in production.
 */
function pulled(
  args: CloudArgs,
  make: (operation: Operation, risk: Risk, reason: string, cat?: string) => Effect,
): Effect[] {
  if (!has(args, '--auto-ack')) return [];
  const effect = make(
    'delete',
    'medium',
    'gcloud pubsub subscriptions pull --auto-ack acknowledges the messages it pulls: they are gone from the subscription',
    'queue',
  );
  return [{ ...effect, riskInProduction: 'high' }];
}

function unverifiable(text: string): Effect {
  return cloudEffect('gcloud', {
    operation: 'execute-unverifiable',
    target: `gcloud ${text}`,
    risk: 'high',
    reason: 'the gcloud command is computed at run time, so what it does cannot be verified',
  });
}
