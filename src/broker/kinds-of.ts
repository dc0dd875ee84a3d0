import type { BrokerConfig } from './config.js';

// Which kinds a broker configuration gives credentials for: what the world-readable summary names, so
// the hook knows what the broker covers without reading the private file.

export function brokerKindsOf(config: BrokerConfig): string[] {
  const entries: [string, readonly unknown[]][] = [
    ['psql', config.postgres],
    ['aws', config.aws],
    ['kubectl', config.kubernetes],
  ];
  return entries.filter(([, list]) => list.length > 0).map(([kind]) => kind);
}
