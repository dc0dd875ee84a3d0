import type { Url } from './url.js';
import { bodyJson, changes, destroy, member, parameters, type Body, type Known } from './known.js';

// Apache Solr: its admin APIs act on a GET (`/solr/admin/collections?action=DELETE&name=products`), and its
// update handler deletes by what the body says (`<delete><query>*:*</query></delete>`), so neither the
// method nor the path alone tells. Searches, pings and status calls only read.

function isSolr(url: Url, parts: string[]): boolean {
  return parts[0] === 'solr' || url.port === '8983' || /solr/.test(url.host ?? '');
}

/** A Solr query that matches every document: `*:*`, `*`, `id:*`, `id:[* TO *]` (local params aside). */
function matchesAll(query: string): boolean {
  const q = query
    .replace(/^\s*\{![^}]*\}/, '')
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  return /^(\*|(\*|[\w.]+):(\*|\[\s*\*\s+TO\s+\*\s*\]))$/i.test(q);
}

const TRUE = (v: string | null) => v === 'true' || v === 'on' || v === 'yes';

/** The Collections API (`/solr/admin/collections`), the cores API and the configset API. */
function admin(kind: string, params: URLSearchParams): Known | undefined {
  const action = (params.get('action') ?? '').toUpperCase();
  const name = params.get('name') ?? params.get('collection') ?? params.get('core') ?? '';
  if (kind === 'collections') {
    switch (action) {
      case 'DELETE':
        return destroy('critical', 'database', `deletes the Solr collection ${name} and its index`);
      case 'DELETESHARD':
        return destroy('high', 'database', `deletes the shard ${params.get('shard') ?? ''} of ${name}`);
      case 'DELETEREPLICA':
        return destroy('medium', 'database', `deletes replicas of ${name}`);
      case 'DELETENODE':
        return destroy('medium', 'database', `deletes every replica on the node ${params.get('node') ?? ''}`);
      case 'DELETEALIAS':
        return destroy('medium', 'database', `deletes the alias ${name} (queries through it stop working)`);
      case 'DELETEBACKUP':
        return destroy('critical', 'backup', `deletes the Solr backup ${name}`);
      case 'REINDEXCOLLECTION':
        return TRUE(params.get('removeSource'))
          ? destroy('critical', 'database', `reindexes ${name} and deletes the source collection`)
          : undefined;
    }
    return undefined;
  }
  if (kind === 'cores') {
    const core = params.get('core') ?? name;
    if (action === 'UNLOAD')
      return ['deleteIndex', 'deleteDataDir', 'deleteInstanceDir'].some((p) => TRUE(params.get(p)))
        ? destroy('critical', 'database', `unloads the Solr core ${core} and deletes its index`)
        : changes('medium', 'database', `unloads the Solr core ${core} (it stops serving)`, true);
    if (action === 'SWAP' || action === 'RENAME')
      return changes('medium', 'database', `${action.toLowerCase()}s the Solr core ${core}`, true);
    return undefined;
  }
  if (kind === 'configs' && action === 'DELETE')
    return destroy('high', 'database', `deletes the Solr configset ${name}`);
  return undefined;
}

/** What an XML update deletes: the text of each `<query>` and `<id>` inside `<delete>`. */
function xmlDeletes(xml: string): { queries: string[]; ids: string[] } {
  const queries: string[] = [];
  const ids: string[] = [];
  const open: string[] = [];
  let text = '';
  let i = 0;
  while (i < xml.length) {
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      text += xml.slice(i + 9, end < 0 ? xml.length : end);
      i = end < 0 ? xml.length : end + 3;
      continue;
    }
    if (xml[i] !== '<') {
      text += xml[i++];
      continue;
    }
    const end = xml.indexOf('>', i);
    if (end < 0) break;
    const tag = xml.slice(i + 1, end).trim();
    i = end + 1;
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const name = tag.replace(/^\//, '').split(/[\s/]/)[0]!.toLowerCase();
    if (tag.startsWith('/')) {
      if (open.at(-1) === name && open.at(-2) === 'delete')
        (name === 'query' ? queries : ids).push(decode(text));
      open.pop();
      // A self-closing tag (`<commit/>`, an empty `<delete/>`) holds nothing.
    } else if (!tag.endsWith('/')) open.push(name);
    text = '';
  }
  return { queries, ids };
}

function decode(text: string): string {
  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => entities[e]!).trim();
}

/** What a JSON update deletes: `{"delete":{"query":"…"}}`, `{"delete":"id"}`, `{"delete":["a","b"]}`. */
function jsonDeletes(json: unknown, text: string): { queries: string[]; ids: string[] } {
  const queries: string[] = [];
  const ids: string[] = [];
  const add = (d: unknown) => {
    const query = member(d, 'query');
    if (typeof query === 'string') queries.push(query);
    else if (d !== undefined) ids.push(JSON.stringify(member(d, 'id') ?? d));
  };
  const deletes = member(json, 'delete');
  if (Array.isArray(deletes)) deletes.forEach(add);
  else add(deletes);
  // Solr runs every command of a body that repeats "delete"; JSON.parse keeps the last one only.
  if ((text.match(/"delete"\s*:/g) ?? []).length > 1) queries.push('*:*');
  return { queries, ids };
}

/** The update handler (`/solr/<collection>/update[/json|/xml]`): what its body deletes. */
function update(collection: string, body: Body, params: URLSearchParams): Known | undefined {
  const text = params.get('stream.body') ?? body.text;
  const { queries, ids } = text.trim().startsWith('<')
    ? xmlDeletes(text)
    : jsonDeletes(bodyJson({ text, unseen: body.unseen }), text);
  if (queries.some(matchesAll))
    return destroy('critical', 'database', `deletes every document of the Solr collection ${collection}`);
  if (queries.length)
    return destroy(
      'high',
      'database',
      `deletes the documents of ${collection} that match ${queries.join(', ')}`,
    );
  if (ids.length) return destroy('high', 'database', `deletes ${ids.length} document(s) of ${collection}`);
  return undefined;
}

/** Solr's v2 API: `DELETE /api/collections/<name>` (or `/api/c/<name>`, `/____v2/c/<name>`). */
function v2(method: string, parts: string[]): Known | undefined {
  if (method !== 'DELETE') return undefined;
  const [, kind, name, sub, shard] = parts;
  if (kind === 'collections' || kind === 'c') {
    if (name && !sub)
      return destroy('critical', 'database', `deletes the Solr collection ${name} and its index`);
    if (name && sub === 'shards' && shard)
      return destroy('high', 'database', `deletes the shard ${shard} of ${name}`);
  }
  if (kind === 'cluster' && name === 'configs' && sub)
    return destroy('high', 'database', `deletes the Solr configset ${sub}`);
  return undefined;
}

/** Apache Solr: its admin APIs, its update handler and its v2 API. */
export function solr(method: string, url: Url, parts: string[], body: Body): Known | undefined {
  if (!isSolr(url, parts)) return undefined;
  const rest = parts[0] === 'solr' ? parts.slice(1) : parts;
  const params = parameters(url.query, body);
  if (rest[0] === 'admin' && rest[1]) return admin(rest[1], params);
  if (rest[0] === 'api' || rest[0] === '____v2') return v2(method, rest);
  if (rest[0] && rest[1] === 'update') return update(rest[0], body, params);
  return undefined;
}
