import type { BrokerConfig } from './config.js';

// Which kinds a broker configuration gives credentials for: what the world-readable summary names, so
// the hook knows what the broker covers without reading the private file.

export function brokerKindsOf(config: BrokerConfig): string[] {
  return config.postgres.length ? ['psql'] : [];
}
