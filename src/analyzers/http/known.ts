import type { EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Url } from './url.js';

/** What a request to a known API does, beyond what its method says. */
export interface Known {
  operation: Operation;
  risk: Risk;
  category: string;
  reversible: boolean;
  what: string;
  /** Where the body says it lands (a downtime's `env:production` scope), beside the URL's host. */
  hints?: EnvironmentHint[];
}

/** A request that only reads, although its method is POST (a search, a GraphQL query). */
export const READS = 'reads';

/** What a request sends, as far as its command line shows. */
export interface Body {
  /** The text parts as written, joined with `&` as curl joins its `-d`s ('' when there are none). */
  text: string;
  /** Some of it is not seen before it runs: a file, stdin, or a variable. */
  unseen: boolean;
}

export const destroy = (risk: Risk, category: string, what: string): Known => ({
  operation: 'delete',
  risk,
  category,
  reversible: false,
  what,
});

export const changes = (risk: Risk, category: string, what: string, reversible = false): Known => ({
  operation: 'modify',
  risk,
  category,
  reversible,
  what,
});

/** The body as JSON, when it is JSON and all of it is seen. */
export function bodyJson(body: Body): unknown {
  if (body.unseen || !/^\s*[[{]/.test(body.text)) return undefined;
  try {
    return JSON.parse(body.text) as unknown;
  } catch {
    return undefined;
  }
}

/** A JSON object's member, when it is an object. */
export function member(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The request's parameters: its query string and a form body (`-d action=DELETE -d name=x`, or `-G`). */
export function parameters(query: string, body: Body): URLSearchParams {
  const params = new URLSearchParams(query);
  if (body.text && !/^\s*[[{<]/.test(body.text))
    for (const [k, v] of new URLSearchParams(body.text)) params.append(k, v);
  return params;
}

/** The host is one of a service's domains (`api.datadoghq.com`, `acme.okta.com`). */
export function hostIn(host: string | undefined, domains: readonly string[]): boolean {
  return host !== undefined && domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * The service is named by its host, or by the variable that stands for it when the host is not known before
 * it runs (`$OKTA_ORG_URL/api/v1/…`, `https://$OKTA_DOMAIN/api/v1/…`).
 */
export function serviceHost(url: Url, domains: readonly string[], variable: RegExp): boolean {
  if (url.host !== undefined) return hostIn(url.host, domains);
  const at = url.text.indexOf(url.path);
  return variable.test(at > 0 ? url.text.slice(0, at) : url.text);
}
