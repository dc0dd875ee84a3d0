import type { LoadedConfig } from '../config/load.js';
import { canonicalJson, sha256Hex } from '../store/canonical.js';
import type { PolicyState } from './side-tables.js';

// The policy set in force, as digests: every policy source (built-in packs and .cedar files) and every
// config layer. When it differs from the one recorded last for the same scope, a 'policy.changed' entry
// records what changed before the decision it affected.

export interface PolicySet {
  scope: string;
  digest: string;
  files: { origin: string; sha256: string }[];
}

// A loaded configuration is not changed after loading (a change on disk loads a new one): its digests are
// computed once, not on every decision the daemon records with it.
const computed = new WeakMap<LoadedConfig, PolicySet>();

export function policySetOf(config: LoadedConfig): PolicySet {
  let set = computed.get(config);
  if (!set) {
    set = policySetNow(config);
    computed.set(config, set);
  }
  return set;
}

function policySetNow(config: LoadedConfig): PolicySet {
  const files = [
    ...config.sources.map((s) => ({ origin: s.origin, sha256: sha256Hex(s.text) })),
    ...config.layers.map((l) => ({
      origin: l.configFile ?? `${l.dir} (settings)`,
      sha256: sha256Hex(canonicalJson(l.config)),
    })),
  ].sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
  return {
    scope: config.projectDir ?? config.layers.find((l) => l.scope === 'user')?.dir ?? 'built-in',
    digest: sha256Hex(canonicalJson(files)),
    files,
  };
}

export interface PolicyChange {
  added: string[];
  removed: string[];
  changed: string[];
}

export function policyChange(before: PolicyState | undefined, now: PolicySet): PolicyChange {
  const old = new Map((before?.files ?? []).map((f) => [f.origin, f.sha256]));
  const cur = new Map(now.files.map((f) => [f.origin, f.sha256]));
  return {
    added: [...cur.keys()].filter((k) => !old.has(k)),
    removed: [...old.keys()].filter((k) => !cur.has(k)),
    changed: [...cur.keys()].filter((k) => old.has(k) && old.get(k) !== cur.get(k)),
  };
}

export function describeChange(c: PolicyChange, first: boolean): string {
  if (first) return 'first policy set recorded';
  const parts = [
    c.added.length && `added ${c.added.join(', ')}`,
    c.removed.length && `removed ${c.removed.join(', ')}`,
    c.changed.length && `changed ${c.changed.join(', ')}`,
  ].filter(Boolean);
  return parts.join('; ') || 'policy set changed';
}
