import type { BrokerConfig, PostgresCredential } from './config.js';
import type { PsqlTarget } from './psql.js';

// Which of the broker's credentials a target gets: the first entry whose host matches exactly and whose
// port and database, when the entry names them, match too. No entry, no credentials: the broker never
// falls back to the agent's own.

export function matchPostgres(config: BrokerConfig, target: PsqlTarget): PostgresCredential | undefined {
  return config.postgres.find(
    (e) =>
      e.match.host.toLowerCase() === target.host.toLowerCase() &&
      (e.match.port ?? 5432) === target.port &&
      (e.match.database === undefined || e.match.database === target.database),
  );
}

export function describeTarget(target: PsqlTarget): string {
  return `${target.host}:${target.port}${target.database ? `/${target.database}` : ''}`;
}
