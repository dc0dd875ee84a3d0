import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  placeHints,
  reads,
  subcommandEffects,
  type Cli,
} from '../subcommands.js';

// Firebase: `topic:command` subcommands on the project of --project/-P (which says where a call lands,
// as gcloud's --project does) or the one `firebase use` selected. `emulators:exec` and `functions:shell`
// run code, and stay unlisted.

const VERBS: Cli['verbs'] = {
  'firestore:delete': (call) =>
    hasOption(call.options, '--all-collections')
      ? destroys('critical', 'database', 'deletes every collection and document in the database')
      : hasOption(call.options, '--recursive', '-r')
        ? destroys('critical', 'database', 'deletes the path and every document and subcollection under it')
        : destroys('high', 'database', 'deletes the document'),
  'firestore:databases:delete': destroys('critical', 'database', 'deletes the Firestore database'),
  'database:remove': destroys('critical', 'database', 'deletes the data at the path and everything under it'),
  'database:set': {
    operation: 'replace',
    risk: 'high',
    category: 'database',
    what: 'replaces the data at the path',
  },
  'database:update': changes('medium', 'database', 'changes the data at the path'),
  'hosting:disable': changes('high', 'app', 'takes the site offline', true),
  'hosting:sites:delete': destroys('critical', 'app', 'deletes the Hosting site'),
  'hosting:channel:delete': destroys('medium', 'app', 'deletes a preview channel'),
  'functions:delete': destroys('high', 'app', 'deletes the Cloud Functions'),
  'remoteconfig:rollback': changes(
    'medium',
    'config',
    'rolls Remote Config back to an earlier version',
    true,
  ),
  'auth:import': changes('medium', 'iam', 'imports users over existing accounts'),
  deploy: changes('low', 'app', 'deploys the project', true),
  'hosting:channel:deploy': changes('low', 'app', 'deploys to a preview channel', true),
  'hosting:channel:create': changes('low', 'app', 'creates a preview channel', true),
  'login:ci': reads('secrets', 'prints a token for CI'),
  'functions:config:get': reads('secrets', 'prints the functions config (API keys among it)'),
  'functions:secrets:access': reads('secrets', 'prints the value of a secret'),
  // On this machine (the emulators and `serve` run the project's own functions), or only the CLI's
  // state (`use` and `target:*` edit .firebaserc).
  ...everyday(
    'use',
    'init',
    'open',
    'serve',
    'emulators:start',
    'emulators:export',
    'target',
    'target:apply',
    'target:clear',
    'target:remove',
    'login:add',
    'login:use',
    'hosting:channel:open',
    'apps:sdkconfig',
  ),
};

const FIREBASE: Cli = {
  options: {
    withValue: [
      '--project',
      '-P',
      '--token',
      '--instance',
      '--database',
      '--only',
      '--except',
      '--region',
      '--config',
      '-c',
    ],
  },
  verbs: VERBS,
  hints: (call) => placeHints(call, 'flag --project', '--project', '-P'),
};

export function firebase(inv: Invocation) {
  return subcommandEffects(inv, FIREBASE);
}
