import type { Effect, EnvironmentHint } from '../../core/types.js';
import {
  hasOption,
  optionValue,
  optionValues,
  parseOptions,
  type ParsedOptions,
} from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { directory, effect, isTrue, locateSubcommand, nameHints, type Scope } from './common.js';

const COMMANDS = new Set([
  'about',
  'ai',
  'cancel',
  'config',
  'console',
  'convert',
  'deployment',
  'destroy',
  'down',
  'dn',
  'env',
  'gen-completion',
  'help',
  'import',
  'install',
  'login',
  'logout',
  'logs',
  'new',
  'org',
  'package',
  'plugin',
  'policy',
  'preview',
  'pre',
  'refresh',
  'schema',
  'stack',
  'state',
  'template',
  'up',
  'update',
  'version',
  'watch',
  'whoami',
]);

const VALUE_OPTIONS = [
  '--cwd',
  '-C',
  '--stack',
  '-s',
  '--config-file',
  '--color',
  '--verbose',
  '-v',
  '--tracing',
  '--profiling',
  '--memprofilerate',
  '--otel-traces',
  '--target',
  '-t',
  '--replace',
  '--target-replace',
  '--exclude',
  '--message',
  '-m',
  '--parallel',
  '-p',
  '--secrets-provider',
  '--config',
  '-c',
  '--policy-pack',
  '--policy-pack-config',
  '--plan',
  '--save-plan',
  '--copy-config-from',
  '--file',
  '--out',
  '--from',
  '--import-file',
  '--attach-debugger',
];

/**
 * A resource URN as hints: the URN itself is a name (weak), but its stack part is explicit, because the
 * URN is looked up in the selected stack: `urn:pulumi:dev::app::…` acts in stack dev or not at all.
 */
function urnHints(source: string, urn: string): EnvironmentHint[] {
  const stack = /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
  return [...nameHints(source, urn), ...(stack ? [{ source: `${source} stack`, value: stack }] : [])];
}

function scopeOf(inv: Invocation, o: ParsedOptions): Scope {
  const hints: EnvironmentHint[] = [];
  const cwd = optionValue(o, '--cwd', '-C');
  const place = directory(inv, cwd, 'flag --cwd');
  if (cwd !== undefined && place.hint) hints.push(place.hint);
  const stack = optionValue(o, '--stack', '-s');
  // --stack selects the stack (Pulumi's environment, like a Terraform workspace): explicit.
  if (stack) hints.push(...nameHints('flag --stack', stack, false));
  const configFile = optionValue(o, '--config-file');
  if (configFile) hints.push({ source: 'flag --config-file', value: configFile, weak: true });
  const label = stack ? `stack ${stack}` : `the selected stack of the project in ${place.path}`;
  return { tool: 'pulumi', label, hints };
}

export function pulumi(inv: Invocation): Effect[] {
  const index = locateSubcommand(inv.args, COMMANDS, new Set(VALUE_OPTIONS));
  if (index === undefined) return [];
  const words = index === 'dynamic' ? inv.args : inv.args.filter((_, i) => i !== index);
  const o = parseOptions(words, { withValue: VALUE_OPTIONS });
  if (hasOption(o, '--help', '-h')) return [];
  const scope = scopeOf(inv, o);
  if (index === 'dynamic')
    return [
      effect(
        scope,
        'execute-unverifiable',
        'high',
        scope.label,
        'the pulumi subcommand is computed at run time (it could be destroy)',
        'stack',
      ),
    ];
  const yes =
    hasOption(o, '--yes', '-y') ||
    isTrue(inv.env('PULUMI_SKIP_CONFIRMATIONS') ?? 'false') ||
    hasOption(o, '--skip-preview', '-f');
  const quietly = yes ? ' without asking for confirmation' : '';
  const targets = optionValues(o, '--target', '-t');
  const targetHints = targets.flatMap((t) => urnHints('flag --target', t));
  const sub = o.positionals[0]?.value;
  let command = inv.args[index]!.value;
  // `pulumi deployment run destroy` runs the same operation through Pulumi Deployments.
  if (command === 'deployment' && sub === 'run') command = o.positionals[1]?.value ?? '';
  switch (command) {
    case 'destroy':
    case 'down':
    case 'dn': {
      const remove = hasOption(o, '--remove') ? ', then removes the stack itself (--remove)' : '';
      if (targets.length)
        return targets.map((t) =>
          effect(scope, 'delete', 'high', t, `pulumi destroy deletes ${t}${quietly}`, 'stack', targetHints),
        );
      return [
        effect(
          scope,
          'delete',
          'critical',
          scope.label,
          `pulumi destroy deletes every resource of ${scope.label}${remove}${quietly}`,
          'stack',
        ),
      ];
    }
    case 'up':
    case 'update': {
      const replace = optionValues(o, '--replace', '--target-replace');
      if (replace.length)
        return replace.map((r) =>
          effect(
            scope,
            'replace',
            'high',
            r,
            `pulumi up --replace destroys and recreates ${r}${quietly}`,
            'stack',
            urnHints('flag --replace', r),
          ),
        );
      const what = targets.length ? targets.join(', ') : scope.label;
      return [
        effect(
          scope,
          'modify',
          yes ? 'high' : 'medium',
          what,
          `pulumi up changes ${what} (deleting or replacing whatever the program no longer declares)${quietly}`,
          'stack',
          targetHints,
        ),
      ];
    }
    case 'watch':
      return [
        effect(
          scope,
          'modify',
          'medium',
          scope.label,
          `pulumi watch deploys ${scope.label} on every file change`,
          'stack',
        ),
      ];
    case 'refresh':
      return [
        effect(
          scope,
          'modify',
          'low',
          scope.label,
          'pulumi refresh rewrites the state from real resources',
          'state',
        ),
      ];
    case 'import':
    case 'cancel':
      return [
        effect(
          scope,
          'modify',
          'low',
          scope.label,
          `pulumi ${inv.args[index]!.value} changes the stack's state`,
          'state',
        ),
      ];
    case 'stack':
      return stack(scope, o, sub);
    case 'env':
      return environment(scope, o, sub);
    case 'state':
      return stateCommand(scope, o, sub);
  }
  return [];
}

