import type { Effect, EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { dynamicOrNothing, effect, locateSubcommand, type Scope } from './common.js';

// SST (`sst deploy|remove|dev --stage NAME`): an app's infrastructure, one copy per stage. `sst remove`
// deletes every resource of a stage (its databases and buckets too, unless the app's removal policy keeps
// them, which is in sst.config.ts and not read here). A stage is named by --stage or SST_STAGE; with
// neither, SST picks the developer's personal stage.

const COMMANDS = new Set([
  'add',
  'cert',
  'deploy',
  'dev',
  'diff',
  'init',
  'install',
  'refresh',
  'remove',
  'secret',
  'shell',
  'state',
  'telemetry',
  'tunnel',
  'unlock',
  'upgrade',
  'version',
]);
const VALUE_OPTIONS = ['--stage', '--config', '--target', '--mode'];

/** The sst CLI (v2 and v3 share these commands). */
export function sst(inv: Invocation): Effect[] {
  const index = locateSubcommand(inv.args, COMMANDS, new Set(VALUE_OPTIONS));
  if (index === undefined || index === 'dynamic') return dynamicOrNothing(inv, index);
  const o = parseOptions(
    inv.args.filter((_, i) => i !== index),
    { withValue: VALUE_OPTIONS },
  );
  if (hasOption(o, '--help', '-h')) return [];
  const stage = optionValue(o, '--stage') ?? inv.env('SST_STAGE');
  const hints: EnvironmentHint[] = stage ? [{ source: 'sst stage', value: stage }] : [];
  const label = stage ? `the app's stage ${stage}` : "the developer's personal stage";
  const scope: Scope = { tool: 'sst', label, hints };
  const target = optionValue(o, '--target');
  const [sub, name] = o.positionals.map((w) => w.value);
  switch (inv.args[index]!.value) {
    case 'remove':
      return [
        effect(
          scope,
          'delete',
          'critical',
          target ? `${target} (${label})` : label,
          `sst remove deletes ${target ? `the component ${target} of ` : 'every resource of '}${label}`,
          'stack',
        ),
      ];
    case 'deploy':
      return [effect(scope, 'modify', 'medium', label, `sst deploy changes ${label}`, 'stack')];
    case 'dev':
      // Its own stage is the developer's sandbox; a named one gets its functions swapped for live stubs.
      return stage
        ? [effect(scope, 'modify', 'medium', label, `sst dev deploys ${label} in dev mode`, 'stack')]
        : [];
    case 'secret':
      return sub === 'remove' || sub === 'set' || sub === 'load'
        ? [
            effect(
              scope,
              sub === 'remove' ? 'delete' : 'modify',
              'medium',
              name ? `secret ${name}` : label,
              `sst secret ${sub} changes the secrets of ${label}`,
              'secret',
            ),
          ]
        : [];
    case 'state':
      return sub === 'remove' || sub === 'edit' || sub === 'repair'
        ? [
            effect(
              scope,
              'modify',
              'high',
              label,
              `sst state ${sub} rewrites the record of what ${label} holds: resources may be forgotten or made again`,
              'stack',
            ),
          ]
        : [];
    case 'unlock':
      return [
        effect(
          scope,
          'modify',
          'low',
          label,
          `sst unlock releases the lock of ${label} (a deploy under way may be running)`,
          'stack',
        ),
      ];
  }
  return [];
}
