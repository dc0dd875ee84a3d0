import { z } from 'zod';
import type { LogFilter } from '../../audit/query.js';
import { parseTime } from '../../audit/time.js';
import { InputError } from '../../core/errors.js';

// The audit timeline's and the incident report's GET forms, read with zod: what a reviewer typed in the
// query string is input like any other. Times are what `interlock audit` accepts (ISO, "2h", "now") or the
// browser's datetime-local value (read as UTC, which the page says).

export const ENVIRONMENTS = ['production', 'non-production', 'unknown'] as const;
export const OUTCOMES = ['allow', 'ask', 'require-approval', 'deny', 'pending'] as const;
/** Timeline rows per page. */
export const PAGE_SIZE = 100;

const Field = (max: number) => z.string().trim().max(max, `at most ${max} characters`).optional();
const Choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values)]).optional();

export const TimelineQuery = z.object({
  agent: Field(200),
  environment: Choice(ENVIRONMENTS),
  outcome: Choice(OUTCOMES),
  since: Field(64),
  until: Field(64),
  /** Paging: the first seq of this page. */
  from: z
    .string()
    .regex(/^\d{1,15}$/, 'a page starts at an entry number')
    .optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const IncidentQuery = z.object({
  since: Field(64),
  until: Field(64),
  environment: Choice(ENVIRONMENTS),
  format: z.enum(['md', 'html']).optional(),
});
export type IncidentQuery = z.infer<typeof IncidentQuery>;

/** A time field: empty is none; a datetime-local value without a zone is UTC. */
export function timeOf(text: string | undefined, now: number, label: string): number | undefined {
  if (!text) return undefined;
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text) ? `${text}Z` : text;
  return parseTime(local, now, label);
}

/** The log filter a timeline query asks for; a bad time or an inverted range is an InputError. */
export function filterOf(query: TimelineQuery, now: number): LogFilter {
  const since = timeOf(query.since, now, 'from');
  const until = timeOf(query.until, now, 'until');
  if (since !== undefined && until !== undefined && since > until)
    throw new InputError('the start of the range is after its end: swap "from" and "until"');
  return {
    ...(query.agent ? { agent: query.agent } : {}),
    ...(query.environment ? { environment: query.environment } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(query.from ? { fromSeq: Number(query.from) } : {}),
  };
}

/** The first zod issue, said for people. */
export function issueText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
}
