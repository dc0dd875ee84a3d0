import type { ServerEvent } from '../service.js';

// What the console's live pages hear: a request was created, voted on or decided, or a freeze changed.
// Only the kind and the request id travel; a page reads the rest through the service (one source of
// truth, and nothing agent-controlled is pushed into a page).
//
// One interface, so another implementation can carry events between replicas (PostgreSQL LISTEN/NOTIFY
// on one channel: publish = NOTIFY with this JSON, the listener's notifications = emit). The in-process
// hub below is the one a single server needs.

export interface ConsoleEvent {
  type: ServerEvent['type'];
  requestId?: string;
}

export interface ConsoleEventBus {
  publish(event: ConsoleEvent): void;
  /** Returns the function that stops listening. */
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}

export function consoleEventOf(event: ServerEvent): ConsoleEvent {
  return 'request' in event ? { type: event.type, requestId: event.request.id } : { type: event.type };
}

export class InProcessEventBus implements ConsoleEventBus {
  private readonly listeners = new Set<(event: ConsoleEvent) => void>();

  publish(event: ConsoleEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // one page's broken connection is not the others'
      }
    }
  }

  subscribe(listener: (event: ConsoleEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
