import type { Effect, EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, optionValues, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { dynamicOrNothing, effect, keyValueHint, locateSubcommand, nameHints, type Scope } from './common.js';

const SAM_COMMANDS = new Set([
  'init',
  'build',
  'local',
  'validate',
  'package',
  'deploy',
  'delete',
  'sync',
  'logs',
  'traces',
  'publish',
  'pipeline',
  'list',
  'remote',
  'docs',
]);

const SAM_VALUE_OPTIONS = [
  '--stack-name',
  '--profile',
  '--config-env',
  '--config-file',
  '--region',
  '--s3-bucket',
  '--s3-prefix',
  '--template-file',
  '--template',
  '-t',
  '--parameter-overrides',
  '--capabilities',
  '--tags',
  '--image-repository',
  '--image-repositories',
  '--kms-key-id',
  '--role-arn',
  '--notification-arns',
  '--signing-profiles',
  '--resource-id',
  '--event',
  '-e',
  '--event-file',
  '--base-dir',
  '-s',
  '--build-dir',
  '-b',
  '--cache-dir',
  '--beta-features',
];

/** AWS SAM CLI. */
export function sam(inv: Invocation): Effect[] {
  const index = locateSubcommand(inv.args, SAM_COMMANDS, new Set(SAM_VALUE_OPTIONS));
  if (index === undefined || index === 'dynamic') return dynamicOrNothing(inv, index);
  const o = parseOptions(
    inv.args.filter((_, i) => i !== index),
    { withValue: SAM_VALUE_OPTIONS },
  );
  if (hasOption(o, '--help', '-h')) return [];
  const hints: EnvironmentHint[] = [];
  const stack = optionValue(o, '--stack-name');
  if (stack) hints.push(...nameHints('flag --stack-name', stack));
  for (const [flag, source] of [
    ['--profile', 'flag --profile'],
    ['--config-env', 'flag --config-env'],
  ] as const) {
    const v = optionValue(o, flag);
    if (v) hints.push({ source, value: v });
  }
  for (const p of optionValues(o, '--parameter-overrides').flatMap((v) => v.split(/\s+/))) {
    const hint = keyValueHint(
      'flag --parameter-overrides',
      p.replace(/^ParameterKey=([^,]+),ParameterValue=/, '$1='),
    );
    if (hint) hints.push(hint);
  }
  const label = stack ? `stack ${stack}` : 'stack named in samconfig';
  const scope: Scope = { tool: 'sam', label, hints };
  const sub = o.positionals[0]?.value;
  switch (inv.args[index]!.value) {
    case 'delete': {
      const quiet = hasOption(o, '--no-prompts') ? ' without asking (--no-prompts)' : '';
      return [
        effect(
          scope,
          'delete',
          'critical',
          label,
          `sam delete deletes the CloudFormation ${label} and every resource in it${quiet}`,
          'stack',
        ),
      ];
    }
    case 'deploy':
    case 'sync': {
      const cmd = inv.args[index]!.value;
      const how = cmd === 'sync' ? ' (sync bypasses change-set review)' : '';
      return [effect(scope, 'modify', 'medium', label, `sam ${cmd} changes the ${label}${how}`, 'stack')];
    }
    case 'remote':
      return sub === 'invoke'
        ? [effect(scope, 'modify', 'low', label, 'sam remote invoke runs a deployed function', 'service')]
        : [];
    case 'publish':
      return [
        effect(
          scope,
          'create',
          'low',
          'Serverless Application Repository',
          'sam publish publishes an application',
          'stack',
        ),
      ];
  }
  return [];
}

const SLS_COMMANDS = new Set([
  'deploy',
  'remove',
  'rollback',
  'invoke',
  'info',
  'logs',
  'metrics',
  'package',
  'print',
  'plugin',
  'config',
  'create',
  'install',
  'login',
  'logout',
  'offline',
  'dev',
  'doctor',
  'support',
  'test',
  'prune',
  'reconcile',
  'usage',
  'help',
  'version',
]);

const SLS_VALUE_OPTIONS = [
  '--stage',
  '-s',
  '--region',
  '-r',
  '--aws-profile',
  '--config',
  '-c',
  '--param',
  '--function',
  '-f',
  '--app',
  '--org',
  '--timestamp',
  '-t',
  '--data',
  '-d',
  '--path',
  '-p',
  '--package',
  '--type',
  '--context',
  '--contextPath',
  '--number',
  '-n',
];

/** Serverless Framework (serverless, sls). */
export function serverless(inv: Invocation): Effect[] {
  const index = locateSubcommand(inv.args, SLS_COMMANDS, new Set(SLS_VALUE_OPTIONS));
  if (index === undefined || index === 'dynamic') return dynamicOrNothing(inv, index);
  const o = parseOptions(
    inv.args.filter((_, i) => i !== index),
    { withValue: SLS_VALUE_OPTIONS },
  );
  if (hasOption(o, '--help', '-h')) return [];
  const hints: EnvironmentHint[] = [];
  const stage = optionValue(o, '--stage', '-s');
  if (stage) hints.push({ source: 'flag --stage', value: stage });
  const profile = optionValue(o, '--aws-profile');
  if (profile) hints.push({ source: 'flag --aws-profile', value: profile });
  for (const p of optionValues(o, '--param')) {
    const hint = keyValueHint('flag --param', p);
    if (hint) hints.push(hint);
  }
  const label = stage ? `the service's stage ${stage}` : "the service's default stage";
  const scope: Scope = { tool: 'serverless', label, hints };
  const sub = o.positionals[0]?.value;
  const fn = optionValue(o, '--function', '-f');
  switch (inv.args[index]!.value) {
    case 'remove':
      return [
        effect(
          scope,
          'delete',
          'critical',
          label,
          `serverless remove deletes the CloudFormation stack of ${label} and every resource in it`,
          'stack',
        ),
      ];
    case 'deploy':
      if (sub === 'list') return [];
      return [
        effect(
          scope,
          'modify',
          'medium',
          fn ? `function ${fn} (${label})` : label,
          `serverless deploy changes ${fn ? `function ${fn} in ` : ''}${label}`,
          'stack',
        ),
      ];
    case 'dev':
      return [
        effect(
          scope,
          'modify',
          'medium',
          label,
          `serverless dev swaps the deployed functions of ${label} for a dev-mode shim`,
          'stack',
        ),
      ];
    case 'rollback':
      return [
        effect(
          scope,
          'modify',
          'medium',
          label,
          `serverless rollback redeploys an earlier version of ${label}`,
          'stack',
        ),
      ];
    case 'invoke':
      if (sub === 'local') return [];
      return [
        effect(
          scope,
          'modify',
          'low',
          fn ? `function ${fn}` : label,
          'serverless invoke runs a deployed function',
          'service',
        ),
      ];
    case 'prune':
      return [
        effect(scope, 'delete', 'low', label, 'serverless prune deletes old function versions', 'stack'),
      ];
  }
  return [];
}
