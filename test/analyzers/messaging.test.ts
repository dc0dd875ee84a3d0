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
