import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { first, getopt, has, hostHint, uriHints, values } from './common.js';

// MongoDB's restore and import tools write into a server: `mongorestore --drop` drops each collection of the
// dump before restoring it (whatever the server held there is gone, replaced by the dump's, perhaps another
// environment's); `mongoimport --drop` drops the collection, `--mode=delete` deletes the documents it matches.
// Without them they only add documents. (mongodump only reads: an everyday tool.)

const WITH_VALUE = [
  '--uri',
  '--host',
  '-h',
  '--port',
  '-u',
  '--username',
  '-p',
  '--password',
  '--authenticationDatabase',
  '--authenticationMechanism',
  '-d',
  '--db',
  '-c',
  '--collection',
  '--nsInclude',
  '--nsExclude',
  '--nsFrom',
  '--nsTo',
  '--dir',
  '-j',
  '--numParallelCollections',
  '--numInsertionWorkersPerCollection',
  '--writeConcern',
  '--file',
  '--type',
  '--fields',
  '--fieldFile',
  '--mode',
  '--upsertFields',
  '--readPreference',
  '--config',
  '--sslCAFile',
  '--sslPEMKeyFile',
  '--tlsCAFile',
  '--tlsCertificateKeyFile',
];

/** Where the tool connects: --uri (or a URI given to --host) and --host, the first line of a replica set. */
function connectionHints(options: Map<string, Word[]>): EnvironmentHint[] {
  const uri = first(options, '--uri');
  const host = first(options, '--host', '-h');
  if (host && /^mongodb(\+srv)?:\/\//.test(host.value)) return uriHints(host.value, 'connection string');
  const hostHints = hostHint('--host', host && { ...host, value: host.value.replace(/^[^/]*\//, '') });
  return [...(uri && !uri.dynamic ? uriHints(uri.value, 'connection string') : []), ...hostHints];
}

/** What the call writes to: the collection or namespaces named, else every one of the dump. */
function namespaces(options: Map<string, Word[]>, fallback: string): string {
  const db = first(options, '-d', '--db')?.value;
  const collection = first(options, '-c', '--collection')?.value;
  if (db) return collection ? `${db}.${collection}` : `database ${db}`;
  const named = values(options, '--nsInclude', '--nsTo').map((w) => w.value);
  return named.length ? named.join(', ') : fallback;
}

export function mongoRestore(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(inv.args, WITH_VALUE);
  const tool = inv.name;
  const hints = connectionHints(options);
  const source =
    first(options, '--dir')?.value ?? positionals[0]?.value ?? first(options, '--archive')?.value;
  const from = source ? ` from ${source}` : '';
  const importing = tool === 'mongoimport';
  const target = namespaces(options, importing ? 'the collection' : 'every collection of the dump');
  const base = { tool, target, reversible: false, hints, category: 'database' };
  if (has(options, '--drop'))
    return [
      {
        ...base,
        operation: 'replace',
        risk: 'high',
        reason: `${tool} --drop drops ${target} before loading it${from}: the data there is lost`,
      },
    ];
  const mode = first(options, '--mode')?.value;
  if (importing && mode === 'delete')
    return [
      {
        ...base,
        operation: 'delete',
        risk: 'high',
        reason: `${tool} --mode=delete deletes from ${target} the documents that match those${from}`,
      },
    ];
  return [
    { ...base, operation: 'create', risk: 'low', reason: `${tool} loads documents${from} into ${target}` },
  ];
}
