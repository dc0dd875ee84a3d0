import { z } from 'zod';

// Traces are off unless an OTLP endpoint is configured. Off means the OpenTelemetry packages are never
// imported and the request path holds no tracer at all (it checks for `undefined`), so it costs nothing.

export type SpanAttributes = Record<string, string | number | boolean>;

export interface Tracing {
  /** Run `fn` in a span (a child of the span in force, if any); an error marks the span and is rethrown. */
  span<T>(name: string, fn: () => Promise<T>, attributes?: SpanAttributes): Promise<T>;
  /** The same for synchronous work (policy evaluation). */
  spanSync<T>(name: string, fn: () => T, attributes?: SpanAttributes): T;
  /** Send what is buffered and stop. */
  shutdown(): Promise<void>;
}

const Endpoint = z
  .url({ protocol: /^https?$/, error: 'an OTLP endpoint is an http(s) URL such as http://127.0.0.1:4318' })
  .transform((u) => u.replace(/\/+$/, ''));

/**
 * The OTLP/HTTP base URL from `--otel-endpoint`, else OTEL_EXPORTER_OTLP_ENDPOINT; undefined when neither
 * is set (traces off); or what was wrong with the one given.
 */
export function otelEndpointOf(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
): { endpoint?: string } | { problem: string } {
  const given = option ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined);
  if (given === undefined) return {};
  const parsed = Endpoint.safeParse(given);
  if (parsed.success) return { endpoint: parsed.data };
  const from = option !== undefined ? '--otel-endpoint' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  return { problem: `${from} ${JSON.stringify(given)}: ${parsed.error.issues[0]?.message ?? 'not a URL'}` };
}

/** Load the OpenTelemetry SDK (only now) and export spans to `${endpoint}/v1/traces` as OTLP/HTTP. */
export async function startTracing(endpoint: string): Promise<Tracing> {
  const { otlpTracing } = await import('./otel.js');
  return otlpTracing(`${endpoint}/v1/traces`);
}
