import type { Effect, EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, optionValues, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { effect, keyValueHint, locateSubcommand, nameHints, type Scope } from './common.js';

const COMMANDS = new Set([
  'list',
  'ls',
  'synth',
  'synthesize',
  'bootstrap',
  'gc',
  'deploy',
  'rollback',
  'import',
  'watch',
  'destroy',
  'diff',
  'drift',
  'metadata',
  'acknowledge',
  'ack',
  'notices',
  'init',
  'migrate',
  'context',
  'docs',
  'doc',
  'doctor',
  'refactor',
  'flags',
  'version',
  'cli-telemetry',
  // cdktf
  'get',
  'output',
  'outputs',
  'convert',
  'provider',
  'login',
  'debug',
  'telemetry',
]);

const VALUE_OPTIONS = [
  '--app',
  '-a',
  '--context',
  '-c',
  '--profile',
  '--require-approval',
  '--role-arn',
  '-r',
  '--toolkit-stack-name',
  '--output',
  '-o',
  '--parameters',
  '--outputs-file',
  '-O',
  '--concurrency',
  '--method',
  '-m',
  '--change-set-name',
  '--tags',
  '-t',
  '--notification-arns',
  '--plugin',
  '-p',
  '--proxy',
  '--ca-bundle-path',
  '--build-exclude',
  '-E',
  '--asset-parallelism',
  '--progress',
  '--qualifier',
  '--bootstrap-bucket-name',
  '-b',
  '--bootstrap-kms-key-id',
  '--cloudformation-execution-policies',
  '--trust',
  '--trust-for-lookup',
  '--termination-protection',
  '--template',
  '--language',
  '-l',
  '--unstable',
  '--action',
  '--rollback-buffer-days',
  '--created-buffer-days',
  '--type',
  '--var',
  '--var-file',
  '--parallelism',
  '--auto-approve-var',
  '--target',
  '--from-path',
  '--record-resource-mapping',
  '--resource-mapping',
];

function scopeOf(inv: Invocation, stacks: string[], all: boolean, context: string[]): Scope {
  const hints: EnvironmentHint[] = [];
  for (const s of stacks) hints.push(...nameHints('stack name', s));
  for (const c of context) {
    const hint = keyValueHint('flag --context', c);
    if (hint) hints.push(hint);
  }
  if (inv.name === 'cdklocal') hints.push({ source: 'cdklocal (LocalStack)', value: 'local' });
  const label = stacks.length ? stacks.join(', ') : all ? 'every stack of the app' : 'the stacks of the app';
  return { tool: inv.name === 'aws-cdk' || inv.name === 'cdklocal' ? 'cdk' : inv.name, label, hints };
}

/** AWS CDK (cdk, npx aws-cdk) and CDK for Terraform (cdktf). */
export function cdk(inv: Invocation): Effect[] {
  const index = locateSubcommand(inv.args, COMMANDS, new Set(VALUE_OPTIONS));
  if (index === undefined) return [];
  const words = index === 'dynamic' ? inv.args : inv.args.filter((_, i) => i !== index);
  const o = parseOptions(words, { withValue: VALUE_OPTIONS });
  if (hasOption(o, '--help', '-h')) return [];
  const stacks = o.positionals.map((w) => w.value);
  const scope = scopeOf(inv, stacks, hasOption(o, '--all'), optionValues(o, '--context', '-c'));
  const profile = optionValue(o, '--profile');
  if (profile) scope.hints.push({ source: 'flag --profile', value: profile });
  const tool = scope.tool;
  if (index === 'dynamic')
    return [
      effect(
        scope,
        'execute-unverifiable',
        'high',
        scope.label,
        `the ${tool} subcommand is computed at run time (it could be destroy)`,
        'stack',
      ),
    ];
  const command = inv.args[index]!.value;
  const forced = hasOption(o, '--force', '-f', '--auto-approve');
  switch (command) {
    case 'destroy':
      return [
        effect(
          scope,
          'delete',
          'critical',
          scope.label,
          `${tool} destroy deletes ${stacks.length === 1 ? `the stack ${scope.label}` : scope.label} and every resource in ${stacks.length === 1 ? 'it' : 'them'}${forced ? ' without asking (--force)' : ''}`,
          'stack',
        ),
      ];
    case 'deploy':
    case 'watch': {
      const method = optionValue(o, '--method', '-m');
      if (command === 'deploy' && (method === 'prepare-change-set' || hasOption(o, '--no-execute')))
        return [
          effect(scope, 'create', 'low', scope.label, `${tool} deploy only prepares a change set`, 'stack'),
        ];
      const never = optionValue(o, '--require-approval') === 'never' || (tool === 'cdktf' && forced);
      const hotswap = hasOption(o, '--hotswap', '--hotswap-fallback') || command === 'watch';
      const reason =
        `${tool} ${command} changes ${scope.label}, deleting or replacing what the app no longer declares` +
        (never ? ' without asking for approval' : '') +
        (hotswap ? ' (hotswap skips CloudFormation safeguards)' : '');
      return [effect(scope, 'modify', never ? 'high' : 'medium', scope.label, reason, 'stack')];
    }
    case 'rollback':
    case 'refactor':
      return [
        effect(scope, 'modify', 'medium', scope.label, `${tool} ${command} changes ${scope.label}`, 'stack'),
      ];
    case 'import':
    case 'bootstrap':
      return [
        effect(scope, 'modify', 'low', scope.label, `${tool} ${command} changes a deployed stack`, 'stack'),
      ];
    case 'gc':
      return [
        effect(
          scope,
          'delete',
          'low',
          'unused CDK assets',
          `${tool} gc deletes assets no stack uses`,
          'bucket',
        ),
      ];
  }
  return [];
}
