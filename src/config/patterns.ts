import { DEFAULT_ENVIRONMENT_PATTERNS, tokenPattern, type EnvironmentPatterns } from '../core/environment.js';
import { ConfigError } from './errors.js';
import { BUILT_IN, isDelegated, layerFile, type ConfigLayer } from './tiers.js';

/** A pattern from config: `/regex/flags`, or a word matched as a token like the built-in ones. */
function compilePattern(pattern: string, file: string): RegExp {
  const m = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (!m) return tokenPattern(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  try {
    return new RegExp(m[1]!, m[2]!.includes('i') ? m[2] : `${m[2]}i`);
  } catch (error) {
    throw new ConfigError(
      `environments: ${pattern} is not a valid regular expression (${(error as Error).message})`,
      file,
    );
  }
}

export interface MergedPatterns {
  patterns: EnvironmentPatterns;
  /** Where the environment patterns came from, for `policy list` / `explain`. */
  from: string[];
  ignored: string[];
}

/**
 * Whether a tier's non-production names count: they loosen (an unrecognised target becomes non-production),
 * so they come from the top tier present — the managed one, or the user's own configuration where there is
 * none — or from a tier the managed one delegated `environments.nonProduction` to. A project's are ignored:
 * `nonProduction: ['/.*\/']` in `.interlock/config.yaml` would otherwise lower everything nobody recognised.
 */
function mayLower(layer: ConfigLayer, layers: readonly ConfigLayer[]): boolean {
  if (layer.scope === 'managed' || isDelegated(layers, 'environments.nonProduction')) return true;
  return layer.scope === 'user' && !layers.some((l) => l.scope === 'managed');
}

/**
 * Every tier adds production names. Only the managed tier (or a tier it delegated environments.replaceDefaults to) may
 * replace the built-in production names: a project that drops "production" from the list is how
 * `kubectl delete namespace production` would stop needing approval. Production always wins over
 * non-production when both match (classifyEnvironment), so added non-production names cannot hide it.
 */
export function mergePatterns(layers: readonly ConfigLayer[]): MergedPatterns {
  const mayReplace = isDelegated(layers, 'environments.replaceDefaults');
  let patterns: EnvironmentPatterns = {
    production: [...DEFAULT_ENVIRONMENT_PATTERNS.production],
    nonProduction: [...DEFAULT_ENVIRONMENT_PATTERNS.nonProduction],
    declaredNonProduction: [],
  };
  let from: string[] = [BUILT_IN];
  const ignored: string[] = [];
  for (const layer of layers) {
    const envs = layer.config.environments;
    if (!envs) continue;
    const file = layerFile(layer);
    const production = (envs.production ?? []).map((p) => compilePattern(p, file));
    const lowering = [...(envs.staging ?? []), ...(envs.development ?? []), ...(envs.nonProduction ?? [])];
    const lowers = mayLower(layer, layers);
    if (lowering.length && !lowers)
      ignored.push(
        `${layer.scope} tried non-production names (${lowering.join(', ')}); they were ignored: lower tiers only add production names unless the managed tier delegates environments.nonProduction`,
      );
    const nonProduction = (lowers ? lowering : []).map((p) => compilePattern(p, file));
    const replace = envs.replaceDefaults === true && (layer.scope === 'managed' || mayReplace);
    if (envs.replaceDefaults && !replace)
      ignored.push(
        `${layer.scope} tried environments.replaceDefaults: true; its names were added to the ${from.join(', ')} ones instead; lower tiers only add production names`,
      );
    // What the team declared also lowers weak hints (a folder or resource name); the defaults do not.
    if (replace) {
      patterns = { production, nonProduction, declaredNonProduction: nonProduction };
      from = [];
    } else
      patterns = {
        production: [...patterns.production, ...production],
        nonProduction: [...patterns.nonProduction, ...nonProduction],
        declaredNonProduction: [...(patterns.declaredNonProduction ?? []), ...nonProduction],
      };
    from.push(file);
  }
  return { patterns, from, ignored };
}
