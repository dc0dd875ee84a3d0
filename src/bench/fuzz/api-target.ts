import fc from 'fast-check';
import { hostileJsonText } from './hostile-json.js';
import { problemOfError, timed } from './verdicts.js';

// The approval server's other JSON bodies under fuzzing, over HTTP against a real server: executions,
// votes, cancels, freezes and checkpoints, with fields of the right names and any values, made hostile.
// Every body gets a 4xx with a message or a 200 with JSON; never a 500, never a stack, in time.

const HEX64 = 'a'.repeat(64);
const text = fc.string({ maxLength: 40 });
const anything = fc.jsonValue({ maxDepth: 2 });
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, anything);

const execution = fc.record(
  {
    digest: mostly(fc.constantFrom(HEX64, 'nothex')),
    requestId: mostly(fc.constantFrom('req_abcdef', 'req_', 'x')),
    exitCode: mostly(fc.integer({ min: -2, max: 300 })),
    signal: mostly(text),
    durationMs: mostly(fc.integer()),
    result: mostly(fc.constantFrom('succeeded', 'failed', 'interrupted', 'unknown', 'exploded')),
  },
  { requiredKeys: [] },
);

const vote = fc.record({ comment: mostly(text), reason: mostly(text) }, { requiredKeys: [] });
const freeze = fc.record({ agent: mostly(fc.constantFrom('fuzz', 'claude', '', '../x')), reason: mostly(text) }, { requiredKeys: [] }); // prettier-ignore

const checkpoint = fc.record(
  {
    log: mostly(text),
    seq: mostly(fc.integer()),
    hash: mostly(fc.constantFrom(HEX64, 'zz')),
    at: mostly(fc.integer()),
    keyId: mostly(fc.constantFrom('ed25519:0123456789abcdef', 'rsa:1')),
    signature: mostly(fc.constantFrom('A'.repeat(88), '!!')),
  },
  { requiredKeys: [] },
);

const REQUEST_IDS = ['req_abcdef123', 'req_', '..%2f..%2fetc', '%00', 'x'.repeat(300), '__proto__'];

/** A path of the API that takes a JSON body, and a body for it (as text: hostile JSON included). */
export const apiCall: fc.Arbitrary<{ path: string; body: string }> = fc.oneof(
  hostileJsonText(execution).map((body) => ({ path: '/v1/executions', body })),
  fc
    .tuple(fc.constantFrom(...REQUEST_IDS), fc.constantFrom('approve', 'deny', 'cancel'), hostileJsonText(vote))
    .map(([id, verb, body]) => ({ path: `/v1/requests/${id}/${verb}`, body })),
  fc
    .tuple(fc.constantFrom('/v1/freeze', '/v1/unfreeze'), hostileJsonText(freeze))
    .map(([path, body]) => ({ path, body })),
  hostileJsonText(checkpoint).map((body) => ({ path: '/v1/checkpoints', body })),
  fc
    .tuple(fc.constantFrom('/v1/executions', '/v1/checkpoints', '/v1/decisions'), fc.string({ unit: 'binary', maxLength: 60 }))
    .map(([path, body]) => ({ path, body })),
); // prettier-ignore

/** One POST: a 4xx with a message, or a 200 with JSON (checked by `readable` when given). */
export async function postProblem(
  url: string,
  token: string,
  call: { path: string; body: string },
  deadlineMs: number,
  readable: (json: unknown) => boolean = () => true,
): Promise<string | undefined> {
  let status: number;
  let reply: string;
  try {
    const response = await timed(
      () =>
        fetch(`${url}${call.path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: call.body,
          signal: AbortSignal.timeout(deadlineMs),
        }),
      deadlineMs,
    );
    status = response.status;
    reply = await response.text();
  } catch (error) {
    return problemOfError(error);
  }
  if (/\n\s+at /.test(reply)) return `${status} with a stack: ${reply.slice(0, 300)}`;
  let json: unknown;
  try {
    json = JSON.parse(reply);
  } catch {
    return `${status} with a body that is not JSON: ${reply.slice(0, 200)}`;
  }
  if (status >= 400 && status < 500) {
    const message = (json as { error?: unknown }).error;
    return typeof message === 'string' && message.trim() ? undefined : `${status} without a message`;
  }
  if (status !== 200) return `HTTP ${status}: ${reply.slice(0, 300)}`;
  return readable(json) ? undefined : `a reply the client cannot read: ${reply.slice(0, 300)}`;
}
