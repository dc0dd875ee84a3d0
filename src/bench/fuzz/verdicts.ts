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
