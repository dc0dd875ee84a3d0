import type { Analyzer } from '../analyzers/analyzer.js';
import { placeHints, type Placement } from '../core/place.js';
import { withoutUrlPasswords } from '../core/secret-values.js';
import type { ActionFacts, EnvironmentHint } from '../core/types.js';
import type { EnvironmentVerdict } from '../core/environment.js';

// Where the environment itself points, from facts alone: the profile, project, subscription, context,
// workspace, stack, host or database its credentials and settings name. A program nobody can see into
// acts wherever those point, so this is where it is placed.

/** Variables that choose where any program acting on this account, cluster or database lands. */
const WELL_KNOWN_VARIABLES = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'GOOGLE_CLOUD_PROJECT',
  'CLOUDSDK_CORE_PROJECT',
  'GOOGLE_PROJECT',
  'AZURE_SUBSCRIPTION_ID',
  'ARM_SUBSCRIPTION_ID',
  'TF_WORKSPACE',
  'PULUMI_STACK',
  'KUBECONFIG',
  'PGHOST',
  'PGDATABASE',
  'DATABASE_URL',
  'REDIS_URL',
  'MONGODB_URI',
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'VAULT_ADDR',
  'NOMAD_ADDR',
  'CONSUL_HTTP_ADDR',
  'OS_CLOUD',
  'ETCDCTL_ENDPOINTS',
];

/**
 * Names only (a database name, a kubeconfig file name): weak, they may raise, never lower. A profile,
 * project, workspace, stack, host or URL says where the credentials point: explicit.
 */
const nameOnly = (variable: string) => /DATABASE$|^KUBECONFIG$/.test(variable);

/** Every placement variable: the well-known ones and those any analyzer declares. */
export function placementVariables(analyzers: Iterable<readonly Analyzer[]>): string[] {
  const declared = [...analyzers].flat().flatMap((a) => a.environmentVariables);
  return [...new Set([...WELL_KNOWN_VARIABLES, ...declared])];
}

/** The hints the environment gives, each variable read as the command sees it (`env` looks up its own first). */
export function environmentHints(
  facts: ActionFacts,
  variables: readonly string[],
  env: (name: string) => string | undefined,
): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (const variable of variables) {
    const value = env(variable);
    if (!value) continue;
    // A URL keeps its host (which says where) and loses its password.
    hints.push({
      source: `env ${variable}`,
      value: withoutUrlPasswords(value),
      ...(nameOnly(variable) ? { weak: true } : {}),
    });
  }
  if (facts.kubeContext) hints.push({ source: 'kube context', value: facts.kubeContext });
  if (facts.kubeNamespace) hints.push({ source: 'kube namespace', value: facts.kubeNamespace });
  if (facts.terraformWorkspace)
    hints.push({ source: 'terraform workspace', value: facts.terraformWorkspace });
  return hints;
}

/** Where the environment points: production, non-production, or unknown when nothing says. */
export function environmentPlacement(
  hints: readonly EnvironmentHint[],
  placement: Placement,
): EnvironmentVerdict {
  // Not local: with no hint at all, nothing is known about where credentials point (not "this machine").
  return placeHints(hints, false, placement);
}
