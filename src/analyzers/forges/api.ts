import type { Effect } from '../../core/types.js';
import { optionValue, optionValues, parseOptions } from '../../shell/options.js';
import { word, type Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { requestEffects, type Request } from '../http/request.js';

// `gh api` and `glab api` are HTTP clients for one forge: the method and the endpoint say what a call does,
// the way the http family reads curl (GraphQL mutations by their words too).

const API_OPTIONS = [
  '-X',
  '--method',
  '-f',
  '--raw-field',
  '-F',
  '--field',
  '-H',
  '--header',
  '--input',
  '--hostname',
  '-q',
  '--jq',
  '-t',
  '--template',
  '-p',
  '--preview',
  '--cache',
];

/** The default API base of each forge (`--hostname` or GH_HOST/GITLAB_HOST picks another). */
const API_BASE: Record<string, { host: string; path: string; hostVariable: string }> = {
  gh: { host: 'api.github.com', path: '', hostVariable: 'GH_HOST' },
  glab: { host: 'gitlab.com', path: 'api/v4/', hostVariable: 'GITLAB_HOST' },
};

/** The request a `gh api`/`glab api` call sends: GET unless fields or `--input` make it a POST. */
function request(inv: Invocation, args: readonly Word[]): Request | undefined {
  const parsed = parseOptions(args, { withValue: API_OPTIONS });
  const [endpoint] = parsed.positionals;
  if (!endpoint) return undefined;
  const base = API_BASE[inv.name]!;
  const host = optionValue(parsed, '--hostname') ?? inv.env(base.hostVariable) ?? base.host;
  const path = endpoint.value.replace(/^\//, '');
  const fields = optionValues(parsed, '-f', '--raw-field', '-F', '--field');
  const input = optionValue(parsed, '--input');
  const explicit = optionValue(parsed, '-X', '--method');
  const method = explicit ?? (fields.length || input !== undefined || path === 'graphql' ? 'POST' : 'GET');
  return {
    tool: inv.name,
    method: /^\$/.test(method) ? undefined : method.toUpperCase(),
    urls: [word(`https://${host.replace(/^https?:\/\//, '')}/${base.path}${path}`, endpoint.dynamic)],
    files: input && input !== '-' ? [input] : [],
    texts: fields.map((f) => word(f)),
    stdin: input === '-',
  };
}

/** The effects of `gh api …` / `glab api …` (args are the words after `api`). */
export function forgeApi(inv: Invocation, args: readonly Word[]): Effect[] {
  const req = request(inv, args);
  return req ? requestEffects(req, inv).map((e) => ({ ...e, category: e.category ?? 'repository' })) : [];
}
