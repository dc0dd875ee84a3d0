import { createLogger, logLevelOf } from './logger.js';
import { ServerMetrics } from './metrics.js';
import { otelEndpointOf, startTracing } from './tracing.js';
import type { Telemetry } from './index.js';

export interface TelemetryOptions {
  logLevel?: string;
  otelEndpoint?: string;
  quiet?: boolean;
}

/**
 * `interlock serve`'s telemetry: JSON logs on stderr at the level asked for, metrics, and traces only when
 * an OTLP endpoint is configured. A bad level or endpoint is a usage problem, reported before listening.
 */
export async function serverTelemetry(
  options: TelemetryOptions,
  env: NodeJS.ProcessEnv,
): Promise<Telemetry | { problem: string }> {
  const level = logLevelOf(options.logLevel, env, options.quiet);
  if ('problem' in level) return level;
  const otel = otelEndpointOf(options.otelEndpoint, env);
  if ('problem' in otel) return otel;
  const telemetry: Telemetry = { logger: createLogger(level.level), metrics: new ServerMetrics() };
  if (otel.endpoint) telemetry.tracing = await startTracing(otel.endpoint);
  return telemetry;
}
