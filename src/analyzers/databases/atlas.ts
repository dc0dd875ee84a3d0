import { hasOption, optionValues } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { anyAddress } from '../cloud/common.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { uriHints } from './common.js';
import {
  changes,
  destroys,
  everyday,
  nameHints,
  placeHints,
  type Call,
  type Cli,
  type Verb,
} from '../subcommands.js';

// MongoDB Atlas's CLI: `atlas <resource>… <verb> [name] [--projectId ID]`. Its command names are accepted in
// lower case, dashed and singular (`accessLists`, `accesslist`, `access-list`), like any cobra alias it
// generates. An access list entry of 0.0.0.0/0 lets the whole internet try the clusters' passwords.
// Ariga's Atlas, the schema migration tool, is also `atlas`: its `schema` and `migrate` commands are not
// MongoDB's, and are read here too (the database is its --url, or the --env of its project file).

const CREATES = (what: string): Verb => ({ operation: 'create', risk: 'low', category: 'database', what });

/** Roles that administer every database of the project, or read and write all of them. */
const ADMIN_ROLE = /^atlasAdmin$/i;
const EVERY_DATABASE = /^(readWriteAnyDatabase|dbAdminAnyDatabase|userAdminAnyDatabase|clusterManager)$/i;

function accessListEntry(call: Call): Verb {
  const entry = call.rest[0]?.value ?? '';
  if (anyAddress(entry))
    return changes('high', 'network', `opens the project's clusters to the whole internet (${entry})`, true);
  return CREATES('adds an address to the access list');
}

function databaseUser(creates: boolean) {
  return (call: Call): Verb | undefined => {
    const roles = (call.options.options.get('--role') ?? []).flatMap((r) => r.split(','));
    const names = roles.map((r) => r.trim().replace(/@.*$/, ''));
    if (names.some((r) => ADMIN_ROLE.test(r)))
      return changes(
        'high',
        'iam',
        `gives a database user administration of every cluster (${roles.join(',')})`,
      );
    if (names.some((r) => EVERY_DATABASE.test(r)))
      return changes('medium', 'iam', `gives a database user every database (${roles.join(',')})`);
    if (creates) return CREATES('creates a database user');
    return roles.length ? changes('low', 'iam', "changes a database user's roles", true) : undefined;
  };
}

/** A restore into a cluster overwrites its data; a download only makes a file to fetch. */
function restoreStart(call: Call): Verb | undefined {
  if (call.rest[0]?.value === 'download') return undefined;
  return {
    operation: 'replace',
    risk: 'critical',
    category: 'database',
    what: "overwrites the target cluster's data with a snapshot",
  };
}

const VERBS: Cli['verbs'] = {
  'accessLists create': accessListEntry,
  'accessLists delete': changes(
    'medium',
    'network',
    'removes an entry: clients from there are cut off',
    true,
  ),
  'clusters delete': destroys('critical', 'database', 'deletes the cluster and its data'),
  'clusters pause': changes('medium', 'database', 'pauses the cluster (clients lose it)', true),
  'clusters create': CREATES('creates a cluster'),
  'clusters onlineArchives delete': destroys('high', 'database', 'deletes the online archive and its data'),
  'serverless delete': destroys('critical', 'database', 'deletes the serverless instance and its data'),
  'projects delete': destroys('critical', 'database', 'deletes the project'),
  'organizations delete': destroys('critical', 'database', 'deletes the organization'),
  'dataFederation delete': destroys('high', 'database', 'deletes the federated database instance'),
  'dbusers create': databaseUser(true),
  'dbusers update': databaseUser(false),
  'dbusers delete': destroys('high', 'iam', 'deletes the database user'),
  'backups snapshots delete': destroys('high', 'backup', 'deletes the snapshot'),
  'backups restores start': restoreStart,
  'backups schedule delete': destroys('high', 'backup', "deletes the cluster's backup schedule"),
  'backups snapshots create': CREATES('takes a snapshot of the cluster'),
  'clusters start': changes('low', 'database', 'resumes the paused cluster', true),
  'clusters indexes create': CREATES('builds an index on the cluster'),
  'alerts acknowledge': changes('low', 'monitoring', 'acknowledges the alert', true),
  'alerts unacknowledge': changes('low', 'monitoring', 'unacknowledges the alert', true),
  // The CLI's own profiles, a project's metrics, and Ariga's files of this machine (a migration directory's
  // next file and its checksum, a schema file formatted).
  ...everyday('config init', 'config set', 'metrics', 'migrate hash', 'migrate new', 'schema fmt'),
  // Ariga's Atlas: `schema apply` shows its plan and asks, and `migrate apply` runs reviewed files (everyday
  // work); with --auto-approve a plan nobody saw is applied. `schema clean` and `migrate down` undo.
  'schema apply': (call) =>
    hasOption(call.options, '--auto-approve') && !hasOption(call.options, '--dry-run')
      ? changes(
          'medium',
          'database',
          'applies the schema unreviewed: tables and columns it lacks are dropped',
        )
      : undefined,
  'schema clean': (call) =>
    hasOption(call.options, '--dry-run')
      ? undefined
      : destroys('critical', 'database', 'drops every table and object of the database at --url'),
  'migrate down': (call) =>
    hasOption(call.options, '--dry-run')
      ? undefined
      : destroys('high', 'database', 'reverts applied migrations (what they made is dropped, with its data)'),
};

/** Every spelling cobra accepts for a name: lower case, dashed, singular, and those of the singular. */
function spellings(use: string): string[] {
  const dashed = (w: string) => w.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const forms = (w: string) => [w, w.toLowerCase(), dashed(w)];
  const singular = use.endsWith('s') ? use.slice(0, -1) : use;
  return [...new Set([...forms(use), ...forms(singular)])].filter((w) => w !== use);
}

const NAMES = [
  'accessLists',
  'clusters',
  'onlineArchives',
  'projects',
  'organizations',
  'dataFederation',
  'dbusers',
  'alerts',
];
const ALIASES: Record<string, string> = {
  ...Object.fromEntries(NAMES.flatMap((n) => spellings(n).map((s) => [s, n]))),
  ...Object.fromEntries(['backups', 'snapshots', 'restores'].map((n) => [n.slice(0, -1), n])),
  whitelists: 'accessLists',
  whitelist: 'accessLists',
  orgs: 'organizations',
  org: 'organizations',
  rm: 'delete',
};

const VALUE_OPTIONS = [
  '--projectId',
  '--orgId',
  '-P',
  '--profile',
  '-o',
  '--output',
  '--clusterName',
  '--type',
  '--comment',
  '--deleteAfter',
  '--role',
  '--username',
  '-u',
  '--password',
  '-p',
  '--file',
  '-f',
  '--tier',
  '--provider',
  '--region',
  '--mdbVersion',
  '--diskSizeGB',
  '--snapshotId',
  '--targetClusterName',
  '--targetProjectId',
  '--url',
  '--env',
  '--dev-url',
  '--to',
  '--dir',
  '-c',
  '--config',
  '--until',
];

const ATLAS: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: ALIASES,
  // A profile is chosen by name (`-P prod`): it places the call; project ids and cluster names may say production.
  hints: (call) => [
    ...placeHints(call, 'flag --profile', '-P', '--profile'),
    ...nameHints(call, 'flag --clusterName', '--clusterName', '--targetClusterName'),
    ...placeHints(call, 'flag --env', '--env'),
    ...optionValues(call.options, '--url', '-u').flatMap((u) => uriHints(u, 'flag --url')),
  ],
};

export function atlas(inv: Invocation) {
  return listedSubcommandEffects(inv, ATLAS);
}
