import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { PipelineRuntime } from '../app/evaluate.js';
import { loadRuntime } from '../app/runtime.js';
import type { Store } from '../store/types.js';
import { createApp } from './app.js';
import { decisionHandler, withDecisionRoute } from './decision-route.js';
import { consoleEventOf, InProcessEventBus, type ConsoleEventBus } from './console/events.js';
import { ApprovalService, BREAKER_ACTOR, type BreakerSettings, type ServerEvent } from './service.js';
import type { SlackSettings } from './slack/actions.js';
import { SlackMessageUpdates } from './slack/updates.js';
import { telemetryOf, type Telemetry } from './telemetry/index.js';
import { traceEvaluator } from './telemetry/traced-evaluator.js';
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
  /** Logs, metrics and traces; what is not given is a silent logger and a fresh metrics registry. */
  telemetry?: Partial<Telemetry>;
  now?: () => number;
  onEvent?: (event: ServerEvent) => void;
  /** Where the console's live pages hear changes (default: this process only). */
  events?: ConsoleEventBus;
  /** The URL the store was opened with (the console's audit views reach PostgreSQL's side tables with it). */
  database?: string;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  service: ApprovalService;
  webhooks?: WebhookDispatcher;
  telemetry: Telemetry;
  /** Stop listening, the sweeper and webhooks; send the last traces; close the store. */
  close(): Promise<void>;
}

/** Start the approval server on an open (migrated) store. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const telemetry = telemetryOf(options.telemetry);
  const { logger, metrics, tracing } = telemetry;
  const warn = (line: string) => logger.warn(line);
  const webhooks = options.webhookUrl
    ? new WebhookDispatcher({ url: options.webhookUrl, buttons: options.slack !== undefined, log: warn })
    : undefined;
  const events = options.events ?? new InProcessEventBus();
  const slackUpdates = options.slack
    ? new SlackMessageUpdates({ log: warn, ...(options.now ? { now: options.now } : {}) })
    : undefined;
  const service = new ApprovalService({
    store: options.store,
    ...(options.expiryMs ? { expiryMs: options.expiryMs } : {}),
    ...(options.breaker ? { breaker: options.breaker } : {}),
    ...(options.now ? { now: options.now } : {}),
    onEvent: (event) => {
      if (event.type === 'agent.frozen' && event.actor === BREAKER_ACTOR) metrics.breakerTripped();
      webhooks?.send(event);
      slackUpdates?.onEvent(event);
      events.publish(consoleEventOf(event));
      options.onEvent?.(event);
    },
  });
  const runtime = options.runtime ?? (await loadRuntime());
  metrics.readFrom({
    pendingApprovals: () => service.store.countPending((options.now ?? Date.now)()),
    webhookQueueDepth: () => webhooks?.pending ?? 0,
  });
  const untrace = tracing ? traceEvaluator(runtime.evaluator, tracing) : undefined;
  const app = createApp({
    service,
    runtime,
    telemetry,
    console: {
      events,
      tls: !!options.tls,
      ...(options.now ? { now: options.now } : {}),
      ...(options.database ? { database: options.database } : {}),
    },
    ...(options.slack ? { slack: { ...options.slack, updates: slackUpdates! } } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  // Hono answers every route but the hot one, POST /v1/decisions (see decision-route.ts).
  const listener = withDecisionRoute(
    { service, decide: decisionHandler({ service, runtime, telemetry }), telemetry },
    getRequestListener(app.fetch, { hostname: host }),
  );
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createHttpServer(listener);
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_SERVER_PORT, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    untrace?.();
    await tracing?.shutdown().catch(() => undefined);
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const sweeper = setInterval(() => {
    service.sweep().catch((error: unknown) => warn(`sweep failed: ${String(error)}`));
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
    telemetry,
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        webhooks?.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        untrace?.();
        await tracing?.shutdown().catch((error: unknown) => warn(`traces not sent: ${String(error)}`));
        await options.store.close();
      })();
      return closing;
    },
  };
}
