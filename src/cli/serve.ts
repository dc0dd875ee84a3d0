import { loadRuntime } from '../app/runtime.js';
import { loadConfig } from '../config/load.js';
import { serveSettings, webhookUrlProblem } from '../server/config.js';
import { readFileSync } from 'node:fs';
import { DEFAULT_SERVER_PORT, startServer, type TlsFiles } from '../server/serve.js';
import { serverTelemetry } from '../server/telemetry/setup.js';
import { openStore } from '../store/open.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { InputError } from '../core/errors.js';
import { reportError } from './errors.js';

export interface ServeOptions {
  host?: string;
  port?: string;
  database?: string;
  webhook?: string;
  quiet?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  logLevel?: string;
  otelEndpoint?: string;
}

/** The certificate and key of --tls-cert/--tls-key, or why they cannot be used. */
function readTls(options: ServeOptions): TlsFiles | string | undefined {
  if (!options.tlsCert && !options.tlsKey) return undefined;
  if (!options.tlsCert || !options.tlsKey)
    return 'give both --tls-cert and --tls-key (PEM files), or neither for plain HTTP';
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new Error(
        `cannot read the TLS ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  };
  try {
    return { cert: read(options.tlsCert, 'certificate'), key: read(options.tlsKey, 'key') };
  } catch (error) {
    return (error as Error).message;
  }
}

/** The Slack signing secret, from the environment or its file; a file that cannot be read is an error. */
function slackSecret(settings: ReturnType<typeof serveSettings>): string | undefined {
  if (settings.slackSigningSecret) return settings.slackSigningSecret;
  const file = settings.slackSigningSecretFile;
  if (!file) return undefined;
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new InputError(
      `cannot read the Slack signing secret file ${file} (server.slackSigningSecretFile: ${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  if (!secret)
    throw new InputError(`the Slack signing secret file ${file} is empty (server.slackSigningSecretFile)`);
  return secret;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** `interlock serve`: open (and migrate) the store, listen, and run until SIGINT/SIGTERM. */
export async function runServe(options: ServeOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const port = options.port === undefined ? DEFAULT_SERVER_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `interlock serve: --port ${options.port} is not a port number (0 picks a free one)\n`,
    );
    return EXIT_CODES.usage;
  }
  const tls = readTls(options);
  if (typeof tls === 'string') {
    process.stderr.write(`interlock serve: ${tls}\n`);
    return EXIT_CODES.usage;
  }
  let config;
  try {
    config = loadConfig(process.cwd(), env);
  } catch (error) {
    return reportError('serve', error);
  }
  const settings = serveSettings(config, env);
  for (const note of settings.ignored ?? []) process.stderr.write(`interlock serve: ignored: ${note}\n`);
  let signingSecret;
  try {
    signingSecret = slackSecret(settings);
  } catch (error) {
    return reportError('serve', error);
  }
  const database = options.database ?? settings.database;
  const telemetry = await serverTelemetry(options, env);
  if ('problem' in telemetry) {
    process.stderr.write(`interlock serve: ${telemetry.problem}\n`);
    return EXIT_CODES.usage;
  }
  const { logger } = telemetry;
  const log = (line: string) => logger.info(line);
  const host = options.host ?? '127.0.0.1';
  // The server judges every action with its own configuration and policies, never the agent's.
  const runtime = await loadRuntime({ cwd: process.cwd(), env });
  if (runtime.problems.length)
    process.stderr.write(
      `interlock serve: the policies did not load (${runtime.problems.join('; ')}); production-scoped actions are denied until this is fixed\n`,
    );
  let store;
  try {
    store = await openStore(database, env, { longRunning: true });
  } catch (error) {
    return reportError('serve', error);
  }
  const webhookUrl = options.webhook ?? settings.webhookUrl;
  const badWebhook = webhookUrl && webhookUrlProblem(webhookUrl);
  if (badWebhook) {
    await store.close();
    process.stderr.write(`interlock serve: ${badWebhook}\n`);
    return EXIT_CODES.usage;
  }
  let events;
  try {
    events = await replicaEvents(store.kind, database, log);
  } catch (error) {
    await store.close();
    return reportError('serve', error);
  }
  let server;
  try {
    server = await startServer({
      store,
      ...(events ? { events } : {}),
      ...(database ? { database } : {}),
      runtime,
      ...(tls ? { tls } : {}),
      host,
      port,
      expiryMs: settings.expiryMs,
      breaker: settings.breaker,
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(signingSecret ? { slack: { signingSecret } } : {}),
      telemetry,
    });
  } catch (error) {
    await events?.close();
    await store.close();
    process.stderr.write(
      `interlock serve: cannot ${tls ? 'start TLS or listen' : 'listen'} on ${host}:${port} (${(error as Error).message})\n`,
    );
    return EXIT_CODES.internal;
  }
  // Signed audit checkpoints every 1000 entries or 5 minutes (interlock keys init; INTERLOCK_AUDIT_KEY).
  const { startServerCheckpoints } = await import('../audit/serve.js');
  let checkpoints;
  try {
    checkpoints = await startServerCheckpoints({
      store,
      database: database ?? store.location,
      env,
      config,
      log,
    });
  } catch (error) {
    await server.close();
    await events?.close();
    return reportError('serve', error);
  }
  if (!LOOPBACK.test(host) && !tls)
    process.stderr.write(
      `interlock serve: listening on ${host}, beyond this machine, over plain HTTP: serve HTTPS (--tls-cert, --tls-key) or put it behind a TLS proxy, so tokens are not sent in the clear.\n`,
    );
  process.stdout.write(
    `interlock approval server listening on ${server.url} (${store.kind} ${store.location}; requests expire after ${Math.round(settings.expiryMs / 60000)} min; breaker ${settings.breaker.maxDestructive > 0 ? `${settings.breaker.maxDestructive} destructive / ${Math.round(settings.breaker.windowMs / 60000)} min` : 'off'}${webhookUrl ? '; webhooks on' : ''}${signingSecret ? '; Slack buttons at /slack/actions' : ''}; audit checkpoints ${checkpoints ? `signed with ${checkpoints.keyId}` : 'off (no key)'}; pid ${process.pid})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () =>
      void (checkpoints?.stop() ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => server.close())
        .then(() => events?.close())
        .finally(() => logger.flush())
        .then(resolve, resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT_CODES.ok;
}

/** On PostgreSQL the console's live events travel between replicas through LISTEN/NOTIFY. */
async function replicaEvents(kind: string, database: string | undefined, log: (line: string) => void) {
  if (kind !== 'postgres' || !database) return undefined;
  const { PostgresEventBus } = await import('../server/console/pg-events.js');
  try {
    return await PostgresEventBus.connect(database, { log });
  } catch (error) {
    throw new Error(
      `cannot LISTEN for the console's events on ${database.replace(/\/\/[^@/]*@/, '//')}: ${(error as Error).message}`,
    );
  }
}
