import type { Effect } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, unlessOption, type Cli } from '../subcommands.js';
import { kubeCliHints } from './cli-hints.js';

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

// create --export only prints the manifest.
const create = unlessOption(changes('low', 'gitops', 'creates or updates a Flux object', true), '--export');

const VERBS: Cli['verbs'] = {
  uninstall: unlessOption(
    destroys(
      'high',
      'cluster',
      'removes Flux, its controllers and custom resources from the cluster: nothing is reconciled from Git any more',
    ),
    '--dry-run',
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
  install: unlessOption(
    changes('low', 'cluster', 'installs or upgrades the Flux controllers', true),
    '--dry-run',
  ),
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
  hints: (call) =>
    kubeCliHints(call, {
      context: ['--context'],
      kubeconfig: ['--kubeconfig'],
      namespace: ['-n', '--namespace'],
    }),
};

export function flux(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, FLUX);
}
