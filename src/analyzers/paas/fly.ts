import type { EnvironmentHint } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  nameHints,
  subcommandEffects,
  type Call,
  type Cli,
  type Verb,
  envHint,
  everyday,
  reads,
} from '../subcommands.js';

// Fly.io's fly/flyctl: apps, Machines, volumes, Postgres clusters and secrets of the app named by -a,
// FLY_APP or fly.toml (names only: weak hints).

const destroyApp = destroys('critical', 'app', 'deletes the app with its Machines, volumes and secrets');

const count = (call: Call): Verb =>
  call.rest.some((w) => /^(0|\w+=0)$/.test(w.value))
    ? changes('high', 'app', 'scales the app to zero Machines: it stops serving', true)
    : changes('low', 'app', 'changes how many Machines run', true);

const VERBS: Cli['verbs'] = {
  'apps destroy': destroyApp,
  destroy: destroyApp,
  'machines destroy': destroys('high', 'compute', 'deletes the Machine'),
  'machines stop': changes('medium', 'compute', 'stops the Machine', true),
  'machines kill': changes('medium', 'compute', 'kills the Machine', true),
  'machines suspend': changes('medium', 'compute', 'suspends the Machine', true),
  'volumes destroy': destroys('critical', 'volume', 'deletes the volume and its data'),
  'secrets unset': changes('medium', 'secrets', 'removes secrets (the app restarts without them)'),
  'secrets set': changes('medium', 'secrets', 'sets secrets (a value it replaces cannot be recovered)'),
  'scale count': count,
  'postgres failover': changes('medium', 'database', 'fails the cluster over to another node', true),
  'postgres detach': changes(
    'medium',
    'database',
    'detaches the cluster from an app (its database user is dropped)',
  ),
  'postgres restart': changes('low', 'database', 'restarts the cluster', true),
  'certs remove': destroys('medium', 'dns', 'removes a certificate'),
  'ips release': destroys('medium', 'network', 'releases an IP address (it may not come back)'),
  'apps restart': changes('low', 'app', 'restarts the app', true),
  deploy: changes('low', 'app', 'deploys the app', true),
  launch: (call) =>
    hasOption(call.options, '--no-deploy')
      ? undefined
      : changes('low', 'app', 'creates the app and deploys it', true),
  'apps create': changes('low', 'app', 'creates an app', true),
  'machines start': changes('low', 'compute', 'starts the Machine', true),
  'machines restart': changes('low', 'compute', 'restarts the Machine', true),
  'auth token': reads('secrets', 'prints the access token'),
  // They show something, open the dashboard, or write only here (`config save` writes fly.toml).
  ...everyday(
    'releases',
    'config show',
    'config save',
    'config env',
    'scale show',
    'image show',
    'dashboard',
    'open',
    'apps open',
    'docs',
    'platform regions',
    'platform vm-sizes',
    'platform status',
    'auth docker',
  ),
};

const VALUE_OPTIONS = [
  '-a',
  '--app',
  '-c',
  '--config',
  '-r',
  '--region',
  '--image',
  '-t',
  '--access-token',
  '--org',
  '-o',
  '--vm-size',
  '--signal',
  '-s',
  '--timeout',
];

function hints(call: Call): EnvironmentHint[] {
  return [
    ...nameHints(call, 'fly app', '-a', '--app'),
    ...nameHints(call, 'fly config', '-c', '--config'),
    ...envHint(call, 'FLY_APP', true),
  ];
}

const FLY: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: {
    machine: 'machines',
    m: 'machines',
    volume: 'volumes',
    vol: 'volumes',
    vols: 'volumes',
    pg: 'postgres',
    app: 'apps',
    secret: 'secrets',
    rm: 'destroy',
    remove: 'destroy',
    delete: 'destroy',
  },
  hints,
  target: (call) =>
    call.rest[0]?.value ?? call.options.options.get('-a')?.[0] ?? call.options.options.get('--app')?.[0],
};

export function fly(inv: Invocation) {
  return subcommandEffects(inv, FLY);
}
