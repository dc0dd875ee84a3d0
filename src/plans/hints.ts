import type { EnvironmentHint } from '../core/types.js';
import { isSensitive } from './protection.js';

/** Tag, label, variable and parameter names that say which environment something belongs to. */
export const ENVIRONMENT_KEY =
  /^(env|environment|environment[-_]?name|stage|tier|deployment[-_]?environment|app[-_]?env|target[-_]?env)$/i;

/** Plan variables whose value names the environment or the account/project it runs in. */
export const ENVIRONMENT_VARIABLE =
  /^(env|environment|environment[-_]?name|stage|tier|deployment[-_]?environment|target[-_]?env|workspace|aws[-_]?profile|profile|project|project[-_]?id|gcp[-_]?project|google[-_]?project|account[-_]?name|subscription[-_]?name|kube[-_]?context|cluster[-_]?name)$/i;

const MAX_HINT = 120;

/**
 * Plan hints that only name something: a module (code layout) and a CloudFormation stack's name. They are
 * weak: they may raise a change to production, never lower it. Variables, parameters, tags, labels,
 * provider profiles and projects, --env and the workspace are explicit.
 */
const NAME_ONLY = new Set(['module', 'stack']);

export function hint(source: string, value: unknown): EnvironmentHint | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const h: EnvironmentHint = {
    source,
    value: value.length > MAX_HINT ? `${value.slice(0, MAX_HINT)}…` : value,
  };
  if (NAME_ONLY.has(source)) h.weak = true;
  return h;
}

/** Environment tags of a tag map ({Environment: "prod"}), skipping any the plan marks sensitive. */
export function tagHints(
  tags: unknown,
  sensitive: unknown,
  attribute: string,
  label: string,
  out: EnvironmentHint[],
): void {
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) return;
  for (const key in tags) {
    if (!ENVIRONMENT_KEY.test(key)) continue;
    if (isSensitive(sensitive, [attribute, key])) continue;
    const h = hint(`${label} ${key}`, (tags as Record<string, unknown>)[key]);
    if (h && !out.some((o) => o.value === h.value)) out.push(h);
  }
}

export function pushHint(out: EnvironmentHint[], h: EnvironmentHint | undefined): void {
  if (h && !out.some((o) => o.source === h.source && o.value === h.value)) out.push(h);
}
