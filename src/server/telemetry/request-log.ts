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
      const level = QUIET_ROUTES.has(route) ? 'debug' : 'info';
      if (logger.isLevelEnabled(level)) {
        const caller = c.get('caller');
        const approval = APPROVAL_ID.exec(c.req.path)?.[1];
        logger[level]({
          reqId,
          method: c.req.method,
          route,
          ...(approval ? { approval } : {}),
          ...(caller ? { caller: caller.id, who: caller.name } : {}),
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 100) / 100,
        });
      }
    }
  };
}
