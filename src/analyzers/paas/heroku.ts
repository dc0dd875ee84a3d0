import type { EnvironmentHint } from '../../core/types.js';
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
  harmless,
  reads,
} from '../subcommands.js';

// Heroku: `topic:command` subcommands on the app of --app/-a, --remote or HEROKU_APP (names only: weak).

/** `web=0`, `worker=0:standard-1x`: a process type scaled to nothing. */
const TO_ZERO = /=0(?![\d])/;

const scale = (call: Call): Verb =>
  call.rest.some((w) => TO_ZERO.test(w.value))
    ? changes('high', 'app', 'scales a process type to zero: it stops serving', true)
    : changes('low', 'app', 'scales dynos', true);

const destroyApp = destroys('critical', 'app', 'deletes the app with its add-ons, config and releases');
const unsetConfig = changes('medium', 'config', 'removes config vars (the app restarts without them)');
const destroyAddon = destroys('critical', 'addon', 'deletes the add-on and its data (a database, a cache)');
const rollback = changes('medium', 'app', 'rolls the app back to an earlier release', true);

const VERBS: Cli['verbs'] = {
  'apps:destroy': destroyApp,
  'apps:delete': destroyApp,
  destroy: destroyApp,
  'pg:reset': destroys('critical', 'database', 'deletes every table and all data in the database'),
  'pg:killall': changes('high', 'database', 'terminates every query and connection to the database', true),
  'pg:kill': changes('medium', 'database', 'terminates a query', true),
  'pg:backups:restore': {
    operation: 'replace',
    risk: 'critical',
    category: 'database',
    what: 'replaces the database with a backup',
  },
  'pg:copy': {
    operation: 'replace',
    risk: 'critical',
    category: 'database',
    what: 'overwrites the target database',
  },
  'pg:backups:delete': destroys('high', 'database', 'deletes a backup'),
  'pg:backups:capture': harmless,
  'pg:promote': changes('high', 'database', "makes another database the app's DATABASE_URL"),
  'addons:destroy': destroyAddon,
  'addons:remove': destroyAddon,
  'config:unset': unsetConfig,
  'config:remove': unsetConfig,
  'config:set': changes('low', 'config', 'sets config vars (the app restarts)', true),
  'ps:scale': scale,
  scale,
  'ps:stop': changes('medium', 'app', 'stops dynos', true),
  'ps:kill': changes('medium', 'app', 'stops dynos', true),
  'ps:restart': changes('low', 'app', 'restarts dynos', true),
  'releases:rollback': rollback,
  rollback,
  'maintenance:on': changes(
    'medium',
    'app',
    'puts the app in maintenance mode: it stops serving requests',
    true,
  ),
  'domains:remove': destroys('medium', 'dns', 'removes a domain from the app'),
  'domains:clear': destroys('high', 'dns', 'removes every domain from the app'),
  'access:remove': changes('medium', 'iam', "removes a collaborator's access"),
  'spaces:destroy': destroys('critical', 'app', 'deletes the private space'),
  config: reads('secrets', 'prints the config vars with their values'),
  'config:get': reads('secrets', 'prints the value of a config var'),
  'auth:token': reads('secrets', 'prints the API token'),
  'pg:credentials:url': reads('secrets', 'prints the connection URL with its password'),
  'apps:create': changes('low', 'app', 'creates an app', true),
  create: changes('low', 'app', 'creates an app', true),
  'addons:create': changes('low', 'addon', 'provisions an add-on', true),
  'domains:add': changes('low', 'dns', 'adds a domain to the app', true),
  'maintenance:off': changes('low', 'app', 'takes the app out of maintenance mode', true),
  'container:push': changes('low', 'app', 'builds and pushes an image (it runs once released)', true),
  'container:release': changes('low', 'app', 'releases the pushed image: the app runs it', true),
  // They show or open something, or write only here (`git:remote` adds a git remote, `local` runs the
  // Procfile on this machine). `local:run` runs any command and stays unlisted.
  ...everyday(
    'git:remote',
    'git:clone',
    'open',
    'apps:open',
    'addons:open',
    'addons:docs',
    'auth:whoami',
    'releases:output',
    'container:login',
    'local',
    'update',
  ),
};

const VALUE_OPTIONS = [
  '-a',
  '--app',
  '-r',
  '--remote',
  '--confirm',
  '-t',
  '--team',
  '-n',
  '--num',
  '-s',
  '--space',
  '-d',
  '--dyno',
  '-x',
  '--exit-code',
];

function hints(call: Call): EnvironmentHint[] {
  return [
    ...nameHints(call, 'heroku app', '-a', '--app', '--confirm'),
    ...nameHints(call, 'git remote', '-r', '--remote'),
    ...envHint(call, 'HEROKU_APP', true),
  ];
}

const HEROKU: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  hints,
  target: (call) =>
    call.options.options.get('--app')?.[0] ?? call.options.options.get('-a')?.[0] ?? call.rest[0]?.value,
};

export function heroku(inv: Invocation) {
  return subcommandEffects(inv, HEROKU);
}
