import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { DecisionBody, type DecisionReply } from '../approvals/api.js';
import type { PipelineRuntime } from '../app/evaluate.js';
import type { Identity } from '../store/types.js';
import { assessOnServer } from './assessor.js';
import { recallAssessed, rememberAssessed } from './decision-memo.js';
import { errorReply } from './errors.js';
import { bodyText, callerOf, checkLength, MAX_DECISION_BYTES, parseJsonText } from './http-input.js';
import type { ApprovalService } from './service.js';
import type { Telemetry } from './telemetry/index.js';
import { requestIdFor } from './telemetry/request-id.js';
import { logRequest } from './telemetry/request-log.js';

// POST /v1/decisions, the one call agents make per action. Its work (the checks, assessment, the store) is
// `decisionHandler`, which Hono's route in app.ts uses too. The server answers it straight from node:http
// (`withDecisionRoute`): the same token check, body limits, zod validation, request id, log line, metrics
// and error bodies, without Hono's Request, Context and Response objects (~30 µs of CPU per request,
// issue 17). Every other request, and this path with a query string, goes to Hono.

const ROUTE = '/v1/decisions';

/** Reads the body once its declared length is checked against `limit`. */
type BodyOf = (limit: number) => Promise<Uint8Array>;
export type DecideOverHttp = (caller: Identity, body: BodyOf) => Promise<DecisionReply>;

/** Where a span goes while traces are off: straight to the work. */
const untraced = <T>(_name: string, fn: () => Promise<T>): Promise<T> => fn();

/** Check, assess and decide one call; its time and outcome go to the metrics. */
export function decisionHandler(options: {
  service: ApprovalService;
  runtime: PipelineRuntime;
  telemetry: Telemetry;
}): DecideOverHttp {
  const { service, runtime } = options;
  const { metrics, tracing } = options.telemetry;
  const span = tracing ? tracing.span.bind(tracing) : untraced;
  return async (caller, bodyOf) => {
    const started = performance.now();
    let kind = 'other';
    let outcome = 'error';
    try {
      const reply = await span('interlock.decision', async () => {
        service.assertCanDecide(caller);
        const text = bodyText(await bodyOf(MAX_DECISION_BYTES));
        let assessed = recallAssessed(runtime, caller, text);
        if (!assessed) {
          const body = parseJsonText(text, DecisionBody);
          kind = body.proposal.kind;
          const input = await span('interlock.assess', () => assessOnServer(caller, body, runtime), {
            kind,
          });
          rememberAssessed(runtime, caller, text, (assessed = { kind, input }));
        }
        kind = assessed.kind;
        const { input } = assessed;
        // The node:http route looked the token up without checking for revocations: confirmed in the transaction.
        return span('interlock.store.decide', () => service.decide(caller, input, { confirmCaller: true }));
      });
      outcome = reply.outcome;
      return reply;
    } finally {
      metrics.observeDecision(kind, outcome, (performance.now() - started) / 1000);
    }
  };
}

/** `POST /v1/decisions` answered here, everything else by `fallback` (Hono). */
export function withDecisionRoute(
  route: { service: ApprovalService; decide: DecideOverHttp; telemetry: Telemetry },
  fallback: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
): RequestListener {
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== ROUTE) return void fallback(req, res);
    // Errors are answered inside; one escaping (a failed write) must not end the process.
    answer(route, req, res).catch((error: unknown) => {
      route.telemetry.logger.error({ err: error, method: 'POST', route: ROUTE }, 'internal error');
      res.destroy();
    });
  };
}

async function answer(
  route: { service: ApprovalService; decide: DecideOverHttp; telemetry: Telemetry },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const { logger } = route.telemetry;
  const reqId = requestIdFor(joined(req.rawHeaders, 'x-request-id'));
  let caller: Identity | undefined;
  let status = 200;
  let reply: unknown;
  let close = false;
  try {
    // Confirmed in the decision's own transaction (ApprovalService.decide): no revocation is missed there.
    caller = await callerOf(route.service.store, joined(req.rawHeaders, 'authorization'), true);
    reply = await route.decide(caller, (limit) => {
      checkLength(req.headers['content-length'], req.headers['transfer-encoding'], limit);
      return bodyOf(req);
    });
  } catch (error) {
    ({ status, body: reply, close } = errorReply(error));
    if (status === 500) logger.error({ err: error, method: 'POST', route: ROUTE }, 'internal error');
  }
  const text = JSON.stringify(reply);
  const headers: OutgoingHttpHeaders = {
    'content-type': 'application/json',
    'x-request-id': reqId,
    'content-length': Buffer.byteLength(text),
  };
  // The rest of the body was not read (too large): the connection is not used again.
  if (close) headers.connection = 'close';
  res.writeHead(status, headers).end(text);
  logRequest(logger, { reqId, method: 'POST', route: ROUTE, path: ROUTE, caller, status, started });
}

/**
 * A header's value as Hono reads it: repeated lines joined by ", " (node keeps only the first Authorization,
 * so a request with two would otherwise pass where Hono refuses it).
 */
function joined(raw: string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length === name.length && key.toLowerCase() === name)
      value = value === undefined ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
  }
  return value;
}

/** The whole body (its length was checked: node's parser stops at the declared length). */
function bodyOf(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the request was cut off before its body ended'));
    });
  });
}
