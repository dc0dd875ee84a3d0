import { describe, expect, it } from 'vitest';
import { postgresGrants } from '../../src/least-privilege/postgres-grants.js';
import { check } from '../support/runtime.js';

async function grantsFor(...commands: string[]) {
  const effects = [];
  for (const c of commands) effects.push(...(await check(c)).assessment.effects);
  return postgresGrants(effects, 'agent');
}

describe('PostgreSQL GRANTs', () => {
  it.each([
    ['psql -c "DELETE FROM orders WHERE id = 4"', ['GRANT SELECT, DELETE ON TABLE orders TO agent;']],
    ['psql -c "DELETE FROM orders"', ['GRANT DELETE ON TABLE orders TO agent;']],
    [
      'psql -c "UPDATE billing.invoices SET paid = true WHERE id = 1"',
      ['GRANT SELECT, UPDATE ON TABLE billing.invoices TO agent;'],
    ],
    [
      'psql -c "INSERT INTO events (kind) VALUES (\'x\') ON CONFLICT (kind) DO UPDATE SET n = 1"',
      ['GRANT INSERT, UPDATE ON TABLE events TO agent;'],
    ],
    ['psql -c "TRUNCATE sessions"', ['GRANT TRUNCATE ON TABLE sessions TO agent;']],
  ])('%s', async (command, statements) => {
    const g = await grantsFor(command);
    expect(g.statements).toEqual(statements);
    expect(g.ownerOnly).toEqual([]);
  });

  it('unions the privileges per table over several approved statements', async () => {
    const g = await grantsFor(
      'psql -c "INSERT INTO orders (id) VALUES (1)"',
      'psql -c "DELETE FROM orders WHERE id = 1"',
    );
    expect(g.statements).toEqual(['GRANT SELECT, INSERT, DELETE ON TABLE orders TO agent;']);
  });

  it('says that DDL needs ownership rather than granting anything', async () => {
    const g = await grantsFor(
      'psql -c "DROP TABLE old_orders"',
      'psql -c "ALTER TABLE orders DROP COLUMN note"',
    );
    expect(g.statements).toEqual([]);
    expect(g.ownerOnly).toEqual(['table old_orders', 'table orders']);
  });

  it('quotes a role name that is not a plain identifier', () => {
    const g = postgresGrants(
      [{ access: { kind: 'sql', privileges: ['SELECT'], object: 'table t' } }],
      'Claude Code',
    );
    expect(g.statements).toEqual(['GRANT SELECT ON TABLE t TO "Claude Code";']);
  });
});
