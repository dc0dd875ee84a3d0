import type { EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  nameHints,
  placeHints,
  subcommandEffects,
  type Call,
  type Cli,
  envHint,
} from '../subcommands.js';
import { forgeApi } from './api.js';

// GitLab's glab: projects, releases, CI/CD variables, pipelines, keys. `glab repo archive` only downloads
// an archive, so it is not listed. `glab api` is read like an HTTP request (api.ts).

const VERBS: Cli['verbs'] = {
  'repo delete': destroys(
    'critical',
    'repository',
    'deletes the project with its issues, merge requests and wiki',
  ),
  'repo transfer': changes('high', 'repository', 'moves the project to another namespace', true),
  'release delete': destroys('high', 'release', 'deletes the release'),
  'variable delete': destroys('medium', 'config', 'deletes a CI/CD variable'),
  'variable set': changes('medium', 'config', 'sets a CI/CD variable (the old value is lost)'),
  'variable update': changes('medium', 'config', 'replaces a CI/CD variable'),
  'ci delete': destroys('medium', 'ci', 'deletes a pipeline and its jobs'),
  'schedule delete': destroys('medium', 'ci', 'deletes a pipeline schedule'),
  'deploy-key delete': destroys('medium', 'iam', 'deletes a deploy key (what used it loses access)'),
  'ssh-key delete': destroys('medium', 'iam', 'deletes an SSH key of the account'),
  'token revoke': changes('medium', 'iam', 'revokes an access token'),
  'mr merge': changes('low', 'repository', 'merges the merge request'),
};

const VALUE_OPTIONS = [
  '-R',
  '--repo',
  '-g',
  '--group',
  '-s',
  '--scope',
  '-t',
  '--title',
  '-m',
  '--message',
  '-d',
  '--description',
  '-F',
  '--output',
  '--hostname',
];

function hints(call: Call): EnvironmentHint[] {
  return [
    ...placeHints(call, 'flag --scope', '-s', '--scope').filter((h) => h.value !== '*'),
    ...envHint(call, 'GITLAB_HOST'),
    ...nameHints(call, 'project', '-R', '--repo'),
    ...nameHints(call, 'group', '-g', '--group'),
  ];
}

const GLAB: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { remove: 'delete', rm: 'delete', del: 'delete' },
  hints,
};

export function glab(inv: Invocation) {
  if (inv.args[0]?.value === 'api') return forgeApi(inv, inv.args.slice(1));
  return subcommandEffects(inv, GLAB);
}
