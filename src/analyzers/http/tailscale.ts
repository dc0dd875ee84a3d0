import type { Url } from './url.js';
import { changes, member, serviceHost, READS, type Body, type Known } from './known.js';

// Tailscale's API: `POST /api/v2/tailnet/<tailnet>/acl` replaces the whole policy file, which decides who
// reaches what on the tailnet. One that lets every member reach every port of every device opens it up;
// any other is still a change of access for everyone, and one read from a file is not seen before it runs.

const VARIABLE = /\$\{?\w*(TAILSCALE|TS_)/i;
const EVERYONE = new Set(['*', 'autogroup:member']);
const EVERYTHING = new Set(['*', '*:*']);

/** A copy of a text in which `skip` may leave out what lies outside its strings (it returns the last index left out). */
function outsideStrings(text: string, skip: (i: number) => number | undefined): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
      continue;
    }
    const last = skip(i);
    if (last === undefined) out += text[i];
    else i = last;
  }
  return out;
}

/** The policy file's JSON, with HuJSON's comments and trailing commas taken out. */
function policy(text: string): unknown {
  const plain = outsideStrings(text, (i) => {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      return end < 0 ? text.length : end - 1;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      return end < 0 ? text.length : end + 1;
    }
    return undefined;
  });
  const strict = outsideStrings(plain, (i) =>
    plain[i] === ',' && /^\s*[}\]]/.test(plain.slice(i + 1)) ? i : undefined,
  );
  try {
    return JSON.parse(strict) as unknown;
  } catch {
    return undefined;
  }
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** An ACL or grant from everyone to every port of everything. */
function opensAll(rule: unknown): boolean {
  const src = list(member(rule, 'src'));
  const dst = list(member(rule, 'dst'));
  const ports = member(rule, 'ip');
  const allPorts = ports === undefined || list(ports).includes('*');
  return (
    src.some((s) => EVERYONE.has(s)) &&
    dst.some((d) => EVERYTHING.has(d)) &&
    (dst.includes('*:*') || allPorts)
  );
}

function acl(tailnet: string, body: Body): Known {
  const json = body.unseen ? undefined : policy(body.text);
  if (json === undefined) {
    const rules = body.unseen ? 'rules not seen before it runs' : 'rules that do not read as a policy file';
    return changes('medium', 'firewall', `replaces the access rules of the tailnet ${tailnet} with ${rules}`);
  }
  const rules = [member(json, 'acls'), member(json, 'grants')].flatMap((r) => (Array.isArray(r) ? r : []));
  if (rules.some(opensAll))
    return changes(
      'high',
      'firewall',
      `replaces the access rules of the tailnet ${tailnet}: everyone reaches everything`,
    );
  return changes('medium', 'firewall', `replaces the access rules of the tailnet ${tailnet}`);
}

/** Tailscale's API, at api.tailscale.com. */
export function tailscale(
  method: string,
  url: Url,
  parts: string[],
  body: Body,
): Known | typeof READS | undefined {
  if (!serviceHost(url, ['api.tailscale.com'], VARIABLE)) return undefined;
  const [api, version, kind, tailnet = '-', sub, action] = parts;
  if (api !== 'api' || version !== 'v2' || kind !== 'tailnet' || sub !== 'acl') return undefined;
  // Checking a policy (validate, preview) changes nothing.
  if (action === 'validate' || action === 'preview') return READS;
  if (method === 'POST' && !action) return acl(tailnet, body);
  return undefined;
}
