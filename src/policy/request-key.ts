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

/**
 * A function from a request to its memo key, for a policy set made of these texts. The key is the JSON of
 * `{ principal, operation, context }` with only the fields read, written out piece by piece: an action
 * with fifty effects asks for fifty keys, and building a filtered copy of each request to stringify it
 * cost twice as much (issue 17).
 */
export function requestKeyFor(policyTexts: readonly string[]): (request: PolicyRequest) => string {
  const text = policyTexts.join('\n');
  if (WHOLE_CONTEXT.test(text)) return (request) => JSON.stringify(request);
  /** Per field: `"field":` when a policy may read it, null when none can. */
  const prefixes = new Map<string, string | null>();
  const prefix = (field: string): string | null => {
    let known = prefixes.get(field);
    if (known === undefined) {
      const read = ALWAYS_READ.has(field) || new RegExp(`\\b${escaped(field)}\\b`).test(text);
      known = read ? `${JSON.stringify(field)}:` : null;
      prefixes.set(field, known);
    }
    return known;
  };
  return ({ principal, operation, context }) => {
    let fields = '';
    const values = context as unknown as Record<string, unknown>;
    for (const field of Object.keys(values)) {
      const name = prefix(field);
      // As JSON.stringify does: a field whose value has no JSON (undefined) is left out.
      const value = name === null ? undefined : JSON.stringify(values[field]);
      if (value !== undefined) fields += `${fields ? ',' : ''}${name}${value}`;
    }
    return `{"principal":${JSON.stringify(principal)},"operation":${JSON.stringify(operation)},"context":{${fields}}}`;
  };
}
