import type { Effect, EnvironmentHint, Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { contextHints, effect, hostOf, isDryRun, routineOutsideProduction, type Scope } from './common.js';
import { commandLineSettings, harmfulValues } from './helm-values.js';
import { valuesFileSettings } from './helm-values-files.js';

const VALUE_OPTIONS = [
  '--kube-context',
  '--kubeconfig',
  '-n',
  '--namespace',
  '--kube-apiserver',
  '--kube-token',
  '--kube-as-user',
  '--kube-as-group',
  '--kube-ca-file',
  '--kube-tls-server-name',
  '--registry-config',
  '--repository-config',
  '--repository-cache',
  '--burst-limit',
  '--qps',
  '--content-cache',
  '-f',
  '--values',
  '--set',
  '--set-string',
  '--set-file',
  '--set-json',
  '--set-literal',
  '--version',
  '--timeout',
  '-o',
  '--output',
  '--description',
  '--post-renderer',
  '--post-renderer-args',
  '--repo',
  '--username',
  '--password',
  '--ca-file',
  '--cert-file',
  '--key-file',
  '--max',
  '--revision',
  '--history-max',
  '--cascade',
  '-l',
  '--selector',
  '--name-template',
  '--keyring',
  '--filter',
  '--offset',
  '--time-format',
];

const UNINSTALL = new Set(['uninstall', 'delete', 'del', 'un']);
const READS = new Set([
  'list',
  'ls',
  'status',
  'get',
  'template',
  'lint',
  'repo',
  'search',
  'show',
  'inspect',
  'history',
  'hist',
  'dependency',
  'dep',
  'dependencies',
  'pull',
  'fetch',
  'push',
  'package',
  'plugin',
  'env',
  'version',
  'verify',
  'completion',
  'registry',
  'create',
  'help',
  'diff',
]);

function scopeOf(inv: Invocation, parsed: ParsedOptions): Scope {
  const flagNamespace = optionValue(parsed, '-n', '--namespace');
  const hints: EnvironmentHint[] = contextHints(inv, {
    context: optionValue(parsed, '--kube-context'),
    contextFlag: '--kube-context',
    kubeconfig: optionValue(parsed, '--kubeconfig'),
    envContext: inv.env('HELM_KUBECONTEXT'),
    envContextName: 'HELM_KUBECONTEXT',
    namespace: flagNamespace ?? inv.env('HELM_NAMESPACE'),
  });
  const apiserver = optionValue(parsed, '--kube-apiserver');
  if (apiserver) hints.push({ source: 'flag --kube-apiserver', value: hostOf(apiserver) });
  // Explicit, as with kubectl -n (see scopeOf there).
  let namespace = flagNamespace;
  if (namespace) hints.push({ source: 'flag --namespace', value: namespace });
  else {
    namespace = inv.env('HELM_NAMESPACE');
    if (namespace) hints.push({ source: 'env HELM_NAMESPACE', value: namespace });
  }
  return { tool: 'helm', hints, ...(namespace ? { namespace } : {}) };
}

function release(scope: Scope, name: Word | string): { target: string; hints: EnvironmentHint[] } {
  const w = typeof name === 'string' ? { value: name, dynamic: false } : name;
  return {
    target: `release/${w.value}${scope.namespace ? ` -n ${scope.namespace}` : ''}`,
    hints: w.dynamic ? [] : [{ source: 'helm release', value: w.value, weak: true }],
  };
}

/**
 * The values set in values files or on the command line that take the release down or open it (helm-values.ts).
 * Routine on a dev or staging release (a chart scaled down, Vault in dev mode); an outage or an open door on a
 * production one.
 */
function harmfulSettings(
  inv: Invocation,
  scope: Scope,
  parsed: ParsedOptions,
  call: string,
  target: string,
  hints: EnvironmentHint[],
): Effect[] {
  const settings = [...valuesFileSettings(inv, parsed), ...commandLineSettings(parsed)];
  return harmfulValues(settings).map(({ setting, risk, what }) => ({
    ...effect(
      scope,
      'modify',
      'low',
      target,
      `${call} sets ${setting.key}=${setting.value}${setting.file ? ` (in ${setting.file})` : ''}: ${what}`,
      'release',
      {
        hints,
        reversible: true,
      },
    ),
    riskInProduction: risk,
  }));
}

/** helm: releases are uninstalled (every object of the chart deleted), rolled back, upgraded. */
export function helm(inv: Invocation, args: readonly Word[]): Effect[] {
  const parsed = parseOptions(args, { withValue: VALUE_OPTIONS });
  const [verbWord, ...rest] = parsed.positionals.filter((w) => !(w.dynamic && w.value.startsWith('-')));
  if (!verbWord) return [];
  const scope = scopeOf(inv, parsed);
  if (verbWord.dynamic)
    return [
      effect(
        scope,
        'execute-unverifiable',
        'high',
        inv.text,
        `the helm subcommand is computed at run time (${verbWord.value})`,
        'release',
      ),
    ];
  const verb = verbWord.value;
  if (READS.has(verb)) return [];
  if (isDryRun(parsed.options.get('--dry-run'))) return [];

  if (UNINSTALL.has(verb)) {
    return rest.map((w) => {
      const { target, hints } = release(scope, w);
      const history = hasOption(parsed, '--keep-history') ? ' (history kept)' : '';
      return effect(
        scope,
        'delete',
        'high',
        target,
        `uninstalls ${target}: deletes every object of the release${history}`,
        'release',
        { hints },
      );
    });
  }
  const name = rest[0] ?? (hasOption(parsed, '--generate-name', '-g') ? '<generated>' : 'release');
  const { target, hints } = release(scope, name);
  switch (verb) {
    case 'rollback': {
      const forced = hasOption(parsed, '--force', '--recreate-pods');
      const risk: Risk = forced ? 'high' : 'medium';
      const revision = rest[1]?.value;
      const rolledBack = effect(
        scope,
        'replace',
        risk,
        target,
        `rolls ${target} back to ${revision ? `revision ${revision}` : 'the previous revision'}${forced ? ', re-creating resources' : ''}`,
        'release',
        { hints, reversible: true },
      );
      // A rollback is an upgrade to a release's earlier revision: as routine as an upgrade in dev or staging.
      return [forced ? rolledBack : routineOutsideProduction(rolledBack)];
    }
    case 'upgrade':
    case 'install': {
      if (hasOption(parsed, '--force', '--force-replace'))
        return [
          ...harmfulSettings(inv, scope, parsed, `helm ${verb}`, target, hints),
          effect(
            scope,
            'replace',
            'medium',
            target,
            `${verb} --force deletes and re-creates resources of ${target} that cannot be patched`,
            'release',
            { hints, reversible: true },
          ),
        ];
      return [
        effect(
          scope,
          verb === 'install' ? 'create' : 'modify',
          'low',
          target,
          `helm ${verb} ${target}`,
          'release',
          {
            hints,
            reversible: true,
          },
        ),
        ...harmfulSettings(inv, scope, parsed, `helm ${verb}`, target, hints),
      ];
    }
    case 'test':
      return [
        effect(scope, 'create', 'low', target, `runs the test pods of ${target}`, 'release', { hints }),
      ];
  }
  return [];
}
