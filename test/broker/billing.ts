import { chmodSync, writeFileSync } from 'node:fs';
import { clientOf, type People } from '../server/harness.js';
import type { Cluster } from './cluster.js';

// What the broker tests share: the billing_prod database whose tables belong to the `deployer` role (the
// privileged login only the broker's file holds), that file, the psql line an agent proposes, and the two
// peer approvals a production DROP needs.

export const PRIVILEGED_PASSWORD = 'broker-only-s3cret';

/** billing_prod with `tables` owned by deployer; `agentCanRead` also makes a read-only `agent` login. */
export function billingDatabase(cluster: Cluster, tables: string[], agentCanRead = false): void {
  cluster.sql('CREATE DATABASE billing_prod');
  if (agentCanRead) cluster.sql(`CREATE ROLE agent LOGIN PASSWORD 'agent-pw'`);
  cluster.sql(`CREATE ROLE deployer LOGIN PASSWORD '${PRIVILEGED_PASSWORD}'`);
  const statements = tables.flatMap((t) => [
    `CREATE TABLE ${t} (id int)`,
    `ALTER TABLE ${t} OWNER TO deployer`,
  ]);
  if (agentCanRead) statements.push(`GRANT SELECT ON ${tables.join(', ')} TO agent`);
  cluster.sql(statements.join('; '), 'billing_prod');
}

/** The broker's file (mode 0600): psql entries for billing_prod, optionally naming the approval server. */
export function writeBillingBroker(path: string, cluster: Cluster, serverUrl?: string): void {
  writeFileSync(
    path,
    `${serverUrl ? `server: {url: ${serverUrl}}\n` : ''}psql: /usr/bin/psql\npostgres:\n  - name: billing\n    match: {host: 127.0.0.1, port: ${cluster.port}, database: billing_prod}\n    role: deployer\n    password: ${PRIVILEGED_PASSWORD}\n`,
  );
  chmodSync(path, 0o600);
}

/** The agent's psql line against billing_prod (`-X`: no psqlrc of anyone's). */
export const billingPsql = (cluster: Cluster, statement: string, noRc = true): string[] => [
  'psql',
  ...(noRc ? ['-X'] : []),
  '-h',
  '127.0.0.1',
  '-p',
  String(cluster.port),
  '-d',
  'billing_prod',
  '-c',
  statement,
];

/** The tables billing_prod has now, comma-separated ('' for none). */
export const billingTables = (cluster: Cluster): string =>
  cluster.sql(
    `SELECT coalesce(string_agg(tablename, ',' ORDER BY tablename), '') FROM pg_tables WHERE schemaname = 'public'`,
    'billing_prod',
  );

/** Bob and Carol approve the request named in `stderr`; its id. */
export async function approveByTwo(server: { url: string }, who: People, stderr: string): Promise<string> {
  const id = /(req_[0-9a-z]+)/.exec(stderr)![1]!;
  await clientOf(server, who.bob).approve(id);
  await clientOf(server, who.carol).approve(id);
  return id;
}
