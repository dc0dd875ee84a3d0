import type { z } from 'zod';
import { InputError } from '../core/errors.js';

/** A JSON path for people: resource_changes[12].change.actions */
function jsonPath(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text ? `.${String(step)}` : String(step);
  }
  return text || '(top level)';
}

/** A zod failure as one clear sentence naming the field, or several joined. */
export function issuesMessage(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${jsonPath(prefix, issue.path)}: ${issue.message}`)
    .join('; ');
}

export function invalid(what: string, error: z.ZodError, prefix = ''): InputError {
  return new InputError(`${what}: ${issuesMessage(error, prefix)}`);
}