function stack(scope: Scope, o: ParsedOptions, sub: string | undefined): Effect[] {
  if (sub === 'rm' || sub === 'remove') {
    const name = o.positionals[1]?.value;
    const s: Scope = name
      ? { ...scope, label: `stack ${name}`, hints: [...scope.hints, ...nameHints('stack name', name)] }
      : scope;
    const force = hasOption(o, '--force', '-f') ? ' even if it still has resources (--force)' : '';
    return [
      effect(
        s,
        'delete',
        'high',
        s.label,
        `pulumi stack rm deletes ${s.label}, its configuration and history${force}`,
        'stack',
      ),
    ];
  }
  if (sub === 'import')
    return [
      effect(
        scope,
        'modify',
        'medium',
        scope.label,
        'pulumi stack import overwrites the state of the stack',
        'state',
      ),
    ];
  if (sub === 'rename' || sub === 'change-secrets-provider')
    return [effect(scope, 'modify', 'low', scope.label, `pulumi stack ${sub} changes the stack`, 'stack')];
  return [];
}

function stateCommand(scope: Scope, o: ParsedOptions, sub: string | undefined): Effect[] {
  const urns = o.positionals.slice(1).map((w) => w.value);
  const target = urns.join(' ') || scope.label;
  const hints = urns.flatMap((u) => urnHints('resource URN', u));
  switch (sub) {
    case 'delete':
      return [
        effect(
          scope,
          'modify',
          'high',
          target,
          `pulumi state delete removes ${target} from the state: pulumi no longer manages it`,
          'state',
          hints,
        ),
      ];
    case 'edit':
    case 'move':
      return [
        effect(
          scope,
          'modify',
          'medium',
          target,
          `pulumi state ${sub} rewrites the state by hand`,
          'state',
          hints,
        ),
      ];
    case 'rename':
    case 'unprotect':
    case 'repair':
    case 'upgrade':
      return [
        effect(scope, 'modify', 'low', target, `pulumi state ${sub} changes the state`, 'state', hints),
      ];
    case undefined: // `pulumi state` alone prints its usage
      break;
  }
  return [];
}

/** Pulumi ESC environments hold configuration and secrets for stacks. */
function environment(scope: Scope, o: ParsedOptions, sub: string | undefined): Effect[] {
  const name = o.positionals[1]?.value;
  if (sub !== 'rm' || !name) return [];
  const hints = nameHints('ESC environment', name);
  if (o.positionals[2])
    return [
      effect(
        scope,
        'modify',
        'low',
        `${name} ${o.positionals[2].value}`,
        'pulumi env rm removes a value',
        'secret',
        hints,
      ),
    ];
  const reason = `pulumi env rm deletes the environment ${name} with the configuration and secrets it holds`;
  return [effect(scope, 'delete', 'medium', name, reason, 'secret', hints)];
}
