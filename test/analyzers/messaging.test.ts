import { describe, expect, it } from 'vitest';
import { messagingCorpus } from '../corpus/messaging.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('messaging corpus', () => corpusTests(messagingCorpus));

describe('messaging analyzer', () => {
  it('reports categories policies can use', async () => {
    await expectCategories([
      ['kafka-topics --bootstrap-server b:9092 --delete --topic t', 'stream'],
      ['nats stream rm ORDERS -f', 'stream'],
      ['rabbitmqctl delete_queue orders', 'queue'],
      ['rabbitmqctl delete_user alice', 'iam'],
    ]);
  });

  it('places Kafka by every broker of --bootstrap-server', async () => {
    const r = await check(
      'kafka-topics --bootstrap-server kafka-1:9092,kafka-prod-2:9092 --delete --topic t',
    );
    expect(r.assessment.environment).toBe('production');
    const local = await check('kafka-topics --bootstrap-server localhost:9092 --delete --topic t');
    expect(local.assessment.environment).toBe('non-production');
  });

  it('grades retention changes above other config changes, and a dry-run offset reset as nothing', async () => {
    const config = (c: string) =>
      check(
        `kafka-configs --bootstrap-server b:9092 --alter --entity-type topics --entity-name t --add-config ${c}`,
      );
    expect((await config('retention.ms=60000')).assessment.risk).toBe('high');
    expect((await config('max.message.bytes=2000000')).assessment.risk).toBe('medium');
    const dry = await check(
      'kafka-consumer-groups --bootstrap-server b:9092 --group g --reset-offsets --to-latest --all-topics',
    );
    expect(dry.assessment.effects).toEqual([]);
  });

  it('tells a nats key from its whole bucket', async () => {
    expect((await check('nats kv rm sessions user-1 -f')).assessment.risk).toBe('medium');
    expect((await check('nats kv rm sessions -f')).assessment.risk).toBe('critical');
  });

  it('places rabbitmqctl on this machine unless -n or RABBITMQ_NODENAME names a node', async () => {
    expect((await check('rabbitmqctl reset')).assessment.environment).toBe('non-production');
    expect((await check('rabbitmqctl -n rabbit@mq-prod-1 reset')).assessment.environment).toBe('production');
    const env = await check('rabbitmqctl reset', { env: { RABBITMQ_NODENAME: 'rabbit@mq-live-3' } });
    expect(env.assessment.environment).toBe('production');
    expect((await check('rabbitmqadmin delete queue name=orders')).assessment.environment).toBe('unknown');
  });
});

// Fetching a message and acknowledging it takes it off the queue: consumed, not read.
describe('messages consumed, beside messages only looked at', () => {
  it.each([
    ['rabbitmqadmin get queue=orders ackmode=ack_requeue_false', 'unknown'],
    [
      'rabbitmqadmin -H mq.prod.internal get queue=orders count=10 ackmode=reject_requeue_false',
      'production',
    ],
    ['gcloud pubsub subscriptions pull orders-sub --auto-ack', 'unknown'],
    ['gcloud pubsub subscriptions pull --auto-ack orders-sub --limit 100 --project acme-prod', 'production'],
  ])('%s takes messages off the queue (%s)', async (command, environment) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => e.operation)).toContain('delete');
    expect(r.assessment.environment).toBe(environment);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'rabbitmqadmin get queue=orders',
    'rabbitmqadmin get queue=orders count=5 ackmode=ack_requeue_true',
    'rabbitmqadmin -H mq.prod.internal get queue=orders ackmode=reject_requeue_true',
    'gcloud pubsub subscriptions pull orders-sub --limit 10',
    'gcloud pubsub subscriptions pull orders-sub --project acme-prod',
  ])('%s only looks', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('nats stream backup and restore', () => {
  it.each([
    'nats stream backup ORDERS ./backup',
    'nats --server nats://nats.prod.internal:4222 stream backup ORDERS ./backups/orders',
    'nats str backup ORDERS /tmp/orders-backup',
  ])('%s reads the stream and writes a local backup: allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    expect(r.assessment.effects.map((e) => e.operation)).not.toContain('execute-unverifiable');
  });

  it.each(['nats stream restore ./backup', 'nats --context prod stream restore ./backups/orders'])(
    '%s replaces a stream: held',
    async (command) => {
      const r = await check(command);
      expect(r.assessment.effects.map((e) => e.operation)).toContain('replace');
      expect(r.decision.outcome).not.toBe('allow');
    },
  );
});
