import type { EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue } from '../../shell/options.js';
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
  envHint,
} from '../subcommands.js';
import { forgeApi } from './api.js';
import { downloadEffects } from './downloads.js';

// GitHub's gh: repositories, releases, Actions secrets and variables, workflows, keys. `gh api` is read
// like an HTTP request (api.ts). Everyday work is listed too, so that it is known on a production host:
// what stays on this machine changes nothing, and pull requests, issues, releases and runs are routine
// changes that can be undone, unless an option makes one destroy (`--clobber`, `--force`, `--delete-branch`).

/** A routine change to the repository's pull requests, issues or releases, undone as easily as made. */
const routine = (what: string) => changes('low', 'repository', what, true);

/** `pr comment`/`issue comment`: `--delete-last` deletes your last comment instead of adding one. */
const comment = (call: Call) =>
  hasOption(call.options, '--delete-last')
    ? destroys('medium', 'repository', 'deletes your last comment')
    : routine('adds or edits a comment');

const VERBS: Cli['verbs'] = {
  // Only this machine: a checkout, a clone, the browser, the CLI's own settings and extensions.
  ...everyday(
    'pr checkout',
    'pr checks',
    'repo clone',
    'repo set-default',
    'browse',
    'auth setup-git',
    'auth refresh',
    'auth switch',
    'alias set',
    'alias import',
    'extension install',
    'extension upgrade',
    'extension create',
    'extension browse',
    'config set',
    'config clear-cache',
    'run download',
    'release download',
    'gist clone',
    'attestation download',
    'attestation trusted-root',
  ),
  'pr create': routine('opens a pull request'),
  'pr comment': comment,
  'pr edit': routine('edits the pull request'),
  'pr close': (call) =>
    hasOption(call.options, '-d', '--delete-branch')
      ? destroys('medium', 'git-branch', 'closes the pull request and deletes its branch')
      : routine('closes the pull request'),
  'pr reopen': routine('reopens the pull request'),
  'pr ready': routine('marks the pull request ready for review (or a draft with --undo)'),
  'pr review': routine('reviews the pull request'),
  'pr lock': routine('locks the conversation'),
  'pr unlock': routine('unlocks the conversation'),
  'pr update-branch': routine("updates the pull request's branch from its base"),
  'pr revert': routine('opens a pull request that reverts the merged one'),
  'issue create': routine('opens an issue'),
  'issue comment': comment,
  'issue edit': routine('edits the issue'),
  'issue close': routine('closes the issue'),
  'issue reopen': routine('reopens the issue'),
  'issue lock': routine('locks the conversation'),
  'issue unlock': routine('unlocks the conversation'),
  'issue pin': routine('pins the issue'),
  'issue unpin': routine('unpins the issue'),
  'issue develop': routine('creates a branch linked to the issue'),
  // Another repository may have other readers (a public one).
  'issue transfer': changes('medium', 'repository', 'moves the issue to another repository', true),
  'label create': routine('creates a label'),
  'label edit': routine('edits a label'),
  'label clone': routine('copies labels from another repository'),
  'release create': routine('creates a release'),
  'release edit': routine('edits the release'),
  'release upload': (call) =>
    hasOption(call.options, '--clobber')
      ? destroys('medium', 'release', 'replaces release assets of the same name (the old files are lost)')
      : routine('uploads assets to the release'),
  'repo create': (call) =>
    hasOption(call.options, '--public') && hasOption(call.options, '-s', '--source', '--push')
      ? changes('medium', 'repository', 'publishes local code as a public repository', true)
      : changes('low', 'repository', 'creates a repository', true),
  'repo fork': changes('low', 'repository', 'forks the repository', true),
  'repo sync': (call) =>
    hasOption(call.options, '--force')
      ? changes(
          'high',
          'git-history',
          'hard-resets the destination branch to the source (commits only there are lost)',
        )
      : changes('low', 'git-history', 'fast-forwards the destination branch to the source', true),
  'repo unarchive': changes('low', 'repository', 'unarchives the repository', true),
  'gist create': changes('low', 'repository', 'creates a gist', true),
  'gist edit': changes('low', 'repository', 'edits the gist', true),
  'run rerun': changes('low', 'ci', 'reruns the workflow run', true),
  'run cancel': changes('low', 'ci', 'cancels the workflow run', true),
  'workflow enable': changes('low', 'ci', 'enables the workflow', true),
  'codespace create': changes('low', 'workspace', 'creates a codespace', true),
  'codespace stop': changes('low', 'workspace', 'stops the codespace', true),
  'codespace edit': changes('low', 'workspace', 'changes the codespace machine or name', true),
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
  // Not -s: it is --state for listing, and a flag (`pr merge -s`, squash) where it matters.
  '--state',
  '-w',
  '--workflow',
  '--hostname',
  '-B',
  '--base',
  '-H',
  '--head',
  '--reviewer',
  '--assignee',
  '-l',
  '--label',
  '--milestone',
  '--project',
  '-F',
  '--body-file',
  '--add-label',
  '--remove-label',
  '--add-reviewer',
  '--remove-reviewer',
  '--add-assignee',
  '--remove-assignee',
  '-n',
  '--notes',
  '--notes-file',
  '--target',
  '--ref',
  '-j',
  '--job',
  '-D',
  '--dir',
  '--pattern',
  '--name',
  '--source',
  '--branch',
  '--remote-name',
  '--fork-name',
  '--description',
  '--homepage',
  '--team',
  '--gitignore',
  '--license',
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
  // `gh pr new`, `gh pr co`, `gh ext install`, `gh cs create`.
  aliases: {
    remove: 'delete',
    rm: 'delete',
    new: 'create',
    co: 'checkout',
    ext: 'extension',
    extensions: 'extension',
    cs: 'codespace',
  },
  hints,
  target: (call) =>
    call.verb.startsWith('repo ') && !call.verb.includes('key')
      ? (call.rest[0]?.value ?? optionValue(call.options, '-R', '--repo') ?? 'the current repository')
      : undefined,
};

export function gh(inv: Invocation) {
  if (inv.args[0]?.value === 'api') return forgeApi(inv, inv.args.slice(1));
  return [...subcommandEffects(inv, GH), ...downloadEffects(inv)];
}
