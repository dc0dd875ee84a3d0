import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanAttributes, Tracing } from './tracing.js';

// Imported only by startTracing (dynamic import): nothing here loads while traces are off. The span in
// force travels in our own AsyncLocalStorage, so no global context manager or provider is registered and
// a second server in the same process keeps its own traces.

export function otlpTracing(url: string): Tracing {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'interlock-server' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  const tracer = provider.getTracer('interlock');
  const current = new AsyncLocalStorage<Context>();

  const open = (name: string, attributes?: SpanAttributes): [Span, Context] => {
    const parent = current.getStore() ?? ROOT_CONTEXT;
    const span = tracer.startSpan(name, attributes ? { attributes } : {}, parent);
    return [span, trace.setSpan(parent, span)];
  };
  const failed = (span: Span, error: unknown) => {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
  };

  return {
    async span(name, fn, attributes) {
      const [span, context] = open(name, attributes);
      try {
        return await current.run(context, fn);
      } catch (error) {
        failed(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
    spanSync(name, fn, attributes) {
      const [span, context] = open(name, attributes);
      try {
        return current.run(context, fn);
      } catch (error) {
        failed(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
    shutdown: () => provider.shutdown(),
  };
}
