import { Hono, type Context } from 'hono';
import { routePath } from 'hono/route';
import { z } from 'zod';
import {
  API_VERSION,
  ApproveBody,
  CancelBody,
  DenyBody,
  ExecutionBody,
  FreezeBody,
  IdentityName,
} from '../approvals/api.js';
import { CheckpointBody, LogId } from '../approvals/checkpoint-api.js';
import { REQUEST_STATES, type Identity } from '../store/types.js';
import { errorReply, ServiceError } from './errors.js';
import { RequestId } from './ids.js';
import type { PipelineRuntime } from '../app/evaluate.js';
import { decisionHandler } from './decision-route.js';
import { callerOf, checkLength, describeZod, MAX_BODY_BYTES, parseJson } from './http-input.js';
import { latestCheckpoint, witnessCheckpoint } from './checkpoints.js';
import type { ApprovalService } from './service.js';
import { handleSlackClick, type SlackSettings } from './slack/actions.js';
import { createConsole, type ConsoleOptions } from './console/routes.js';
import type { Telemetry } from './telemetry/index.js';
import { requestLog } from './telemetry/request-log.js';

// The HTTP + JSON API. Only /health answers without a token, and it changes nothing. Every body is read
// with zod; refusals say what was wrong and how to fix it.
//
//   GET  /health                       liveness (no token)
//   GET  /metrics                      Prometheus metrics (any valid token; src/server/telemetry/)
//   GET  /v1/whoami                    the caller's identity
//   POST /v1/decisions                 {proposal, facts, local?, agent?}  the server assesses and decides:
//                                      freezes, breaker, approval requests, grants
//   POST /v1/executions                {digest, requestId?, exitCode?, …}  what the action did (audit log)
//   GET  /v1/requests[?state=&limit=]  requests (an agent sees its own)
//   GET  /v1/requests/:id
//   POST /v1/requests/:id/approve      {comment?}   humans
//   POST /v1/requests/:id/deny         {reason}     humans
//   POST /v1/requests/:id/cancel       {reason?}    the requester or the human it acts for
//   POST /v1/freeze | /v1/unfreeze     {agent?, reason?}   humans
//   GET  /v1/status                    freezes and the number of pending requests
//   POST /v1/checkpoints               {log, seq, hash, at, keyId, signature}  a signed checkpoint of the
//                                      caller's own audit log, kept as its outside witness
//   GET  /v1/checkpoints?log=          the newest checkpoint the caller sent for that log
//   POST /slack/actions                Slack's Approve/Deny clicks (no token: Slack's signature over the
//                                      raw body; the Slack user acts as the human mapped to it)

type Env = { Variables: { caller: Identity } };

export interface AppOptions {
  service: ApprovalService;
  /** The server's own parsers and policies: it assesses and decides every action itself. */
  runtime: PipelineRuntime;
  /** Slack interactivity (POST /slack/actions); absent, the endpoint says it is not set up. */
  slack?: SlackSettings;
  now?: () => number;
  /** The approvers' web console at / (src/server/console/). */
  console?: Pick<ConsoleOptions, 'events' | 'tls' | 'now' | 'database'>;
  /** Logs, metrics and traces (src/server/telemetry/). */
  telemetry: Telemetry;
}

const ListQuery = z.object({
  state: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()) : undefined))
    .pipe(z.array(z.enum(REQUEST_STATES)).optional()),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** The body's exact bytes. Bodies must say their length, and stay under the limit. */
async function readRaw(c: Context, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  checkLength(c.req.header('content-length'), c.req.header('transfer-encoding'), limit);
  return new Uint8Array(await c.req.arrayBuffer());
}

/** The body as JSON, checked against `schema`. */
async function readJson<S extends z.ZodType>(c: Context, schema: S, optional = false): Promise<z.output<S>> {
  return parseJson(await readRaw(c), schema, optional);
}

function requestId(c: Context): string {
  const parsed = RequestId.safeParse(c.req.param('id'));
  if (!parsed.success) throw new ServiceError(400, 'bad-id', describeZod(parsed.error, 'request id'));
  return parsed.data;
}

