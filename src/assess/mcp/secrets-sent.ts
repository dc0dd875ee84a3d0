import { resolvedSecrets, secretContext } from '../../analyzers/exfiltration/secrets.js';
import { isObject } from '../../core/guards.js';
import type { ActionFacts } from '../../core/types.js';

// Credentials in what a tool call sends (a Slack message, a gist, an issue comment): the value of one of
// the agent's secret variables, or text shaped like a credential. Token shapes are matched, not parsed:
// they are formats with fixed prefixes, not a language.

const SHAPES: [string, RegExp][] = [
  ['a private key', /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/],
  ['an AWS secret access key', /aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{30,}/i],
  ['an AWS access key id', /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/],
  ['a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/],
  ['a GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}/],
  ['a Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
  ['a Stripe secret key', /\b[sr]k_live_[A-Za-z0-9]{20,}/],
];

/** `scheme://user:password@host`, looked for only around each `://` (a bounded window: no long backtracking). */
const PASSWORD_URL = /[a-z][a-z0-9+.-]{0,30}:\/\/[^\s/:@'"]{1,200}:[^\s/@'"]{3,200}@[^\s/'"]/i;
function hasPasswordUrl(text: string): boolean {
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3))
    if (PASSWORD_URL.test(text.slice(Math.max(0, at - 31), at + 410))) return true;
  return false;
}

/** What credentials the arguments carry, described; none for ordinary text. */
export function secretsIn(args: unknown, facts: ActionFacts): string[] {
  const values = resolvedSecrets(secretContext(facts));
  const found = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (depth > 8) return;
    if (typeof value === 'string') {
      for (const [what, shape] of SHAPES) if (shape.test(value)) found.add(what);
      if (hasPasswordUrl(value)) found.add('a URL with a password');
      for (const [name, secret] of values) if (value.includes(secret)) found.add(`the value of $${name}`);
    } else if (Array.isArray(value)) for (const v of value) walk(v, depth + 1);
    else if (isObject(value)) for (const v of Object.values(value)) walk(v, depth + 1);
  };
  walk(args, 0);
  return [...found];
}
