import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ConsoleEventBus } from './events.js';

// GET /console/events: a signed-in page hears each change as an `event: change` with the kind and the
// request id only; it then reads what it shows through the usual routes. A comment every 25 s keeps
// proxies from closing a quiet stream.

const HEARTBEAT_MS = 25_000;

export function eventStream(c: Context, bus: ConsoleEventBus): Response {
  return streamSSE(c, async (stream) => {
    const unsubscribe = bus.subscribe((event) => {
      void stream.writeSSE({ event: 'change', data: JSON.stringify(event) });
    });
    const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
    await stream.writeSSE({ event: 'ready', data: '{}' });
    await closed;
    clearInterval(heartbeat);
    unsubscribe();
  });
}
