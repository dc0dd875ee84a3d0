import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// An administration CLI whose table lists its subcommands is a recognised program, but a subcommand the
// table leaves out was allowed even where it lands in production (`cbt set`, `fastly service-version
// activate`, `couchbase-cli xdcr-replicate --delete`): no analyzer saw into it, and none said so. Such a call is
// now judged as an unrecognised program is (src/analyzers/subcommands.ts, unlistedCall), placed by the CLI's
// own hints too; words that say it only looks leave it be.

describe('a subcommand its table does not list', () => {
  it.each([
    ['cbt -project p -instance prod set users r1 f:c=1', {}],
    ['couchbase-cli xdcr-replicate -c couchbase-prod-1 --delete --xdcr-replicator x', {}],
    ['ssh prod-web-1 fastly service-version activate --service-id abc --version 3', {}],
    ['doppler secrets rotate --config prd', {}],
    ['pulsar-admin --admin-url http://pulsar-prod:8080 topics compact persistent://t/n/x', {}],
    ['vault operator raft remove-peer node3', { VAULT_ADDR: 'https://vault.prod.internal:8200' }],
    // An argument that ends like a looking word is not a subcommand that looks.
    ['ssh prod-web-1 nats frobnicate orders.status', {}],
    ['ssh prod-web-1 doppler frobnicate app/list', {}],
  ])('%s is unverifiable where it lands in production', async (command, env) => {
    const r = await check(command, { env });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('deny');
    expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it.each([
    'cbt -project p -instance dev set users r1 f:c=1',
    'fastly service-version activate --service-id abc --version 3',
    'couchbase-cli xdcr-replicate -c localhost --create --xdcr-replicator x',
  ])('%s is left alone elsewhere', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    ['cbt -project p -instance prod read users', {}],
    ['couchbase-cli server-list -c couchbase-prod-1', {}],
    ['ssh prod-web-1 fastly service-version list --service-id abc', {}],
    ['heroku apps:info -a billing-prod', {}],
    ['heroku pg:backups:capture --app acme-prod', {}],
    ['doppler secrets --config prd --only-names', {}],
    ['vault kv get secret/app', { VAULT_ADDR: 'https://vault.prod.internal:8200' }],
    ['vault token lookup', { VAULT_ADDR: 'https://vault.prod.internal:8200' }],
    ['ssh prod-web-1 gh pr view 12', {}],
    ['ssh prod-web-1 pulsar-admin topics list public/default', {}],
  ])('%s only looks, and is allowed in production', async (command, env) => {
    const r = await check(command, { env });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('says what it guesses when an unlisted subcommand says it destroys', async () => {
    const r = await check('ssh prod-web-1 pulsar-admin packages delete function://t/n/p@v1');
    expect(r.decision.outcome).toBe('deny');
    const operations = r.assessment.effects.map((e) => e.operation);
    expect(operations).toEqual(expect.arrayContaining(['delete', 'execute-unverifiable']));
  });
});
