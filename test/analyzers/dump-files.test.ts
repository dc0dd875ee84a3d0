import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A dump's output file is judged as `> FILE` (src/analyzers/dump-files.ts): `pg_dump -f FILE` on a
// production host was unverifiable while `pg_dump > FILE` there was allowed.

describe('database dumps written to a file', () => {
  it.each([
    'docker --context prod-db-01 exec shop-postgres pg_dump -U app -d shop -Fc -f /backups/shop.dump',
    "ssh prod-db-01 'pg_dump -U app -d shop -Fc -f /backups/shop.dump'",
    "ssh prod-db-01 'pg_dumpall --file=/backups/all.sql'",
    "ssh db.prod.internal 'mysqldump --single-transaction shop -r /backups/shop.sql'",
    "ssh db.prod.internal 'mysqldump shop --result-file=/backups/shop.sql'",
    'mongodump --uri mongodb://prod-db.internal/shop --archive=/backups/shop.archive',
    'mongodump --uri mongodb://prod-db.internal/shop --archive --gzip',
    'pg_dump -h db.prod.internal -U app -Fc -f backups/shop.dump shop',
  ])('%s is allowed', async (command) => {
    const r = await check(command, { exists: () => false });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    ['pg_dump -U app -d shop -f /etc/passwd', '/etc/passwd'],
    ['mysqldump shop -r /dev/sda', '/dev/sda'],
    ['pg_dumpall -f ~/.ssh/authorized_keys', '/home/dev/.ssh/authorized_keys'],
  ])('%s writes over %s', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });
});

describe('dumps into a directory kept for them', () => {
  it.each([
    'pg_dump -h db-prod.acme.internal -U postgres -Fc -f backups/orders.dump orders',
    'flock -n /tmp/b.lock pg_dump -Fc billing -f /home/dev/backups/billing-$(date +%F).dump',
    'sudo -u postgres pg_dumpall -f /var/backups/pg/nightly.sql',
  ])('%s is allowed, the file there existing or not', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
