import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { PipelineRuntime } from '../app/evaluate.js';
import { loadRuntime } from '../app/runtime.js';
import type { Store } from '../store/types.js';
import { createApp } from './app.js';
import { consoleEventOf, InProcessEventBus, type ConsoleEventBus } from './console/events.js';
import { ApprovalService, type BreakerSettings, type ServerEvent } from './service.js';
import type { SlackSettings } from './slack/actions.js';
import { WebhookDispatcher } from './webhooks.js';

export const DEFAULT_SERVER_PORT = 47812;

/** A certificate and its key (PEM): the server speaks HTTPS. */
export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

export interface StartOptions {
  store: Store;
  tls?: TlsFiles;
  /** The server's parsers and policies (default: loaded from its own configuration, see loadRuntime). */
  runtime?: PipelineRuntime;
  host?: string;
  port?: number;
  expiryMs?: number;
  breaker?: BreakerSettings;
  webhookUrl?: string;
  /** Slack interactivity: POST /slack/actions answers Approve/Deny clicks, and webhooks carry the buttons. */
  slack?: SlackSettings;
  /** How often overdue requests are expired (default 30 s). */
  sweepMs?: number;
  log?: (line: string) => void;
  now?: () => number;
  onEvent?: (event: ServerEvent) => void;
  /** Where the console's live pages hear changes (default: this process only). */
  events?: ConsoleEventBus;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  service: ApprovalService;
  webhooks?: WebhookDispatcher;
  /** Stop listening, stop the sweeper and webhooks, and close the store. */
  close(): Promise<void>;
}

/** Start the approval server on an open (migrated) store. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const webhooks = options.webhookUrl
    ? new WebhookDispatcher({
        url: options.webhookUrl,
        buttons: options.slack !== undefined,
        ...(options.log ? { log: options.log } : {}),
      })
    : undefined;
  const events = options.events ?? new InProcessEventBus();
  const service = new ApprovalService({
    store: options.store,
    ...(options.expiryMs ? { expiryMs: options.expiryMs } : {}),
    ...(options.breaker ? { breaker: options.breaker } : {}),
    ...(options.now ? { now: options.now } : {}),
    onEvent: (event) => {
      webhooks?.send(event);
      events.publish(consoleEventOf(event));
      options.onEvent?.(event);
    },
  });
  const runtime = options.runtime ?? (await loadRuntime());
  const app = createApp({
    service,
    runtime,
    console: { events, tls: !!options.tls, ...(options.now ? { now: options.now } : {}) },
    ...(options.log ? { log: options.log } : {}),
    ...(options.slack ? { slack: options.slack } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = (
    options.tls
      ? createAdaptorServer({
          fetch: app.fetch,
          hostname: host,
          createServer: createHttpsServer,
          serverOptions: { cert: options.tls.cert, key: options.tls.key },
        })
      : createAdaptorServer({ fetch: app.fetch, hostname: host })
  ) as Server;
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_SERVER_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const sweeper = setInterval(() => {
    service.sweep().catch((error: unknown) => options.log?.(`sweep failed: ${String(error)}`));
  }, options.sweepMs ?? 30_000);
  sweeper.unref();
  const shown = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shown}:${port}`,
    host,
    port,
    service,
    ...(webhooks ? { webhooks } : {}),
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        webhooks?.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await options.store.close();
      })();
      return closing;
    },
  };
}
