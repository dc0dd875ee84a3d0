import type { LoadedConfig, Setting } from '../config/load.js';
import { serverTier } from '../config/server-tier.js';
import type { Palette } from './render.js';

// `interlock policy list`'s configuration block: each setting, the tier and file that set it, and what a
// lower tier tried that was ignored (lower tiers only tighten), so nobody wonders why their edit did nothing.

function settingLines<T>(c: Palette, label: string, shown: string, setting: Setting<T>): string[] {
  return [
    `  ${label.padEnd(18)} ${shown}  ${c.dim(`← ${setting.tier === 'built-in' ? setting.from : `${setting.tier}: ${setting.from}`}`)}`,
    ...(setting.ignored ?? []).map((note) => `  ${''.padEnd(18)} ${c.yellow(`ignored: ${note}`)}`),
  ];
}

export function configLines(cfg: LoadedConfig, c: Palette): string[] {
  const out = [c.bold('configuration (tiers: managed > user > project; lower tiers only tighten)')];
  if (cfg.layers.length === 0)
    out.push('  no .interlock/ found (managed, user or project); built-in defaults apply');
  for (const l of cfg.layers)
    out.push(`  ${l.scope.padEnd(8)} ${l.dir}${l.configFile ? '' : ' (no config file)'}`);
  const delegated = cfg.layers.find((l) => l.scope === 'managed')?.config.delegate;
  if (delegated?.length) out.push(`  delegated by the managed tier: ${delegated.join(', ')}`);
  const added = cfg.packs.chosen.filter((p) => p.tightenOnly).map((p) => `${p.name} (${p.tier})`);
  out.push(
    ...settingLines(
      c,
      'packs',
      [...cfg.packs.chosen.filter((p) => !p.tightenOnly).map((p) => p.name), ...added].join(', '),
      cfg.packs,
    ),
    ...settingLines(c, 'approvals.default', String(cfg.approvalsDefault.value), cfg.approvalsDefault),
    ...settingLines(c, 'approvals.group', cfg.approvalsGroup.value ?? '(any)', cfg.approvalsGroup),
    ...settingLines(c, 'approvals.expiry', cfg.approvalsExpiry.value, cfg.approvalsExpiry),
    ...settingLines(c, 'unknown env', `treated as ${cfg.unknownEnvironment.value}`, cfg.unknownEnvironment),
    `  ${'env patterns from'.padEnd(18)} ${cfg.patternsFrom.join(', ')}`,
    ...[...cfg.patternsIgnored, ...serverTier(cfg.layers).ignored].map(
      (note) => `  ${''.padEnd(18)} ${c.yellow(`ignored: ${note}`)}`,
    ),
  );
  return out;
}
