import type { PolicyRequest } from '../core/decide.js';

// What a verdict memo looks a request up by: the request, less the context fields no policy can read.
// Every effect's request names its target, so `rm` with fifty arguments makes fifty distinct requests;
// when no policy mentions `target`, the verdict cannot depend on it and the fifty share one Cedar call.
// The test is by words in the policy texts Cedar evaluates, which errs one way only: a field whose name
// appears anywhere (a condition, a message, a comment) counts as read, and a policy that uses `context`
// as a whole value counts as reading every field.

/** `context` not followed by `.field`, `["field"]` or `has`: the whole record is used. */
const WHOLE_CONTEXT = /\bcontext\b(?!\s*(?:\.|\[|has\b))/;
/** Fields the request uses outside the context too: the environment is also the request's resource. */
const ALWAYS_READ = new Set(['environment']);

const escaped = (field: string) => field.replace(/[^A-Za-z0-9_]/g, '\\$&');

/** A function from a request to its memo key, for a policy set made of these texts. */
export function requestKeyFor(policyTexts: readonly string[]): (request: PolicyRequest) => string {
  const text = policyTexts.join('\n');
  if (WHOLE_CONTEXT.test(text)) return (request) => JSON.stringify(request);
  const read = new Map<string, boolean>();
  const isRead = (field: string): boolean => {
    let known = read.get(field);
    if (known === undefined) {
      known = ALWAYS_READ.has(field) || new RegExp(`\\b${escaped(field)}\\b`).test(text);
      read.set(field, known);
    }
    return known;
  };
  return (request) => {
    const context: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(request.context)) if (isRead(field)) context[field] = value;
    return JSON.stringify({ ...request, context });
  };
}
