import type { EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { saysItDestroys } from '../destroying-words.js';
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
  envHint,
} from '../subcommands.js';
import { forgeApi } from './api.js';
import { downloadEffects } from './downloads.js';

// GitLab's glab: projects, releases, CI/CD variables, pipelines, keys. `glab api` is read like an HTTP
// request (api.ts). Everyday work is listed too, so that it is known on a production host: what stays on
// this machine (`glab repo archive` only downloads an archive) changes nothing, and merge requests, issues,
// releases and pipeline runs are routine changes that can be undone.

/** A routine change to the project's merge requests, issues or releases, undone as easily as made. */
const routine = (what: string) => changes('low', 'repository', what, true);

/** `mr note`/`issue note` add a comment; newer glab gives `mr note` subcommands, one of them deletes. */
const note = (call: Call) =>
  saysItDestroys(call.rest[0]?.value ?? '')
    ? destroys('medium', 'repository', 'deletes a comment')
    : routine('adds a comment');

const VERBS: Cli['verbs'] = {
  // Only this machine: a checkout, a clone, downloads, logs, the CLI's own settings.
  ...everyday(
    'mr checkout',
    'repo clone',
    'repo archive',
    'config set',
    'alias set',
    'check-update',
    'changelog generate',
    'ci trace',
    'ci artifact',
    'job artifact',
    'release download',
  ),
  'mr create': routine('opens a merge request'),
  'mr note': note,
  'mr update': routine('edits the merge request'),
  'mr close': routine('closes the merge request'),
  'mr reopen': routine('reopens the merge request'),
  'mr approve': routine('approves the merge request'),
  'mr rebase': routine("rebases the merge request's branch on its target"),
  'mr subscribe': routine('subscribes to the merge request'),
  'mr unsubscribe': routine('unsubscribes from the merge request'),
  'mr todo': routine('adds a to-do item'),
  'issue create': routine('opens an issue'),
  'issue note': note,
  'issue update': routine('edits the issue'),
  'issue close': routine('closes the issue'),
  'issue reopen': routine('reopens the issue'),
  'issue subscribe': routine('subscribes to the issue'),
  'issue unsubscribe': routine('unsubscribes from the issue'),
  'label create': routine('creates a label'),
  'release create': routine('creates a release'),
  'release upload': routine('uploads assets to the release'),
  'repo create': changes('low', 'repository', 'creates a project', true),
  'repo fork': changes('low', 'repository', 'forks the project', true),
  'snippet create': changes('low', 'repository', 'creates a snippet', true),
  'ci run': changes('low', 'ci', 'starts a pipeline', true),
  'ci retry': changes('low', 'ci', 'retries the job', true),
  'ci cancel': changes('low', 'ci', 'cancels the pipeline or job', true),
  'schedule create': changes('low', 'ci', 'creates a pipeline schedule', true),
  'schedule run': changes('low', 'ci', 'runs the pipeline schedule now', true),
  // CI/CD variables and secure files are often credentials.
  'variable get': reads('secrets', "prints the variable's value"),
  'variable export': reads('secrets', 'prints every variable with its value'),
  'securefile download': reads('secrets', 'downloads a secure file (keys, certificates)'),
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
  '-b',
  '--branch',
  '--source-branch',
  '--target-branch',
  '-a',
  '--assignee',
  '--reviewer',
  '-l',
  '--label',
  '--milestone',
  '--variables',
  '--name',
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
  // `glab mr new`, `glab issue comment`, `glab pipeline run`, `glab project delete`.
  aliases: {
    remove: 'delete',
    rm: 'delete',
    del: 'delete',
    new: 'create',
    comment: 'note',
    pipe: 'ci',
    pipeline: 'ci',
    project: 'repo',
  },
  hints,
};

export function glab(inv: Invocation) {
  if (inv.args[0]?.value === 'api') return forgeApi(inv, inv.args.slice(1));
  return [...subcommandEffects(inv, GLAB), ...downloadEffects(inv)];
}
