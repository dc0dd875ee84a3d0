// Loaded with `node --import`: records every @opentelemetry module the process resolves, in the file
// INTERLOCK_TEST_OTEL_LOADS names, so a test can tell whether the server loaded OpenTelemetry at all.
import { register } from 'node:module';

const hook = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes('@opentelemetry')) appendFileSync(process.env.INTERLOCK_TEST_OTEL_LOADS, resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
