import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
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

// The Akamai CLI: `akamai [--edgerc F] [--section S] <package> <command> …`, each package its own tool
// (purge, property, property-manager, dns, edgeworkers). A property deactivated on the production network
// takes the site off Akamai's edge; purging cached URLs is everyday work (they are fetched again).

/** `--network PROD|production|P` or `STAGING|S`; undefined when not given. */
function network(call: Call): 'production' | 'staging' | undefined {
  const n = call.options.options.get('--network')?.at(-1) ?? call.options.options.get('-n')?.at(-1);
  if (n === undefined) return undefined;
  return /^(p|prod|production)$/i.test(n) ? 'production' : 'staging';
}

function deactivate(call: Call): Verb {
  const on = network(call);
  if (on === 'staging') return changes('low', 'cdn', 'deactivates the property on the staging network', true);
  return changes(
    on === 'production' ? 'critical' : 'high',
    'cdn',
    `deactivates the property${on ? ' on the production network' : ' (the network is not named)'}: its hostnames are no longer served by the edge`,
    true,
  );
}

/** A purge of named URLs or a cache tag refetches those; of a CP code, everything under it at once. */
function purge(call: Call): Verb {
  if (call.options.options.has('--cpcode'))
    return changes(
      'medium',
      'cdn',
      'drops everything cached under the CP codes: the origin serves it all again',
      true,
    );
  return changes(
    'low',
    'cdn',
    'drops the named URLs or tags from the edge cache (they are fetched again)',
    true,
  );
}

const VERBS: Cli['verbs'] = {
  'purge delete': purge,
  'purge invalidate': purge,
  'property deactivate': deactivate,
  'property-manager deactivate': deactivate,
  'property delete': destroys('high', 'cdn', 'deletes the property configuration'),
  'dns rm-record': destroys('high', 'dns', 'deletes DNS records of the zone'),
  'edgeworkers deactivate': changes('medium', 'cdn', 'deactivates an EdgeWorker version', true),
  // A new version saved or uploaded serves nothing until it is activated.
  'property-manager save': changes('low', 'cdn', 'saves the local rule tree as a new property version', true),
  'edgeworkers upload': changes('low', 'cdn', 'uploads a new EdgeWorker version (not activated)', true),
  // This machine's copies of a property (imported, merged, pulled again) and its defaults; and looking.
  ...everyday(
    'property-manager import',
    'property-manager merge',
    'property-manager set-default',
    'property-manager update-local',
    'property retrieve',
    'property groups',
    'property products',
    'dns retrieve-zone',
    'dns retrieve-recordset',
  ),
};

const AKAMAI: Cli = {
  options: {
    withValue: [
      '--edgerc',
      '--section',
      '--accountkey',
      '--account-key',
      '--network',
      '-n',
      '--email',
      '-e',
      '-p',
      '--property',
      '--propver',
      '--version',
      '-z',
      '--zone',
      '--name',
      '--type',
    ],
  },
  verbs: VERBS,
  aliases: { pm: 'property-manager', ew: 'edgeworkers' },
  // The .edgerc section picks the account (a name that may say production), as the network says where.
  hints: (call) => [
    ...placeHints(call, 'flag --section', '--section'),
    ...nameHints(call, 'flag --property', '-p', '--property'),
    ...(network(call) === 'production' ? [{ source: 'flag --network', value: 'production' }] : []),
    ...(network(call) === 'staging' ? [{ source: 'flag --network', value: 'staging' }] : []),
    ...(call.options.options.has('--production')
      ? [{ source: 'flag --production', value: 'production' }]
      : []),
    ...(call.options.options.has('--staging') ? [{ source: 'flag --staging', value: 'staging' }] : []),
  ],
  target: (call) =>
    call.rest.find((w) => !w.dynamic)?.value ?? call.options.options.get('--property')?.at(-1),
};

export function akamai(inv: Invocation) {
  return listedSubcommandEffects(inv, AKAMAI);
}
