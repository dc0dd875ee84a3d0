import { azureExposure } from './exposure.js';
import { runsThere, writtenCommands } from './remote-commands.js';
import { addsProtection, azureSafetyNet } from './safety-nets.js';
import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { downloadWrites } from '../downloads.js';
import { PARENT_OPTIONS, SENSITIVE, resource } from './azure-names.js';
import {
  aggravate,
  cloudEffect,
  has,
  hintsFrom,
  isZero,
  nameHintsFrom,
  parseCloudArgs,
  type CloudArgs,
  switchOn,
  value,
  values,
} from './common.js';

// `az <group>… <command> [--options]`: the command path comes first, then options (values may be lists).

const GLOBAL_VALUES: ReadonlySet<string> = new Set(['--subscription', '--output', '-o', '--query']);
const FLAGS: ReadonlySet<string> = new Set([
  '--yes',
  '-y',
  '--no-wait',
  '--debug',
  '--verbose',
  '--only-show-errors',
  '--help',
  '-h',
  '--force',
  '--all',
  '--dry-run',
  '--dryrun',
  '--what-if',
  '--no-prompt',
]);

const READ =
  /^(show|list|exists|query|download|download-batch|tail|wait|browse|url|summarize|version|login|logout|get-.+|list-.+|show-.+|check-.+|generate-sas|what-if|validate|export)$/;
const HARMLESS_GROUPS = new Set([
  'login',
  'logout',
  'config',
  'configure',
  'extension',
  'version',
  'find',
  'upgrade',
  'feedback',
  'interactive',
  'init',
  'bicep',
  'cloud',
  'self-test',
]);

/**
 * `az storage blob download --file F`, `az storage file download --dest F`, `… download-batch -d DIR`: only
 * read the storage account, but write where they name here, as curl -o does (downloads.ts).
 */
function download(inv: Invocation, args: CloudArgs, hints: EnvironmentHint[]): Effect[] {
  const dest = ['--file', '-f', '--dest', '--destination', '-d'].flatMap((o) => args.options.get(o) ?? [])[0];
  return downloadWrites(inv, dest, hints);
}

