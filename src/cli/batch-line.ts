import { z } from 'zod';
import { InputError } from '../core/errors.js';

// One line of `check --batch` input: JSON, checked here, at the edge, before anything else sees it.

const BatchLineSchema = z.object({
  command: z.string({ error: '"command" must be a string' }),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  agent: z.string().optional(),
});

/** A line that parsed: plain data, so a worker thread can be handed it as it is. */
export type BatchLine = z.infer<typeof BatchLineSchema>;

/** The line, or what is wrong with it (its answer is then an error object). */
export function parseBatchLine(text: string): { line: BatchLine } | { error: string } {
  try {
    const parsed = BatchLineSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new InputError(
        parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
      );
    return { line: parsed.data };
  } catch (error) {
    const message =
      error instanceof SyntaxError
        ? `not valid JSON (${error.message})`
        : error instanceof Error
          ? error.message
          : String(error);
    return { error: message };
  }
}
