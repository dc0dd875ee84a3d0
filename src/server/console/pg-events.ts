import pg from 'pg';
import { z } from 'zod';
import type { ConsoleEvent, ConsoleEventBus } from './events.js';

// The console's events across replicas: each server NOTIFYs on one PostgreSQL channel and LISTENs on it
// with a connection of its own, so a page open on any replica hears what any replica did. Its own events
// come back through the channel too, and are delivered only that way (never twice). A payload is read with
// zod like any other input; one that does not fit is dropped. `interlock serve` uses it whenever its store
// is PostgreSQL (src/cli/serve.ts); a server started otherwise uses the in-process bus unless given this.

const CHANNEL = 'interlock_console';

const EVENT_TYPES = [
  'request.created',
  'request.approved',
  'request.denied',
  'request.cancelled',
  'request.expired',
  'request.consumed',
  'request.reopened',
  'freeze',
  'unfreeze',
  'agent.frozen',
  'agent.unfrozen',
] as const satisfies readonly ConsoleEvent['type'][];

const Payload = z.object({
  type: z.enum(EVENT_TYPES),
  requestId: z
    .string()
    .regex(/^req_[0-9a-z]{6,40}$/)
    .optional(),
});

export class PostgresEventBus implements ConsoleEventBus {
  private readonly listeners = new Set<(event: ConsoleEvent) => void>();

  private constructor(
    private readonly listener: pg.Client,
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void,
    private readonly channel: string,
  ) {
    listener.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.payload);
      } catch {
        return;
      }
      const event = Payload.safeParse(parsed);
      if (event.success) this.emit(event.data);
    });
  }

  /** `channel`: a lower-case identifier; servers that share one hear each other. */
  static async connect(
    url: string,
    options: { log?: (line: string) => void; channel?: string } = {},
  ): Promise<PostgresEventBus> {
    const channel = options.channel ?? CHANNEL;
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel))
      throw new Error(
        `the events channel must be a lower-case identifier (letters, digits, _), not ${channel}`,
      );
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    await listener.query(`LISTEN ${channel}`);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    return new PostgresEventBus(listener, pool, options.log ?? (() => undefined), channel);
  }

  publish(event: ConsoleEvent): void {
    // A lost notification costs a page a live update, never a decision: it is not awaited.
    this.pool
      .query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(event)])
      .catch((error: unknown) => this.log(`console events: NOTIFY failed: ${String(error)}`));
  }

  subscribe(listener: (event: ConsoleEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.listener.end();
    await this.pool.end();
  }

  private emit(event: ConsoleEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // one page's broken connection is not the others'
      }
    }
  }
}
