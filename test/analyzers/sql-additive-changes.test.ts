import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Adding a column or an index, or dropping an index (made again from the rows), loses no data: routine on a
// local or staging database. In production or an unrecognised one the lock or the slower queries keep the
// risk; dropping columns, changing types and CASCADE are unchanged.
const cases: [string, Outcome][] = [
  ['psql -h localhost -d app_dev -c "ALTER TABLE users ADD COLUMN nickname text"', 'allow'],
  ['psql -h localhost -d app_dev -c "DROP INDEX IF EXISTS idx_tmp"', 'allow'],
  ['mysql -h 127.0.0.1 -e "ALTER TABLE users ADD COLUMN nickname varchar(20)"', 'allow'],
  ['sqlite3 dev.db "ALTER TABLE users ADD COLUMN nickname text"', 'allow'],
  ['psql -h localhost -d app_dev -c "DROP INDEX idx_tmp CASCADE"', 'ask'],
  ['psql -h localhost -d app_dev -c "ALTER TABLE users DROP COLUMN nickname"', 'ask'],
  ['psql -h localhost -d app_dev -c "ALTER TABLE users ALTER COLUMN email TYPE varchar(10)"', 'ask'],
  ['psql -h localhost -d app_dev -c "ALTER TABLE users ADD COLUMN x int, DROP COLUMN y"', 'ask'],
  ['psql -h prod-db -d app -c "ALTER TABLE users ADD COLUMN nickname text"', 'require-approval'],
  ['psql -h prod-db -d app -c "DROP INDEX idx_users_email"', 'require-approval'],
  ['psql -c "DROP INDEX idx_users_email"', 'require-approval'],
];

describe('additive schema changes', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
