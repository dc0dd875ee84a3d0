import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../src/server/console/events.js';
import { PostgresEventBus } from '../../../src/server/console/pg-events.js';
import { POSTGRES_URL } from '../../store/stores.js';

// Two replicas' buses on a real PostgreSQL: what one publishes, both hear once; a payload that is not an
// event (anyone with database access can NOTIFY) is dropped.

describe('console events over PostgreSQL LISTEN/NOTIFY', () => {
  let a: PostgresEventBus;
  let b: PostgresEventBus;
  // A channel of this run's own: parallel runs on the same database never hear each other.
  const channel = `console_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    a = await PostgresEventBus.connect(POSTGRES_URL, { channel });
    b = await PostgresEventBus.connect(POSTGRES_URL, { channel });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const next = (bus: PostgresEventBus) =>
    new Promise<ConsoleEvent>((resolve) => {
      const stop = bus.subscribe((event) => {
        stop();
        resolve(event);
      });
    });

  it('delivers an event published on one replica to every replica, once', async () => {
    const heard: ConsoleEvent[] = [];
    const stop = a.subscribe((e) => heard.push(e));
    const onB = next(b);
    a.publish({ type: 'request.created', requestId: 'req_7k2m9qx4ht1c' });
    expect(await onB).toEqual({ type: 'request.created', requestId: 'req_7k2m9qx4ht1c' });
    await new Promise((r) => setTimeout(r, 200));
    stop();
    expect(heard).toEqual([{ type: 'request.created', requestId: 'req_7k2m9qx4ht1c' }]);
  });

  it('drops payloads that are not events', async () => {
    const onB = next(b);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`SELECT pg_notify($1, 'not json')`, [channel]);
    await client.query(`SELECT pg_notify($1, $2)`, [
      channel,

      JSON.stringify({ type: 'x', requestId: '<script>' }),
    ]);
    await client.end();
    a.publish({ type: 'freeze' });
    expect(await onB).toEqual({ type: 'freeze' });
  });
});
