import { alerting } from './alerting.js';
import { bodyJson, destroy, member, READS, type Body, type Known } from './known.js';
import { newRelic } from './nerdgraph.js';
import { okta } from './okta.js';
import { solr } from './solr.js';
import { tailscale } from './tailscale.js';
import { segments, type Url } from './url.js';

const SEARCH_READS = new Set([
  '_search',
  '_msearch',
  '_count',
  '_mget',
  '_field_caps',
  '_validate',
  '_explain',
  '_analyze',
  '_termvectors',
  '_mtermvectors',
  '_search_shards',
  '_sql',
  '_eql',
  '_async_search',
  '_pit',
  '_render',
]);
const SEARCH_APIS = new Set([
  '_all',
  '_snapshot',
  '_cluster',
  '_cat',
  '_nodes',
  '_index_template',
  '_component_template',
  '_template',
  '_aliases',
  '_data_stream',
  '_ilm',
  '_security',
  '_ingest',
  '_reindex',
]);

function isSearchEngine(url: Url, parts: string[]): boolean {
  return (
    url.port === '9200' ||
    url.port === '9243' ||
    /elastic|opensearch|(^|[.-])es([.-]|\d|$)/.test(url.host ?? '') ||
    parts.some((p) => SEARCH_APIS.has(p) || SEARCH_READS.has(p) || /^_(delete|update)_by_query$/.test(p))
  );
}

/**
 * `POST /_reindex {"source":{"index":"orders-old"},"dest":{"index":"orders"}}`: every source document is
 * written into the destination, over any with the same id there. Whether the destination already holds
 * documents is not known here; with `"op_type":"create"` existing ones are left alone.
 */
function reindex(body: Body): Known {
  const json = bodyJson(body);
  const dest = member(json, 'dest');
  const index = member(dest, 'index');
  if (member(dest, 'op_type') === 'create')
    return {
      operation: 'create',
      risk: 'low',
      category: 'database',
      reversible: true,
      what: 'copies documents into an index, adding only those missing',
    };
  const name = typeof index === 'string' ? index : 'the destination index';
  return {
    operation: 'replace',
    risk: 'high',
    category: 'database',
    reversible: false,
    what: `writes the source documents into ${name}, over the documents of the same id there`,
  };
}

/** Elasticsearch and OpenSearch. */
function search(method: string, url: Url, parts: string[], body: Body): Known | typeof READS | undefined {
  const last = parts[parts.length - 1] ?? '';
  if (SEARCH_READS.has(last.split('?')[0]!)) return READS;
  if (!isSearchEngine(url, parts)) return undefined;
  const [first = '', second, third] = parts;
  if (method === 'DELETE') {
    if (parts.length === 1 && !first.startsWith('_')) {
      const every = first.includes('*') || first.includes(',');
      return destroy(
        'critical',
        'database',
        every ? `deletes every index matching ${first}` : `deletes the index ${first}`,
      );
    }
    if (first === '_all' || first === '*') return destroy('critical', 'database', 'deletes every index');
    if (first === '_data_stream' && second)
      return destroy('critical', 'database', `deletes the data stream ${second}`);
    if (first === '_snapshot' && second && third)
      return destroy('critical', 'backup', `deletes the snapshot ${third} of ${second}`);
    if (/^_(index_|component_)?template$/.test(first) && second)
      return destroy('high', 'database', `deletes the template ${second}`);
  }
  if (method === 'POST' || method === 'PUT') {
    // PUT /_snapshot/<repository>/<snapshot>: a backup taken (`_restore`, `_clone`, `_mount` come after it).
    if (first === '_snapshot' && second && third && parts.length === 3)
      return {
        operation: 'create',
        risk: 'low',
        category: 'backup',
        reversible: true,
        what: `takes the snapshot ${third} into ${second} (a backup)`,
      };
    if (first === '_reindex') return reindex(body);
    if (last === '_delete_by_query')
      return destroy('critical', 'database', `deletes the documents of ${first} that match the query`);
    if (first === '_snapshot' && last === '_restore')
      return {
        operation: 'replace',
        risk: 'critical',
        category: 'database',
        reversible: false,
        what: `restores the snapshot ${third ?? ''} over the live indices`,
      };
    if (last === '_close')
      return {
        operation: 'modify',
        risk: 'high',
        category: 'database',
        reversible: true,
        what: `closes ${first}`,
      };
    if (last === '_update_by_query')
      return {
        operation: 'modify',
        risk: 'high',
        category: 'database',
        reversible: false,
        what: `rewrites the documents of ${first} that match the query`,
      };
  }
  return undefined;
}

const KUBE_CORE = new Set([
  'namespaces',
  'nodes',
  'persistentvolumes',
  'persistentvolumeclaims',
  'pods',
  'services',
  'secrets',
  'configmaps',
  'serviceaccounts',
  'replicationcontrollers',
  'endpoints',
  'events',
  'resourcequotas',
  'limitranges',
]);
const KUBE_CATEGORY: Record<string, string> = {
  namespaces: 'namespace',
  nodes: 'node',
  persistentvolumes: 'volume',
  persistentvolumeclaims: 'volume',
  secrets: 'secret',
  configmaps: 'workload',
  services: 'service',
  pods: 'pod',
  customresourcedefinitions: 'custom-resource',
};

