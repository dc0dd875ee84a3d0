import type { Effect, EnvironmentHint, Risk } from '../../core/types.js';
import { hasOption, optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import {
  changes,
  destroys,
  everyday,
  nameHints,
  placeHints,
  type Call,
  type Cli,
  type Verb,
  worseInProduction,
} from '../subcommands.js';
import { hostOf } from './common.js';

// Argo CD (GitOps): deleting an application deletes, by its cascade default, every live resource it deployed;
// a sync with --prune deletes what Git no longer lists and --force replaces what cannot be patched. argocd was
// unrecognised: `argocd app sync payments --prune --argocd-context prod` was allowed. Syncing what Git says,
// setting an application's revision and looking are routine; pruning and replacing are routine outside
// production, so they are worse only there (or where nobody knows where the server is).

const VALUE_OPTIONS = [
  // Every subcommand's (the root's persistent flags).
  '--argocd-context',
  '--auth-token',
  '--client-crt',
  '--client-crt-key',
  '--config',
  '--controller-name',
  '--grpc-web-root-path',
  '-H',
  '--header',
  '--http-retry-max',
  '--kube-context',
  '--logformat',
  '--loglevel',
  '--port-forward-namespace',
  '--redis-haproxy-name',
  '--redis-name',
  '--repo-server-name',
  '--server',
  '--server-crt',
  '--server-name',
  // Subcommands' own, so their values are not taken for names.
  '-l',
  '--selector',
  '--label',
  '-N',
  '--app-namespace',
  '-o',
  '--output',
  '--project',
  '--revision',
  '--resource',
  '--timeout',
  '--retry-limit',
  '--strategy',
  '--info',
  '--local',
  '--sync-option',
  '--propagation-policy',
  '--patch',
  '--type',
  '--kind',
  '--name',
  '--namespace',
  '--group',
  '--resource-name',
  '-c',
  '--container',
  '--tail',
  '--source',
  '--account',
  '-a',
  '--expires-in',
  '-e',
  '--id',
  '--current-password',
  '--new-password',
  '--username',
  '--password',
  '--repo',
  '--path',
  '--dest-server',
  '--dest-name',
  '--dest-namespace',
  '-p',
  '--parameter',
  '--values',
  '--helm-set',
  '--sync-policy',
  '--file',
];

const replaces = (risk: Risk, what: string): Verb => ({
  operation: 'replace',
  risk,
  category: 'gitops',
  what,
  reversible: true,
});

const looked = (call: Call) => hasOption(call.options, '--dry-run', '--preview-changes');

/** `app sync`: a change; pruning deletes and --force/--replace re-creates, which matters in production. */
function sync(call: Call): Verb | undefined {
  if (looked(call)) return undefined;
  if (hasOption(call.options, '--prune'))
    return worseInProduction(
      destroys('low', 'gitops', 'applies Git and deletes (--prune) the live resources Git no longer lists'),
      'high',
    );
  if (hasOption(call.options, '--force', '--replace'))
    return worseInProduction(
      replaces('low', 'applies Git, deleting and re-creating the resources it cannot patch (--force)'),
      'high',
    );
  return changes('low', 'gitops', 'applies what Git says to the cluster', true);
}

/** `app delete`: with cascade (the default) every live resource of the application is deleted with it. */
function deleteApp(call: Call): Verb {
  const cascade = call.options.options.get('--cascade')?.at(-1);
  if (cascade === 'false')
    return worseInProduction(
      destroys('low', 'gitops', 'deletes the application only (--cascade=false: its resources keep running)'),
      'medium',
    );
  return worseInProduction(
    destroys('high', 'gitops', 'deletes the application and, by cascade, every live resource it deployed'),
    'critical',
  );
}

const VERBS: Cli['verbs'] = {
  'app sync': sync,
  'app delete': deleteApp,
  'app delete-resource': destroys('high', 'workload', 'deletes a live resource of the application'),
  'app rollback': changes(
    'medium',
    'release',
    'rolls the application back to an earlier deployed revision',
    true,
  ),
  'app set': changes('low', 'gitops', "changes the application's spec (source, revision, destination)", true),
  'app unset': changes('low', 'gitops', "removes settings from the application's spec", true),
  'app patch': changes('low', 'gitops', "patches the application's spec", true),
  'app edit': changes('low', 'gitops', "edits the application's spec", true),
  'app create': changes('low', 'gitops', 'creates or updates an application', true),
  'app terminate-op': changes('low', 'gitops', 'stops the running sync operation', true),
  'app actions run': changes('low', 'workload', 'runs a resource action (a restart, a resume)', true),
  'appset delete': destroys('high', 'gitops', 'deletes the ApplicationSet and the applications it generated'),
  'appset create': changes('low', 'gitops', 'creates or updates an ApplicationSet', true),
  'proj delete': worseInProduction(
    destroys('medium', 'gitops', 'deletes the project: its roles, tokens and the limits on its applications'),
    'high',
  ),
  'proj create': changes('low', 'gitops', 'creates a project', true),
  'cluster rm': worseInProduction(
    destroys(
      'medium',
      'cluster',
      "removes the cluster's credentials: its applications are no longer managed",
    ),
    'high',
  ),
  'cluster add': changes('low', 'cluster', 'gives Argo CD credentials to a cluster', true),
  'repo rm': worseInProduction(
    destroys('medium', 'gitops', 'removes the repository: the applications from it can no longer sync'),
    'high',
  ),
  'repo add': changes('low', 'gitops', 'adds a repository', true),
  'account generate-token': changes('medium', 'credentials', 'creates an API token for the account'),
  'account update-password': changes('medium', 'credentials', "changes the account's password"),
  'account delete-token': destroys('low', 'credentials', 'revokes an API token of the account'),
  'proj role create-token': changes('medium', 'credentials', 'creates an API token for a project role'),
  // Looking, signing in, choosing a context.
  ...everyday(
    'app list',
    'app get',
    'app diff',
    'app history',
    'app manifests',
    'app logs',
    'app resources',
    'app wait',
    'app actions list',
    'appset list',
    'appset get',
    'cluster list',
    'cluster get',
    'repo list',
    'repo get',
    'proj list',
    'proj get',
    'proj role list',
    'proj role get',
    'proj windows list',
    'account get-user-info',
    'account list',
    'account get',
    'account can-i',
  ),
  ...everyday('version', 'login', 'logout', 'relogin', 'context', 'completion', 'cert list', 'gpg list'),
};

/** Where the server is: explicit from --server, ARGOCD_SERVER, --argocd-context, --kube-context (with --core). */
function serverHints(call: Call): EnvironmentHint[] {
  const server = optionValue(call.options, '--server') ?? call.inv.env('ARGOCD_SERVER');
  const source = optionValue(call.options, '--server') ? 'flag --server' : 'env ARGOCD_SERVER';
  return [
    ...(server ? [{ source, value: hostOf(server) }] : []),
    ...placeHints(call, 'flag --argocd-context', '--argocd-context'),
    ...placeHints(call, 'flag --kube-context', '--kube-context'),
  ];
}

/** A name as written (`payments-prod`, `argocd/payments`); a cluster's or repository's URL by its host. */
const nameOf = (word: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(word) ? hostOf(word) : word);

const ARGOCD: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  hints: (call) => [
    ...serverHints(call),
    // The application's project and destination, and every name after the first: weak, as names are.
    ...nameHints(call, 'argocd project', '--project', '--dest-namespace', '--dest-name'),
    ...call.rest
      .slice(1)
      .filter((w) => !w.dynamic)
      .map((w) => ({ source: 'argocd target', value: nameOf(w.value), weak: true as const })),
  ],
  target: (call) => (call.rest[0] ? nameOf(call.rest[0].value) : undefined),
};

export function argocd(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, ARGOCD);
}
