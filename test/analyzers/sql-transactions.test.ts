import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A script that changes rows inside a transaction and then rolls it back leaves the data as it was; DDL,
// a commit, a transaction left open, or a rollback to a savepoint keep what was done.

describe('rows changed in a rolled-back transaction are not kept', () => {
  it.each([
    'psql -h db.prod.internal -d shop -c "BEGIN; DELETE FROM orders WHERE id = 7; ROLLBACK;"',
    'psql -h db.prod.internal -d shop -c "START TRANSACTION; UPDATE prices SET amount = amount * 1.1; ABORT;"',
    "psql -h db.prod.internal -d shop <<'SQL'\nBEGIN;\nEXPLAIN ANALYZE DELETE FROM audit_log WHERE created_at < now() - interval '90 days';\nROLLBACK;\nSQL",
    'mysql -h mysql.prod.internal shop -e "START TRANSACTION; UPDATE prices SET amount = amount * 1.1; SELECT * FROM prices LIMIT 5; ROLLBACK;"',
    'psql -h db.prod.internal -d shop -c "BEGIN; SET LOCAL statement_timeout = 1000; DELETE FROM orders; ROLLBACK;"',
  ])('%s is allowed', async (command) => {
    const { decision, assessment } = await check(command);
    expect(assessment.effects.filter((e) => e.destructive)).toEqual([]);
    expect(decision.outcome).toBe('allow');
  });
});

describe('what a transaction keeps is still judged', () => {
  it.each([
    // committed
    ['psql -h db.prod.internal -d shop -c "BEGIN; DELETE FROM orders; COMMIT;"', 'table orders'],
    ['psql -h db.prod.internal -d shop -c "BEGIN; DELETE FROM orders; END;"', 'table orders'],
    // left open: counted as committed
    ['psql -h db.prod.internal -d shop -c "BEGIN; DELETE FROM orders;"', 'table orders'],
    // only back to a savepoint: the delete before it stays
    [
      'psql -h db.prod.internal -d shop -c "BEGIN; DELETE FROM orders; SAVEPOINT s; UPDATE x SET a = 1; ROLLBACK TO SAVEPOINT s; COMMIT;"',
      'table orders',
    ],
    // DDL is never taken back here
    ['psql -h db.prod.internal -d shop -c "BEGIN; DROP TABLE orders; ROLLBACK;"', 'table orders'],
    // MySQL commits before DDL: the delete before the DROP stays deleted
    [
      'mysql -h mysql.prod.internal shop -e "START TRANSACTION; DELETE FROM orders; DROP TABLE tmp_x; ROLLBACK;"',
      'table orders',
    ],
    // a second transaction after the rolled-back one
    [
      'psql -h db.prod.internal -d shop -c "BEGIN; DELETE FROM a; ROLLBACK; BEGIN; DELETE FROM orders; COMMIT;"',
      'table orders',
    ],
    // rolled back, then changed outside any transaction
    ['psql -h db.prod.internal -d shop -c "BEGIN; ROLLBACK; DELETE FROM orders;"', 'table orders'],
  ])('%s keeps %s', async (command, target) => {
    const { decision, assessment } = await check(command);
    expect(assessment.effects.some((e) => e.destructive && e.target.includes(target))).toBe(true);
    expect(decision.outcome).not.toBe('allow');
  });
});

// A SQLite file in a scratch directory is scratch, as any file there is; one elsewhere is judged as data.
describe('SQLite databases in scratch directories', () => {
  it.each([
    [
      'sqlite3 /tmp/scratch.db "DROP TABLE IF EXISTS t; CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1);"',
      'allow',
    ],
    ['sqlite3 /var/tmp/try.db "DELETE FROM events"', 'allow'],
    ['sqlite3 ./data/app.db "DROP TABLE events"', 'ask'],
    ['sqlite3 /tmp "DROP TABLE events"', 'ask'],
    ['sqlite3 ~/app.db "DELETE FROM events"', 'ask'],
  ])('%s → %s', async (command, outcome) => {
    const { decision } = await check(command);
    expect(decision.outcome).toBe(outcome);
  });
});
