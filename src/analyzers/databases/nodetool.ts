import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, placeHints, type Cli } from '../subcommands.js';

// Cassandra's nodetool talks to one node over JMX (-h HOST). `clearsnapshot --all` deletes the node's
// snapshots, its backups; `decommission`, `removenode`, `assassinate`, `drain` and `stopdaemon` take a node
// out of the ring or out of service. It was unrecognised: run locally against -h cassandra-prod-1 each was
// allowed. Looking, and `snapshot` (a backup made of hard links), stay routine.

const VERBS: Cli['verbs'] = {
  clearsnapshot: destroys('high', 'backup', "deletes snapshots of the node's tables: its backups"),
  decommission: changes('high', 'database', 'decommissions the node: it streams its data away and leaves the ring'),
  removenode: changes('high', 'database', 'removes a node from the ring: data only it held is lost'),
  assassinate: changes('high', 'database', 'forces a node out of the ring without streaming its data'),
  drain: changes('high', 'database', 'drains the node: it stops taking reads and writes until restarted', true),
  stopdaemon: changes('high', 'database', 'stops the Cassandra process of the node', true),
  truncatehints: destroys('medium', 'database', 'deletes the hints the node keeps: writes other nodes missed'),
  disablebinary: changes('medium', 'database', 'stops the node taking CQL clients', true),
  disablegossip: changes('medium', 'database', 'takes the node out of gossip: the cluster marks it down', true),
  resetlocalschema: changes('medium', 'database', 'drops the schema the node holds and fetches it again', true),
  move: changes('medium', 'database', "moves the node's token: data streams to new owners", true),
  // Routine maintenance: repairs, compactions, flushes, throughput and logging settings, services back on.
  ...Object.fromEntries(
    [
      'repair', 'cleanup', 'compact', 'garbagecollect', 'flush', 'scrub', 'upgradesstables', 'rebuild',
      'rebuild_index', 'refresh', 'import', 'enablebinary', 'enablegossip', 'enablehandoff', 'enablebackup',
      'enableautocompaction', 'disableautocompaction', 'disablehandoff', 'disablebackup', 'pausehandoff',
      'resumehandoff', 'setcompactionthroughput', 'setstreamthroughput', 'settimeout', 'setlogginglevel',
      'invalidatekeycache', 'invalidaterowcache', 'invalidatecountercache', 'reloadssl', 'reloadtriggers',
    ].map((verb) => [verb, changes('low', 'database', `runs ${verb} on the node`, true)]),
  ),
  ...everyday(
    'status', 'info', 'ring', 'describecluster', 'describering', 'tablestats', 'cfstats', 'tablehistograms',
    'cfhistograms', 'listsnapshots', 'compactionstats', 'compactionhistory', 'netstats', 'tpstats', 'version',
    'gossipinfo', 'proxyhistograms', 'statusbinary', 'statusgossip', 'statusbackup', 'statushandoff',
    'getendpoints', 'getsstables', 'gettimeout', 'getcompactionthroughput', 'getstreamthroughput',
    'getlogginglevels', 'getseeds', 'viewbuildstatus', 'toppartitions', 'help', 'snapshot',
  ),
}; // prettier-ignore

/** nodetool's connection options, each with a value; the read-only host tools' list reads them too. */
export const NODETOOL_CONNECTION = [
  '-h',
  '--host',
  '-p',
  '--port',
  '-u',
  '--username',
  '-pw',
  '--password',
  '-pwf',
  '--password-file',
];

const NODETOOL: Cli = {
  options: { withValue: [...NODETOOL_CONNECTION, '-t', '--tag', '-kt', '--kt-list'] },
  verbs: VERBS,
  hints: (call) => placeHints(call, 'flag --host', '-h', '--host'),
  target: (call) =>
    call.verb === 'clearsnapshot' && call.options.options.has('--all')
      ? 'every snapshot'
      : call.rest[0]?.value,
};

export function nodetool(inv: Invocation) {
  return listedSubcommandEffects(inv, NODETOOL);
}