export function az(inv: Invocation): Effect[] {
  const words = inv.args;
  const lead: Word[] = [];
  const path: Word[] = [];
  let i = 0;
  // Options before the path (rare: `az --debug group list`), then the path up to the first option.
  while (i < words.length && !words[i]!.dynamic && words[i]!.value.startsWith('-')) {
    lead.push(words[i]!);
    if (GLOBAL_VALUES.has(words[i]!.value) && i + 1 < words.length) lead.push(words[++i]!);
    i++;
  }
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (!w.dynamic && w.value.startsWith('-')) break;
    path.push(w);
  }
  const args = parseCloudArgs([...lead, ...words.slice(i)], {
    flags: FLAGS,
    values: GLOBAL_VALUES,
    multi: true,
  });
  if (path.length === 0 || HARMLESS_GROUPS.has(path[0]!.value) || has(args, '--help', '-h')) return [];
  const verbWord = path[path.length - 1]!;
  const groupWords = path.slice(0, -1).map((w) => w.value);
  const groups = groupWords.join(' ');
  const verb = verbWord.value;

  const rg = value(args, '--resource-group', '-g');
  const hints: EnvironmentHint[] = [
    ...(has(args, '--subscription')
      ? hintsFrom('flag --subscription', value(args, '--subscription'))
      : hintsFrom('env AZURE_SUBSCRIPTION_ID', inv.env('AZURE_SUBSCRIPTION_ID'))),
    // The subscription is the account the call lands in (explicit); a resource group is a resource's
    // name like any other (weak), and so are the names and ids of the resources themselves.
    ...(rg
      ? nameHintsFrom('flag --resource-group', rg)
      : nameHintsFrom('env AZURE_DEFAULTS_GROUP', inv.env('AZURE_DEFAULTS_GROUP'))),
    ...nameHintsFrom('flag --name', ...values(args, '--name', '-n')),
    ...nameHintsFrom('flag --ids', ...values(args, '--ids')),
    ...[...args.options.keys()]
      .filter((o) => /^--[a-z0-9-]+-name$/.test(o) || PARENT_OPTIONS.includes(o))
      .flatMap((o) => nameHintsFrom(`flag ${o}`, ...values(args, o))),
  ];

  if (verbWord.dynamic || path.some((w) => w.dynamic))
    return [
      cloudEffect('az', {
        operation: 'execute-unverifiable',
        target: `az ${path.map((w) => w.value).join(' ')}`,
        risk: 'high',
        reason: 'the az command is computed at run time, so what it does cannot be verified',
        hints,
      }),
    ];
  if (groupWords.length === 0 && verb !== 'rest') return [];
  if (verb === 'rest') return rest(args, hints);
  if (groupWords[0] === 'storage' && /^download(-batch)?$/.test(verb)) return download(inv, args, hints);
  if (READ.test(verb)) return [];

  const { category, critical } = resource(groups);
  const name = values(args, '--name', '-n').join(',') || values(args, '--ids').join(' ');
  // In storage commands -s/--source is a source (a container to empty, or a local directory to upload).
  const parentOptions =
    groupWords[0] === 'storage' && verb !== 'delete-batch'
      ? PARENT_OPTIONS.filter((o) => o !== '-s' && o !== '--source')
      : PARENT_OPTIONS;
  const parents = parentOptions.flatMap((o) => values(args, o));
  const target =
    [groups, name].filter(Boolean).join(' ') +
    (parents.length ? ` on ${parents.join('/')}` : '') +
    (rg ? ` in resource group ${rg}` : '');
  const what = `az ${groups} ${verb}`;
  const make = (operation: Operation, risk: Risk, reason: string, cat = category, reversible?: boolean) =>
    cloudEffect('az', {
      operation,
      target,
      risk,
      reason,
      category: cat,
      hints,
      ...(reversible === undefined ? {} : { reversible }),
    });

  if (verb === 'delete-batch') {
    // `az storage blob|file delete-batch --dryrun` lists what it would delete and deletes nothing.
    if (has(args, '--dryrun')) return [];
    const pattern = value(args, '--pattern');
    return [
      make(
        'delete',
        pattern ? 'high' : 'critical',
        pattern
          ? `${what} deletes every item matching ${pattern} in ${target}`
          : `${what} deletes every item in ${target}`,
      ),
    ];
  }
  if (verb === 'delete' || verb === 'purge') {
    const isCritical = critical || verb === 'purge';
    const effect = make(
      'delete',
      isCritical ? 'critical' : 'high',
      `${what} deletes ${target}${verb === 'purge' ? ' beyond recovery' : ''}${isCritical ? ': it holds data or a whole environment' : ''}`,
    );
    if (verb === 'purge') effect.reversible = false;
    const unmanage = value(args, '--action-on-unmanage');
    if (unmanage && /^delete/i.test(unmanage))
      aggravate(effect, `the resources it manages are deleted too (${unmanage})`);
    if (has(args, '--force-deletion-types')) effect.reason += ' (forced deletion)';
    return [effect];
  }
  if (/^(create|update)$/.test(verb) && /^complete$/i.test(value(args, '--mode') ?? ''))
    return [
      make(
        'delete',
        'high',
        `${what} --mode Complete deletes every resource of the group the template does not declare`,
        'stack',
      ),
    ];
  if (groups === 'backup protection' && verb === 'disable' && switchOn(args, '--delete-backup-data'))
    return [
      make('delete', 'critical', `${what} --delete-backup-data deletes the backups of ${target}`, 'backup'),
    ];
  if (verb === 'sync' && switchOn(args, '--delete-destination'))
    return [
      make('delete', 'high', `${what} --delete-destination deletes what the source lacks in ${target}`),
    ];
  const zero = isZero(
    args,
    '--node-count',
    '--new-capacity',
    '--max-count',
    '--max-replicas',
    '--number-of-workers',
    '--count',
  );
  if (zero && /^(scale|update|set)$/.test(verb))
    return [make('modify', 'high', `${what} scales ${target} to zero (${zero} 0), taking it out of service`)];
  if (/^(invoke|exec|ssh)$/.test(verb) || (groups.endsWith('run-command') && verb === 'create')) {
    const effect = make(
      'modify',
      'medium',
      `${what} runs commands on ${target} that Interlock does not inspect`,
      category,
      false,
    );
    const shell = groups.endsWith('run-command') && value(args, '--command-id') === 'RunShellScript';
    const script = shell ? writtenCommands(args, '--scripts') : undefined;
    return [script === undefined ? effect : runsThere(effect, script)];
  }
  if (
    /^(stop|deallocate|restart|reboot|disable|suspend|pause|failover|revoke|detach|remove|stop-.+|redeploy|reimage)$/.test(
      verb,
    )
  )
    return [make('modify', 'medium', `${what} interrupts or cuts off ${target}`)];
  if (verb === 'import')
    return [
      make(
        'modify',
        'medium',
        `${what} writes data into ${target} that Interlock does not inspect`,
        category,
        false,
      ),
    ];
  const exposed = azureExposure(groups, verb, args);
  if (exposed) return [make('modify', 'high', `${what} opens ${exposed}`, category, true)];
  const net = azureSafetyNet(groups, verb, args);
  if (net) return [make('modify', 'medium', `${what} turns off ${net} (${target})`)];
  if (addsProtection('azure', groups, verb, args))
    return [make('modify', 'low', `${what} adds protection to ${target}`)];
  const protectionOff = ['--enable-purge-protection', '--enable-soft-delete', '--deletion-protection'].find(
    (o) => has(args, o) && /^(false|disabled?)$/i.test(value(args, o) ?? ''),
  );
  if (protectionOff)
    return [make('modify', 'medium', `${what} turns off the protection of ${target} (${protectionOff})`)];
  const creating = /^(create|start|deploy|add|import|copy|restore|up|run)$/.test(verb);
  const sensitive =
    SENSITIVE.has(category ?? '') || /^(role|policy|lock)( |$)/.test(groups) || /policy/.test(verb);
  return [
    make(
      creating && !sensitive ? 'create' : 'modify',
      sensitive ? 'medium' : 'low',
      `${what} ${creating ? 'creates or starts' : 'changes'} ${target}`,
    ),
  ];
}

/** `az rest --method …`: a raw Azure Resource Manager request. */
function rest(args: CloudArgs, hints: EnvironmentHint[]): Effect[] {
  const method = (
    value(args, '--method', '-m') ?? (has(args, '--body', '-b') ? 'post' : 'get')
  ).toLowerCase();
  const url = value(args, '--url', '--uri', '-u') ?? '?';
  const urlHints = [...hints, ...nameHintsFrom('url', url)];
  if (method === 'get' || method === 'head') return [];
  if (method === 'delete')
    return [
      cloudEffect('az', {
        operation: 'delete',
        target: url,
        risk: 'high',
        reason: `az rest --method delete deletes the resource at ${url}`,
        hints: urlHints,
      }),
    ];
  return [
    cloudEffect('az', {
      operation: 'modify',
      target: url,
      risk: 'medium',
      reason: `az rest --method ${method} changes the resource at ${url}, in a way Interlock does not inspect`,
      hints: urlHints,
    }),
  ];
}
