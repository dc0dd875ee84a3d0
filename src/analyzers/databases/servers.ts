import type { EnvironmentHint } from '../../core/types.js';

// Where a client connects, from the one string its option gives: a URL (`https://trino.prod:443`), a JDBC
// URL (`jdbc:hive2://hs2.prod:10000/sales;ssl=true`, `jdbc:oracle:thin:@db.prod:1521/orcl`), or a bare
// `host[:port]` (`prod-sql,1433`, `tcp:prod-sql\SALES`, `admin@prod-db:3306`). The host says where it lands
// (explicit); a database named in the URL is only a name (weak).

/** Embedded databases in a JDBC URL (`jdbc:h2:mem:test`, `jdbc:sqlite:app.db`): no server to place. */
const EMBEDDED = /^(h2|hsqldb|derby|sqlite|duckdb):(?!.*\/\/)/i;

export function serverHints(source: string, text: string | undefined): EnvironmentHint[] {
  if (!text) return [];
  const value = text.replace(/^jdbc:/i, '').replace(/^k8s:\/\//i, ''); // spark's k8s://https://…
  if (EMBEDDED.test(value)) return [];
  const hints: EnvironmentHint[] = [];
  const url = /\/\/(?:[^@/?#;]*@)?(\[[^\]]+\]|[^/?#;:,]+)(?:[^/?#;]*)(?:\/([^?#;]*))?/.exec(value);
  const oracle = /@\/*([^:/?;]+)/.exec(value);
  const host = url
    ? url[1]
    : oracle && /^oracle:/i.test(value)
      ? oracle[1]
      : value
          .replace(/^[a-z]+:(?!\d)/i, '') // sqlcmd's tcp:HOST, np:HOST
          .replace(/^[^@]*@/, '')
          .split(/[:,\\/]/)[0];
  if (host) hints.push({ source, value: host.replace(/^\[|\]$/g, '') });
  const database = url?.[2] ? decodeURIComponent(url[2]) : undefined;
  if (database) hints.push({ source: 'database name', value: database, weak: true });
  return hints;
}

/** Names an option gives (a database, a catalog, a schema, a warehouse): weak, they may only raise. */
export function nameHints(source: string, ...names: (string | undefined)[]): EnvironmentHint[] {
  return names.filter((n): n is string => !!n).map((value) => ({ source, value, weak: true }));
}
