import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// cqlsh and clickhouse-client were unrecognised programs: `cqlsh -e "DROP KEYSPACE analytics"` and
// `clickhouse-client -q "TRUNCATE TABLE events"` were allowed. Their statements go through the SQL
// assessment; what it cannot parse is an unknown change, not a read.

describe('cqlsh and clickhouse-client statements', () => {
  it.each([
    'cqlsh -e "TRUNCATE ks.events"',
    'cqlsh -e "DROP KEYSPACE analytics;"',
    'cqlsh cassandra.prod.internal -e "DROP TABLE ks.t"',
    'clickhouse-client -q "TRUNCATE TABLE events"',
    'clickhouse-client --host ch.internal --query "DROP TABLE events"',
    'clickhouse client --query "ALTER TABLE events DELETE WHERE 1"',
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    'cqlsh -e "SELECT * FROM ks.t LIMIT 10"',
    'cqlsh -e "DESCRIBE KEYSPACES"',
    'clickhouse-client -q "SELECT count() FROM events"',
    'clickhouse-client -q "SHOW TABLES"',
    'clickhouse local --query "SELECT 1"',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe("CQL's keyspaces and column families", () => {
  it.each([
    ['cqlsh cassandra.prod.internal -e "DROP KEYSPACE billing"', 'critical'],
    ['cqlsh -e "DROP KEYSPACE IF EXISTS analytics;"', 'critical'],
    ['cqlsh -e "drop columnfamily ks.events"', 'high'],
  ])('%s is read as the SQL drop it is (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it('a keyspace named in a string stays a string', async () => {
    const r = await check(`cqlsh -e "SELECT * FROM ks.log WHERE msg = 'drop keyspace x' LIMIT 5"`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
