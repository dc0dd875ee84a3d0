import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Loading a dump over a production database, and Cassandra's node operations (src/analyzers/databases/
// mongo-tools.ts, nodetool.ts): mongorestore and nodetool were unrecognised, and `mongorestore --drop` into a
// production cluster or `nodetool -h cassandra-prod-1 clearsnapshot --all` was allowed.

const PROD_URI = '"mongodb+srv://admin@prod-cluster.abcde.mongodb.net"';

describe('data or backups destroyed, or a node taken out, in production is not allowed', () => {
  it.each([
    `mongorestore --drop --uri ${PROD_URI} ./dump/staging`,
    `mongorestore --uri=${PROD_URI} --drop --nsInclude 'shop.*' --archive=staging.archive --gzip`,
    'mongorestore --host rs0/mongo-prod-1.acme.internal:27017 -u admin -p secret --authenticationDatabase admin --drop -d shop dump/shop',
    'mongorestore -h mongo-prod-1.acme.internal --drop --dir=./dump',
    `mongoimport --uri ${PROD_URI} -d shop -c orders --drop --file orders.json`,
    `mongoimport --uri ${PROD_URI} -d shop -c orders --mode=delete --file stale.json`,
    'nodetool -h cassandra-prod-1.acme.internal clearsnapshot --all',
    'nodetool -h cassandra-prod-1.acme.internal clearsnapshot -t pre-upgrade -- shop',
    'nodetool --host cassandra-prod-2.acme.internal -u admin -pw secret decommission',
    'nodetool -h cassandra-prod-1.acme.internal removenode 8d3f1c2a-0000-4000-8000-000000000001',
    'nodetool -h cassandra-prod-1.acme.internal drain',
    'nodetool -h cassandra-prod-1.acme.internal assassinate 10.0.4.12',
    'nodetool -h cassandra-prod-1.acme.internal truncatehints',
    "ssh cassandra-prod-2 'nodetool clearsnapshot --all'",
    // Not among its subcommands known here: -h names the host, it does not ask for help.
    'nodetool -h cassandra-prod-1.acme.internal purge-everything',
    'nodetool -h cassandra-prod-1.acme.internal frobnicate',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.environment).toBe('production');
  });

  it.each([
    `mongorestore --uri ${PROD_URI} --nsFrom 'shop.*' --nsTo 'restored_20261201.*' ./dump/shop`,
    `mongodump --uri ${PROD_URI} --out ./dump`,
    `mongoimport --uri ${PROD_URI} -d shop -c products --file products.json`,
    'nodetool -h cassandra-prod-1.acme.internal status',
    'nodetool -h cassandra-prod-1.acme.internal info',
    'nodetool -h cassandra-prod-1.acme.internal tablestats shop.orders',
    'nodetool -h cassandra-prod-1.acme.internal listsnapshots',
    'nodetool -h cassandra-prod-1.acme.internal snapshot -t pre-upgrade-2026-12-02 telemetry',
    'nodetool -h cassandra-prod-1.acme.internal repair -pr shop',
    "ssh cassandra-prod-2 'nodetool status && nodetool listsnapshots'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('a local database is the local user’s to confirm, as pg_restore --clean is', async () => {
    const r = await check('mongorestore --drop --uri mongodb://localhost:27017 ./dump/staging');
    expect(r.decision.outcome).toBe('ask');
  });
});
