import type { Effect } from '../../core/types.js';
import { hasOption, optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, type Call, type Cli, type Verb } from '../subcommands.js';
import { contextHints } from './common.js';

// Flux (GitOps): `flux uninstall` removes its controllers and custom resources from the cluster, so nothing
// is reconciled from Git any more; deleting a Kustomization that prunes deletes every object it applied, and
// deleting a HelmRelease uninstalls the release. Flux was unrecognised: `flux uninstall` was allowed, and
// `--context prod-eu1` was not read. Suspending and resuming reconciliation is routine, and so is looking.

const VALUE_OPTIONS = [
  '--context',
  '--kubeconfig',
  '-n',
  '--namespace',
  '--timeout',
  '--cluster',
  '--user',
  '--as',
  '--as-group',
  '--token',
  '--server',
  '--certificate-authority',
  '--client-certificate',
  '--client-key',
  '--tls-server-name',
  '--cache-dir',
  '--source',
  '--path',
  '--interval',
  '--branch',
  '--tag',
  '--url',
  '--owner',
  '--repository',
  '--components',
  '--components-extra',
  '--label',
  '-l',
  '--kind',
  '--chart',
  '--values',
  '--target-namespace',
  '--version',
  '--registry',
  '--secret-ref',
  '--log-level',
  '-o',
  '--output',
  '--hostname',
  '--username',
  '--password',
  '--private-key-file',
];

/** Without --dry-run (uninstall, install) or --export (create: prints the manifest). */
const unlessDry =
  (verb: Verb, option = '--dry-run') =>
  (call: Call): Verb | undefined =>
    hasOption(call.options, option) ? undefined : verb;

const create = unlessDry(changes('low', 'gitops', 'creates or updates a Flux object', true), '--export');

const VERBS: Cli['verbs'] = {
  uninstall: unlessDry(
    destroys(
      'high',
      'cluster',
      'removes Flux, its controllers and custom resources from the cluster: nothing is reconciled from Git any more',
    ),
  ),
  'delete kustomization': destroys(
    'high',
    'gitops',
    'deletes the Kustomization; with pruning on, every object it applied is deleted with it',
  ),
  'delete helmrelease': destroys(
    'high',
    'release',
    'deletes the HelmRelease: its Helm release is uninstalled',
  ),
  'delete source': destroys(
    'medium',
    'gitops',
    'deletes a source: what is reconciled from it stops updating',
  ),
  'delete image': destroys('low', 'gitops', 'deletes an image automation object'),
  'delete alert': destroys('low', 'monitoring', 'deletes an alert'),
  'delete alert-provider': destroys('low', 'monitoring', 'deletes an alert provider'),
  'delete receiver': destroys('low', 'gitops', 'deletes a webhook receiver'),
  'delete tenant': destroys('high', 'namespace', "deletes the tenant's namespaces and access"),
  install: unlessDry(changes('low', 'cluster', 'installs or upgrades the Flux controllers', true)),
  bootstrap: changes('low', 'cluster', 'installs Flux and commits its manifests to the repository', true),
  create,
  'create secret': create,
  suspend: changes('low', 'gitops', 'suspends reconciliation (resumed with flux resume)', true),
  resume: changes('low', 'gitops', 'resumes reconciliation', true),
  reconcile: changes('low', 'gitops', 'reconciles now what Git already says', true),
  'push artifact': changes('low', 'image', 'pushes an OCI artifact', true),
  'tag artifact': changes('low', 'image', 'tags an OCI artifact', true),
  // Looking, and building or diffing manifests here.
  ...everyday(
    'get',
    'check',
    'logs',
    'events',
    'export',
    'diff',
    'build',
    'tree',
    'trace',
    'stats',
    'version',
  ),
  ...everyday('completion', 'envsubst', 'debug', 'pull artifact', 'list artifacts'),
};

const FLUX: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { ks: 'kustomization', hr: 'helmrelease' },
  hints: (call) => {
    const hints = contextHints(call.inv, {
      context: optionValue(call.options, '--context'),
      contextFlag: '--context',
      kubeconfig: optionValue(call.options, '--kubeconfig'),
    });
    const namespace = optionValue(call.options, '-n', '--namespace');
    return namespace ? [...hints, { source: 'flag --namespace', value: namespace }] : hints;
  },
};

export function flux(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, FLUX);
}
