import { silentLogger, type Logger } from './logger.js';
import { ServerMetrics } from './metrics.js';
import type { Tracing } from './tracing.js';

// What the approval server reports about itself: logs, metrics and (when configured) traces.

export interface Telemetry {
  logger: Logger;
  metrics: ServerMetrics;
  /** Undefined while traces are off: the request path then never touches OpenTelemetry. */
  tracing?: Tracing;
}

/** The parts given, with a silent logger and a fresh metrics registry for the rest. */
export function telemetryOf(given: Partial<Telemetry> = {}): Telemetry {
  return {
    logger: given.logger ?? silentLogger(),
    metrics: given.metrics ?? new ServerMetrics(),
    ...(given.tracing ? { tracing: given.tracing } : {}),
  };
}