export function createApp(options: AppOptions): Hono<Env> {
  const { service } = options;
  const { logger, metrics } = options.telemetry;
  const decide = decisionHandler({ service, runtime: options.runtime, telemetry: options.telemetry });
  const app = new Hono<Env>();
  app.use('*', requestLog(logger));

  app.onError((error, c) => {
    const { status, body, close } = errorReply(error);
    if (status === 500)
      logger.error({ err: error, method: c.req.method, route: routePath(c, -1) }, 'internal error');
    return c.json(body, status, close ? { connection: 'close' } : {});
  });
  app.notFound((c) =>
    c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}`, code: 'not-found' }, 404),
  );

  app.get('/health', (c) => c.json({ ok: true, store: service.store.kind, api: API_VERSION }));

  app.post('/slack/actions', async (c) => {
    if (!options.slack)
      throw new ServiceError(
        404,
        'slack-off',
        "Slack buttons are not set up on this server: start it with INTERLOCK_SLACK_SIGNING_SECRET (the Slack app's signing secret)",
      );
    const outcome = await handleSlackClick(
      {
        service,
        slack: options.slack,
        now: options.now ?? Date.now,
        log: (line: string) => logger.info(line),
      },
      {
        timestamp: c.req.header('x-slack-request-timestamp'),
        signature: c.req.header('x-slack-signature'),
        body: await readRaw(c),
      },
    );
    return c.json(outcome);
  });

  /** The caller of a request that needs a token, or a 401 saying how to send one. */
  const authorize = async (c: Context<Env>): Promise<void> => {
    c.set('caller', await callerOf(service.store, c.req.header('authorization')));
  };
  app.use('/v1/*', async (c, next) => {
    await authorize(c);
    await next();
  });

  // Any valid token may scrape: the figures are counts and timings, never commands or names.
  app.get('/metrics', async (c) => {
    await authorize(c);
    const { text, contentType } = await metrics.scrape();
    return c.body(text, 200, { 'content-type': contentType });
  });

  app.get('/v1/whoami', (c) => {
    const { id, kind, name, groups, actsFor } = c.get('caller');
    return c.json({ id, kind, name, groups, ...(actsFor ? { actsFor } : {}) });
  });

  // Served from node:http by serve.ts (decision-route.ts); this route answers app.fetch and query strings.
  app.post('/v1/decisions', async (c) => c.json(await decide(c.get('caller'), (limit) => readRaw(c, limit))));

  app.post('/v1/executions', async (c) => {
    const body = await readJson(c, ExecutionBody);
    return c.json(await service.recordExecution(c.get('caller'), body));
  });

  app.get('/v1/requests', async (c) => {
    const parsed = ListQuery.safeParse(c.req.query());
    if (!parsed.success) throw new ServiceError(400, 'bad-query', describeZod(parsed.error, 'query'));
    const { state, limit } = parsed.data;
    const requests = await service.listRequests(c.get('caller'), {
      ...(state ? { states: state } : {}),
      ...(limit ? { limit } : {}),
    });
    return c.json({ requests });
  });

  app.get('/v1/requests/:id', async (c) => c.json(await service.getRequest(c.get('caller'), requestId(c))));

  app.post('/v1/requests/:id/approve', async (c) => {
    const id = requestId(c);
    const body = await readJson(c, ApproveBody, true);
    return c.json(await service.approve(c.get('caller'), id, body.comment));
  });

  app.post('/v1/requests/:id/deny', async (c) => {
    const id = requestId(c);
    const body = await readJson(c, DenyBody);
    return c.json(await service.deny(c.get('caller'), id, body.reason));
  });

  app.post('/v1/requests/:id/cancel', async (c) => {
    const id = requestId(c);
    const body = await readJson(c, CancelBody, true);
    return c.json(await service.cancel(c.get('caller'), id, body.reason));
  });

  for (const [path, frozen] of [
    ['/v1/freeze', true],
    ['/v1/unfreeze', false],
  ] as const) {
    app.post(path, async (c) => {
      const body = await readJson(c, FreezeBody, true);
      if (body.agent) IdentityName.parse(body.agent);
      const freeze = await service.setFrozen(c.get('caller'), frozen, {
        ...(body.agent ? { agent: body.agent } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
      });
      return c.json({ freeze });
    });
  }

  app.get('/v1/status', async (c) => c.json(await service.status()));

  app.post('/v1/checkpoints', async (c) => {
    const body = await readJson(c, CheckpointBody);
    return c.json(await witnessCheckpoint(service.store, c.get('caller'), body));
  });

  if (options.console)
    app.route('/', createConsole({ service, ...options.console, log: (line: string) => logger.info(line) }));

  app.get('/v1/checkpoints', async (c) => {
    const parsed = LogId.safeParse(c.req.query('log'));
    if (!parsed.success) throw new ServiceError(400, 'bad-query', describeZod(parsed.error, 'log'));
    return c.json(await latestCheckpoint(service.store, c.get('caller'), parsed.data));
  });

  return app;
}
