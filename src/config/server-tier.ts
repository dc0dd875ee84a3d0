import type { ConfigFile } from './schema.js';
import { layerFile, type ConfigLayer } from './tiers.js';

// The approval server's own settings (`server:`) come only from the server's side: the managed tier and
// the config.yaml of the user running it (the managed tier winning key by key), after its flags and
// environment. A project's `.interlock/` is the agent's to edit: a database or webhook it named would let
// the agent choose where the server keeps its state or sends its requests, so it is ignored and said so.

type ServerConfig = NonNullable<ConfigFile['server']>;

export interface ServerTier {
  settings: ServerConfig;
  /** What a project's `server:` section tried, for `interlock serve` and `policy list`. */
  ignored: string[];
}

const TRUSTED: readonly ConfigLayer['scope'][] = ['user', 'managed']; // lowest first: the managed tier wins

function merge(into: ServerConfig, from: ServerConfig): ServerConfig {
  const breaker = { ...into.circuitBreaker, ...from.circuitBreaker };
  return { ...into, ...from, ...(Object.keys(breaker).length ? { circuitBreaker: breaker } : {}) };
}

/** The server's settings from the trusted tiers, and a note for every key a project tried. */
export function serverTier(layers: readonly ConfigLayer[]): ServerTier {
  let settings: ServerConfig = {};
  for (const scope of TRUSTED)
    for (const layer of layers.filter((l) => l.scope === scope))
      if (layer.config.server) settings = merge(settings, layer.config.server);
  const ignored = layers
    .filter((l) => l.scope === 'project' && l.config.server)
    .flatMap((l) =>
      Object.keys(l.config.server!).map(
        (key) =>
          `project tried server.${key} (${layerFile(l)}); the server's settings come only from its flags, its environment and the user's or managed config.yaml, since the agent can edit a project's files`,
      ),
    );
  return { settings, ignored };
}
