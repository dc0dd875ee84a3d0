import type { ConfigFile, Delegable } from './schema.js';

// Tiers: managed > user > project. The managed tier (root-owned, installed by an administrator) and the
// built-in defaults set the line; the user's and the project's configuration may only tighten it, unless
// the managed tier delegates a setting by name (`delegate: [approvals.default]`). The agent can write the
// project's files, so a project that loosens a setting is a project trying to let its agent through.

export type Tier = 'built-in' | 'managed' | 'user' | 'project';

export interface ConfigLayer {
  scope: Exclude<Tier, 'built-in'>;
  dir: string;
  configFile?: string;
  config: ConfigFile;
  policyFiles: string[];
}

/** A setting's value, the file and tier that set it, and what lower tiers tried and why it was ignored. */
export interface Setting<T> {
  value: T;
  from: string;
  tier: Tier;
  ignored?: string[];
}

export const BUILT_IN = 'built-in default';

export function isDelegated(layers: readonly ConfigLayer[], key: Delegable): boolean {
  return layers.some((l) => l.scope === 'managed' && l.config.delegate?.includes(key));
}

function showValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return value === undefined ? '(unset)' : String(value);
}

export function layerFile(layer: ConfigLayer): string {
  return layer.configFile ?? layer.dir;
}

/** "project tried approvals.default: 1; user tier says 2; lower tiers only tighten" */
function ignoredNote<T>(layer: ConfigLayer, key: string, value: T, current: Setting<T>): string {
  const says = current.tier === 'built-in' ? 'the built-in default is' : `${current.tier} tier says`;
  return `${layer.scope} tried ${key}: ${showValue(value)}; ${says} ${showValue(current.value)}; lower tiers only tighten`;
}

/**
 * Walk the tiers from the top. The managed tier sets a value freely; a lower tier's value counts only when
 * `tighter(value, current)` or the key is delegated. Anything else is kept as a note for `policy list`.
 */
export function tightest<T>(
  layers: readonly ConfigLayer[],
  key: Delegable,
  get: (c: ConfigFile) => T | undefined,
  fallback: T,
  tighter: (candidate: T, current: T) => boolean,
): Setting<T> {
  const delegated = isDelegated(layers, key);
  let setting: Setting<T> = { value: fallback, from: BUILT_IN, tier: 'built-in' };
  const ignored: string[] = [];
  for (const layer of layers) {
    const value = get(layer.config);
    if (value === undefined) continue;
    // Saying the same again counts: the message then names the lowest tier that insists on it.
    const same = showValue(value) === showValue(setting.value);
    if (layer.scope === 'managed' || delegated || same || tighter(value, setting.value))
      setting = { value, from: layerFile(layer), tier: layer.scope };
    else ignored.push(ignoredNote(layer, key, value, setting));
  }
  return ignored.length ? { ...setting, ignored } : setting;
}

const SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** "30m" → 1800; the schema has already checked the form. */
function durationSeconds(text: string): number {
  return Number(text.slice(0, -1)) * SECONDS[text.slice(-1) as keyof typeof SECONDS];
}

/** What "tighter" means for each tightening setting. */
export const TIGHTER = {
  approvals: (candidate: number, current: number) => candidate > current,
  /** Naming a group narrows "anyone"; changing a group someone above set is not narrowing. */
  group: (_candidate: string | undefined, current: string | undefined) => current === undefined,
  /** A shorter window for approvals to be used. */
  expiry: (candidate: string, current: string) => durationSeconds(candidate) < durationSeconds(current),
  unknown: (candidate: string, current: string) => candidate === 'production' && current !== 'production',
};
