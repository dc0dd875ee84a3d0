import { DEFAULT_ENVIRONMENT_PATTERNS } from '../../core/environment.js';
import type { Effect, EnvironmentHint, Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';

// dbt: `dbt run --full-refresh --target prod` rebuilds incremental models from scratch, dropping the
// history they had accumulated (rows a source no longer has are gone). It was an unrecognised program,
// allowed. A plain `dbt run` or `build` only applies the models as defined (low); a full refresh is high on
// a production target, low on a named development one, and medium when the profile's default target (not
// shown here) decides. `dbt run-operation` runs a macro whose SQL is not read here.

const VALUE_OPTIONS = [
  '-t',
  '--target',
  '--profile',
  '--profiles-dir',
  '--project-dir',
  '-s',
  '--select',
  '-m',
  '--models',
  '--exclude',
  '--selector',
  '--vars',
  '--threads',
  '--state',
  '--defer-state',
  '--target-path',
  '--log-path',
  '--resource-type',
  '--output',
  '--args',
  '--log-level',
  '--log-format',
];

/** Commands that build models or load seeds: with --full-refresh they start them from nothing. */
const BUILDS = new Set(['run', 'build', 'seed']);

const isProduction = (name: string) => DEFAULT_ENVIRONMENT_PATTERNS.production.some((p) => p.test(name));

export function dbt(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  const command = parsed.positionals[0];
  if (!command || command.dynamic || hasOption(parsed, '--help', '-h')) return [];
  const target = optionValue(parsed, '-t', '--target') ?? inv.env('DBT_TARGET');
  const hints: EnvironmentHint[] = target
    ? [{ source: optionValue(parsed, '-t', '--target') ? 'flag --target' : 'env DBT_TARGET', value: target }]
    : [];
  const selected = optionValue(parsed, '-s', '--select', '-m', '--models');
  const what = selected ? `models ${selected}` : 'every model';
  const make = (operation: Effect['operation'], risk: Risk, reason: string): Effect[] => [
    {
      operation,
      tool: 'dbt',
      target: `${what} (target ${target ?? 'default'})`,
      reversible: operation !== 'replace',
      risk,
      reason: `dbt ${command.value} ${reason}`,
      category: 'database',
      ...(hints.length ? { hints } : {}),
    },
  ];
  if (command.value === 'run-operation') {
    const macro = parsed.positionals[1]?.value;
    return make('modify', 'medium', `runs the macro${macro ? ` ${macro}` : ''}, whose SQL is not read here`);
  }
  if (!BUILDS.has(command.value)) return [];
  if (!hasOption(parsed, '--full-refresh', '-f'))
    return make('modify', 'low', `builds ${what} as defined (tables and views are recreated)`);
  const risk: Risk = target === undefined ? 'medium' : isProduction(target) ? 'high' : 'low';
  return make(
    'replace',
    risk,
    `--full-refresh rebuilds incremental models from scratch, dropping the history they hold${target ? '' : " (on the profile's default target)"}`,
  );
}
