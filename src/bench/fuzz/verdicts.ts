import { InputError } from '../../core/errors.js';
import { ServiceError } from '../../server/errors.js';

// What every fuzz target counts as a failure: an exception that is not a refusal with a message, and a call
// that takes longer than its deadline (a hang).

/** A call that took longer than its deadline. */
class HangError extends Error {}

/**
 * Run `call` and fail when it takes longer than `deadlineMs`. An asynchronous wait is cut at the deadline;
 * synchronous work cannot be interrupted in process, so it is judged by its time once it returns (a real
 * infinite loop is caught by the benchmark's watchdog, see watchdog.ts).
 */
export async function timed<T>(call: () => Promise<T> | T, deadlineMs: number): Promise<T> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HangError(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    const value = await Promise.race([Promise.resolve().then(call), deadline]);
    const took = performance.now() - start;
    if (took > deadlineMs)
      throw new HangError(`answered after ${Math.round(took)} ms (deadline ${deadlineMs} ms)`);
    return value;
  } finally {
    clearTimeout(timer);
  }
}

/** A refusal the caller can act on: bad input, or a service's refusal, with a message. */
export function isRefusal(error: unknown): boolean {
  return (error instanceof InputError || error instanceof ServiceError) && error.message.trim() !== '';
}

/** A failure description for an unexpected exception (its type, message and where it was thrown). */
export function problemOfError(error: unknown): string {
  if (error instanceof HangError) return `hang: ${error.message}`;
  if (!(error instanceof Error)) return `crash: threw a non-error ${String(error)}`;
  const where = error.stack?.split('\n').find((line) => line.includes(' at ')) ?? '';
  return `crash: ${error.constructor.name}: ${error.message.slice(0, 300)} ${where.trim()}`;
}

/**
 * Deep equality of two JSON-like values without recursion: answers built from hostile input nest 10,000
 * levels deep, where JSON.stringify (or any recursive comparison) overflows the stack (issue 17).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const xKeys = Object.keys(x);
    const yKeys = Object.keys(y);
    if (xKeys.length !== yKeys.length) return false;
    for (const key of xKeys) {
      if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
      pending.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
