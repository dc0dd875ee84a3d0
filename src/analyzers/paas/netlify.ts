import type { EnvironmentHint } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  nameHints,
  placeHints,
  subcommandEffects,
  type Call,
  type Cli,
} from '../subcommands.js';

// Netlify: `topic:command` subcommands on the linked site (or --site); `--context production` and
// `--prod` place a call.

const unsetEnv = changes('medium', 'config', 'removes an environment variable');

const VERBS: Cli['verbs'] = {
  'sites:delete': destroys('critical', 'app', 'deletes the site with its deploys and settings'),
  'env:unset': unsetEnv,
  'env:delete': unsetEnv,
  'env:remove': unsetEnv,
  'env:set': changes('low', 'config', 'sets an environment variable', true),
  'blobs:delete': destroys('medium', 'storage', 'deletes a blob'),
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
    withValue: ['--context', '--site', '--auth', '--filter', '--scope', '--alias', '--dir', '--functions'],
  },
  verbs: VERBS,
  hints,
};

export function netlify(inv: Invocation) {
  return subcommandEffects(inv, NETLIFY);
}
