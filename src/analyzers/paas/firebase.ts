import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { changes, destroys, placeHints, subcommandEffects, type Cli } from '../subcommands.js';

// Firebase: `topic:command` subcommands on the project of --project/-P (which says where a call lands,
// as gcloud's --project does) or the one `firebase use` selected.

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
