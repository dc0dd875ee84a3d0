import { DEFAULT_PACKS } from '../policy/packs.js';
import { BUILT_IN, isDelegated, layerFile, type ConfigLayer, type Setting, type Tier } from './tiers.js';

/** One built-in pack in force: who turned it on, and whether it may only tighten (a lower tier added it). */
interface PackChoice {
  name: string;
  from: string;
  tier: Tier;
  tightenOnly: boolean;
}

export type PacksSetting = Setting<string[]> & { chosen: PackChoice[] };

/**
 * The managed tier (or the built-in default) chooses the base packs; lower tiers only add to them, so a
 * project's `packs: []` means "no additional packs", never "no baseline". Delegated, the last tier chooses.
 */
export function choosePacks(layers: readonly ConfigLayer[]): PacksSetting {
  const delegated = isDelegated(layers, 'packs');
  let base = { from: BUILT_IN, tier: 'built-in' as Tier };
  let chosen: PackChoice[] = DEFAULT_PACKS.map((name) => ({ name, ...base, tightenOnly: false }));
  const ignored: string[] = [];
  for (const layer of layers) {
    const packs = layer.config.packs;
    if (!packs) continue;
    const from = layerFile(layer);
    if (layer.scope === 'managed' || delegated) {
      base = { from, tier: layer.scope };
      chosen = packs.map((name) => ({ name, from, tier: layer.scope, tightenOnly: false }));
      continue;
    }
    const kept = chosen.filter((p) => !p.tightenOnly && !packs.includes(p.name)).map((p) => p.name);
    if (kept.length)
      ignored.push(
        `${layer.scope} tried packs: ${packs.length ? `[${packs.join(', ')}]` : '[]'}; ${kept.join(', ')} ${kept.length === 1 ? 'stays' : 'stay'} on (${base.tier === 'built-in' ? 'built-in default' : `${base.tier} tier`}); lower tiers only add packs`,
      );
    for (const name of packs)
      if (!chosen.some((p) => p.name === name))
        chosen.push({ name, from, tier: layer.scope, tightenOnly: true });
  }
  const setting: PacksSetting = { value: chosen.map((p) => p.name), ...base, chosen };
  return ignored.length ? { ...setting, ignored } : setting;
}