/** The Kubernetes API: /api/v1/… and /apis/<group>/<version>/…. */
function kubernetes(method: string, parts: string[]): Known | undefined {
  let rest: string[];
  if (parts[0] === 'api' && parts[1] === 'v1' && KUBE_CORE.has(parts[2] ?? '')) rest = parts.slice(2);
  else if (parts[0] === 'apis' && parts[1] && /^v\d/.test(parts[2] ?? '') && parts[3]) rest = parts.slice(3);
  else return undefined;
  if (method !== 'DELETE') return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource = '', name] = rest;
  const category = KUBE_CATEGORY[resource] ?? 'workload';
  const where = namespace ? ` in the namespace ${namespace}` : '';
  if (resource === 'namespaces' && name)
    return destroy('critical', 'namespace', `deletes the namespace ${name} and everything in it`);
  if (!name) return destroy('critical', category, `deletes every ${resource}${where}`);
  const critical = ['namespace', 'volume', 'custom-resource', 'node'].includes(category);
  return destroy(critical ? 'critical' : 'high', category, `deletes the ${resource} ${name}${where}`);
}

/** HashiCorp Vault (/v1/sys/…, kv metadata) and Consul (/v1/kv, service deregistration). */
function hashicorp(method: string, url: Url, parts: string[]): Known | undefined {
  if (parts[0] !== 'v1') return undefined;
  const [, a = '', b = '', c = ''] = parts;
  const path = parts.slice(3).join('/');
  if (a === 'sys') {
    if (method === 'DELETE' && b === 'mounts' && c)
      return destroy('critical', 'secrets', `disables the secrets engine ${path} and destroys its secrets`);
    if (method === 'DELETE' && (b === 'policy' || b === 'policies') && c)
      return destroy(
        'critical',
        'secrets',
        `deletes the Vault policy ${parts.slice(b === 'policy' ? 3 : 4).join('/')}`,
      );
    if (method === 'DELETE' && b === 'auth' && c)
      return destroy('critical', 'secrets', `disables the auth method ${path}`);
    if ((method === 'PUT' || method === 'POST') && b === 'seal')
      return {
        operation: 'modify',
        risk: 'critical',
        category: 'secrets',
        reversible: true,
        what: 'seals Vault',
      };
    if ((method === 'PUT' || method === 'POST') && b === 'leases' && /^revoke-(prefix|force)$/.test(c))
      return destroy('critical', 'secrets', `revokes every lease under ${parts.slice(4).join('/')}`);
    return undefined;
  }
  if (a === 'kv' && method === 'DELETE') {
    const key = parts.slice(2).join('/');
    return /(^|&)recurse(=|&|$)/.test(url.query)
      ? destroy('critical', 'config', `deletes every key under ${key || '/'}`)
      : destroy('high', 'config', `deletes the key ${key}`);
  }
  if (a === 'agent' && b === 'service' && c === 'deregister' && method === 'PUT')
    return destroy('high', 'service', `deregisters the service ${parts[4] ?? ''}`);
  if (a === 'catalog' && b === 'deregister' && method === 'PUT')
    return destroy('high', 'service', 'deregisters a node or service from the catalog');
  if (method === 'DELETE' && b === 'metadata' && c)
    return destroy('critical', 'secrets', `destroys every version of the secret ${path}`);
  if ((method === 'PUT' || method === 'POST') && b === 'destroy' && c)
    return destroy('critical', 'secrets', `destroys versions of the secret ${path}`);
  return undefined;
}

/** Grafana's HTTP API. */
function grafana(method: string, parts: string[]): Known | undefined {
  if (method !== 'DELETE' || parts[0] !== 'api') return undefined;
  const [, a, b, c] = parts;
  if (a === 'dashboards' && (b === 'uid' || b === 'db') && c)
    return destroy('critical', 'dashboard', `deletes the dashboard ${c}`);
  if (a === 'folders' && b)
    return destroy('critical', 'dashboard', `deletes the folder ${b} and its dashboards`);
  if (a === 'datasources' && b)
    return destroy('critical', 'datasource', `deletes the data source ${parts.slice(2).join('/')}`);
  if (a === 'orgs' && b) return destroy('critical', 'iam', `deletes the organisation ${b}`);
  if (a === 'admin' && b === 'users' && c) return destroy('high', 'iam', `deletes the user ${c}`);
  return undefined;
}

/**
 * Known APIs, recognised by the path (hosts are named anything) or, for hosted services, by their hosts:
 * what the request does there. Asked of reads too, since some APIs act on a GET (Solr's admin API).
 */
export function knownEndpoint(method: string, url: Url, body: Body): Known | typeof READS | undefined {
  const parts = segments(url);
  return (
    search(method, url, parts, body) ??
    solr(method, url, parts, body) ??
    okta(method, url, parts, body) ??
    alerting(method, url, parts, body) ??
    tailscale(method, url, parts, body) ??
    newRelic(url, parts, body) ??
    kubernetes(method, parts) ??
    hashicorp(method, url, parts) ??
    grafana(method, parts)
  );
}
