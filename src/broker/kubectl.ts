import { narrowKubernetes, roleManifest } from '../least-privilege/kubernetes-role.js';
import { KUBERNETES_VARIABLES, withoutVariables } from './child-env.js';
import { readSecretFile, type BrokerConfig, type KubernetesCredential } from './config.js';
import { LaunchRefused, noEntry, type BrokerKind, type ShellFinal } from './kind.js';
import { brokeredKubectlArgs, kubeContext } from './kubectl-args.js';

// kubectl through the broker's own kubeconfig context, impersonating (`--as`) an identity that should hold
// only a Role of what is approved: the broker prints that Role for the approved verb, resource and
// namespace, and refuses effects outside what the entry allows. The agent's KUBECONFIG and KUBE* go.

function matchKubernetes(
  config: BrokerConfig,
  context: string | undefined,
): KubernetesCredential | undefined {
  return config.kubernetes.find((e) => e.match.context === context);
}

/** The Role lines to print, after checking every approved effect is one the entry allows. */
function approvedRoles(final: ShellFinal, entry: KubernetesCredential): string[] {
  const effects = final.assessment.effects.filter((e) => e.access?.kind === 'kubernetes');
  if (!effects.length)
    throw new LaunchRefused(
      'the command has no kubernetes effect to run (a read needs no broker); nothing ran',
    );
  for (const { target, access } of effects) {
    if (access?.kind !== 'kubernetes') continue;
    const namespace = access.namespace ?? 'default';
    if (!entry.allows.verbs.includes(access.verb) || !entry.allows.namespaces.includes(namespace))
      throw new LaunchRefused(
        `broker entry ${entry.name} allows ${entry.allows.verbs.join(', ')} in ${entry.allows.namespaces.join(', ')}, not ${access.verb} ${target} in ${namespace}; denied, nothing ran`,
      );
  }
  const narrowing = narrowKubernetes(effects);
  const unmapped = narrowing.unmapped[0];
  if (unmapped)
    throw new LaunchRefused(`no Role can name ${unmapped.target} (${unmapped.why}); denied, nothing ran`);
  return narrowing.roles.map(
    (role) => `${entry.as} needs exactly: ${JSON.stringify(roleManifest(role, `interlock-${entry.name}`))}`,
  );
}

export const kubectlKind: BrokerKind = {
  program: 'kubectl',
  prepare(argv, config, configPath, env) {
    const context = kubeContext(argv);
    const entry = matchKubernetes(config, context);
    if (!entry)
      throw noEntry(
        'kubernetes',
        configPath,
        context ? `--context ${context}` : 'a command without --context',
      );
    // The kubeconfig holds the broker's cluster credentials: as private as the broker's file.
    readSecretFile(entry.kubeconfig, `kubeconfig of broker entry ${entry.name}`);
    const args = brokeredKubectlArgs(argv, entry);
    const assessEnv = withoutVariables(env, KUBERNETES_VARIABLES);
    return {
      credentials: `broker:${entry.name}`,
      assessEnv,
      launch: (final) => {
        const notes = approvedRoles(final, entry);
        return Promise.resolve({ program: config.kubectl, args, env: assessEnv, notes });
      },
    };
  },
};
