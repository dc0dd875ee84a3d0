import type { EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  nameHints,
  placeHints,
  reads,
  subcommandEffects,
  type Call,
  type Cli,
  envHint,
} from '../subcommands.js';
import { forgeApi } from './api.js';

// GitHub's gh: repositories, releases, Actions secrets and variables, workflows, keys. `gh api` is read
// like an HTTP request (api.ts).

const VERBS: Cli['verbs'] = {
  'repo delete': destroys(
    'critical',
    'repository',
    'deletes the repository with its issues, releases and wiki',
  ),
  'repo archive': changes('medium', 'repository', 'archives the repository: it becomes read-only', true),
  'repo rename': changes('medium', 'repository', 'renames the repository (clones and links break)', true),
  'repo edit': (call) =>
    hasOption(call.options, '--visibility')
      ? changes('high', 'repository', "changes the repository's visibility", true)
      : changes('low', 'repository', "changes the repository's settings", true),
  'repo deploy-key delete': destroys('medium', 'iam', 'deletes a deploy key (what used it loses access)'),
  'release delete': destroys('high', 'release', 'deletes the release and its assets'),
  'release delete-asset': destroys('medium', 'release', 'deletes a release asset'),
  'secret delete': destroys('high', 'secrets', 'deletes an Actions secret'),
  'secret set': changes('medium', 'secrets', 'sets a secret (a value it replaces cannot be recovered)'),
  'variable delete': destroys('medium', 'config', 'deletes an Actions variable'),
  'variable set': changes('medium', 'config', 'sets an Actions variable (the old value is lost)'),
  'workflow disable': changes('medium', 'ci', 'disables the workflow', true),
  'workflow run': changes('low', 'ci', 'starts a workflow run', true),
  'run delete': destroys('medium', 'ci', 'deletes a workflow run and its logs'),
  'pr merge': (call) =>
    hasOption(call.options, '--admin')
      ? changes('medium', 'repository', 'merges with admin rights, bypassing branch protection')
      : changes('low', 'repository', 'merges the pull request'),
  'issue delete': destroys('high', 'repository', 'deletes the issue and its comments'),
  'gist delete': destroys('medium', 'repository', 'deletes the gist'),
  'ssh-key delete': destroys('medium', 'iam', 'deletes an SSH key of the account'),
  'gpg-key delete': destroys('medium', 'iam', 'deletes a GPG key of the account'),
  'codespace delete': destroys('medium', 'workspace', 'deletes a codespace with any work not pushed'),
  'cache delete': destroys('low', 'ci', 'deletes Actions caches (they are rebuilt)'),
  'auth token': reads('secrets', 'prints the authentication token'),
};

const VALUE_OPTIONS = [
  '-R',
  '--repo',
  '-e',
  '--env',
  '-o',
  '--org',
  '-a',
  '--app',
  '-b',
  '--body',
  '-t',
  '--title',
  '--visibility',
  '--json',
  '-q',
  '--jq',
  '--template',
  '-L',
  '--limit',
  '-s',
  '--state',
  '-w',
  '--workflow',
  '--hostname',
];

function hints(call: Call): EnvironmentHint[] {
  return [
    ...placeHints(call, 'flag --env', '-e', '--env'),
    ...placeHints(call, 'flag --hostname', '--hostname'),
    ...envHint(call, 'GH_HOST'),
    ...nameHints(call, 'repository', '-R', '--repo'),
    ...nameHints(call, 'organisation', '-o', '--org'),
  ];
}

const GH: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { remove: 'delete', rm: 'delete' },
  hints,
  target: (call) =>
    call.verb.startsWith('repo ') && !call.verb.includes('key')
      ? (call.rest[0]?.value ?? optionValue(call.options, '-R', '--repo') ?? 'the current repository')
      : undefined,
};

export function gh(inv: Invocation) {
  if (inv.args[0]?.value === 'api') return forgeApi(inv, inv.args.slice(1));
  return subcommandEffects(inv, GH);
}
