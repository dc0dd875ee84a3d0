import type { Context } from 'hono';
import { z } from 'zod';
import { IdentityName } from '../../approvals/api.js';

// What the console's forms may carry, read with zod like every other input. A form that breaks them is
// refused with what was wrong.

const MAX_FORM_BYTES = 64 * 1024;
const Csrf = z.string().max(200).optional();
const Comment = z.string().max(2000, 'at most 2000 characters');

export const SignInForm = z.object({ csrf: Csrf, token: z.string().max(200).default('') });
export const ApproveForm = z.object({ csrf: Csrf, comment: Comment.optional() });
export const DenyForm = z.object({
  csrf: Csrf,
  reason: Comment.trim().min(1, 'say why you deny it (the agent and the requester read it)'),
});
export const FreezeForm = z.object({
  csrf: Csrf,
  frozen: z.enum(['true', 'false']),
  agent: z.union([z.literal(''), IdentityName]).optional(),
  reason: Comment.optional(),
});
/** Any signed-in form, before its own schema: string fields only, the CSRF token among them. */
export const AnyForm = z.record(z.string(), z.string()).and(z.object({ csrf: Csrf }));

export type FormResult<T> =
  { ok: true; data: T; csrf?: string } | { ok: false; error: string; csrf?: string };

/** The urlencoded form, checked against `schema`; the CSRF field is returned either way. */
export async function readForm<S extends z.ZodType<{ csrf?: string | undefined }>>(
  c: Context,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  if (Number(c.req.header('content-length') ?? 0) > MAX_FORM_BYTES)
    return { ok: false, error: 'the form is too large' };
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded'))
    return { ok: false, error: 'send the form as application/x-www-form-urlencoded' };
  const fields = Object.fromEntries(new URLSearchParams(await c.req.text()));
  const csrf = typeof fields.csrf === 'string' ? fields.csrf : undefined;
  const parsed = schema.safeParse(fields);
  if (!parsed.success)
    return {
      ok: false,
      csrf,
      error: parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; '),
    };
  return { ok: true, data: parsed.data, csrf };
}
