import type { EnvironmentHint } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  nameHints,
  placeHints,
  reads,
  subcommandEffects,
  type Call,
  type Cli,
} from '../subcommands.js';

// Netlify: `topic:command` subcommands on the linked site (or --site); `--context production` and
// `--prod` place a call. `netlify api` calls any method of the API (deleteSite among them): it stays
// unlisted. `dev --command` and `dev:exec` run a command with the site's variables: environment runners.

const unsetEnv = changes('medium', 'config', 'removes an environment variable');

const VERBS: Cli['verbs'] = {
  'sites:delete': destroys('critical', 'app', 'deletes the site with its deploys and settings'),
  'env:unset': unsetEnv,
  'env:delete': unsetEnv,
  'env:remove': unsetEnv,
  'env:set': changes('low', 'config', 'sets an environment variable', true),
  'blobs:delete': destroys('medium', 'storage', 'deletes a blob'),
  'env:get': reads('secrets', 'prints the value of an environment variable'),
  deploy: changes('low', 'app', 'deploys the site (a draft deploy unless --prod)', true),
  // On this machine (the build and the dev server run the project's own scripts), or only the CLI's state.
  ...everyday(
    'build',
    'dev',
    'serve',
    'link',
    'unlink',
    'init',
    'switch',
    'open',
    'open:admin',
    'open:site',
    'functions:create',
    'functions:build',
    'functions:serve',
    'logs:function',
    'logs:deploy',
  ),
};

function hints(call: Call): EnvironmentHint[] {
  return [
    ...(hasOption(call.options, '--prod') ? [{ source: 'flag --prod', value: 'production' }] : []),
    ...placeHints(call, 'flag --context', '--context'),
    ...nameHints(call, 'netlify site', '--site'),
  ];
}

const NETLIFY: Cli = {
  options: {
    withValue: [
      '--context',
      '--site',
      '--auth',
      '--filter',
      '--scope',
      '--alias',
      '--dir',
      '--functions',
      '--command',
      '-c',
      '--message',
      '-m',
    ],
  },
  verbs: VERBS,
  hints,
};

export function netlify(inv: Invocation) {
  return subcommandEffects(inv, NETLIFY);
}
