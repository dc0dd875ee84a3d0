import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from './logger.js';
import { requestIdFor } from './request-id.js';

// One log line per request: its id, the route's pattern (never the raw URL), the approval request it names,
// who called (the token's id, never the token), the status and how long it took. Bodies, commands and
// headers are not logged. Liveness probes and scrapes go to debug, so they do not drown the log.

const APPROVAL_ID = /^\/v1\/requests\/(req_[0-9a-z]{6,40})(?:\/|$)/;
const QUIET_ROUTES = new Set(['/health', '/metrics']);

interface Caller {
  id: string;
  name: string;
}

export function requestLog(logger: Logger): MiddlewareHandler<{ Variables: { caller?: Caller } }> {
  return async (c, next) => {
    const started = performance.now();
    const reqId = requestIdFor(c.req.header('x-request-id'));
    // Set before the handler answers: added afterwards, Hono would have to copy the finished response.
    c.header('x-request-id', reqId);
    try {
      await next();
    } finally {
      const route = routePath(c, -1) || 'unmatched';
      logRequest(logger, {
        reqId,
        method: c.req.method,
        route,
        path: c.req.path,
        caller: c.get('caller'),
        status: c.res.status,
        started,
      });
    }
  };
}

/** The line of one answered request (Hono's routes above; the node:http route of decision-route.ts). */
export function logRequest(
  logger: Logger,
  r: {
    reqId: string;
    method: string;
    route: string;
    path: string;
    caller: Caller | undefined;
    status: number;
    /** performance.now() when the request came in. */
    started: number;
  },
): void {
  const level = QUIET_ROUTES.has(r.route) ? 'debug' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const approval = APPROVAL_ID.exec(r.path)?.[1];
  logger[level]({
    reqId: r.reqId,
    method: r.method,
    route: r.route,
    ...(approval ? { approval } : {}),
    ...(r.caller ? { caller: r.caller.id, who: r.caller.name } : {}),
    status: r.status,
    ms: Math.round((performance.now() - r.started) * 100) / 100,
  });
}
