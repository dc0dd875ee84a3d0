import type { Analyzer } from './analyzer.js';
import { argocd } from './kubernetes/argocd.js';
import { flux } from './kubernetes/flux.js';
import { helm } from './kubernetes/helm.js';
import { kubectl } from './kubernetes/kubectl.js';
import { kubectx } from './kubernetes/kubectx.js';

/**
 * Kubernetes: kubectl (and oc, kubecolor, `microk8s kubectl`, `k3s kubectl`), helm, flux, argocd, kubectx
 * and kubens. Deleting a namespace is critical; workloads, data and access objects are high; pods medium;
 * reads nothing.
 * The cluster is known from --context/--kube-context, the kubeconfig chosen, or the edge's current context.
 */
export const kubernetesAnalyzer: Analyzer = {
  family: 'kubernetes',
  commands: ['kubectl', 'oc', 'kubecolor', 'helm', 'flux', 'argocd', 'microk8s', 'k3s', 'kubectx', 'kubens'],
  local: false,
  // The edge folds the kubeconfig's current context into facts.kubeContext; HELM_KUBECONTEXT,
  // HELM_NAMESPACE and a command-local KUBECONFIG are read by the helm and kubectl parts themselves.
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'kubectl':
      case 'oc':
      case 'kubecolor':
        return kubectl(inv, inv.name === 'kubecolor' ? 'kubectl' : inv.name, inv.args);
      case 'helm':
        return helm(inv, inv.args);
      case 'flux':
        return flux(inv);
      case 'argocd':
        return argocd(inv);
      case 'kubectx':
      case 'kubens':
        return kubectx(inv);
      case 'microk8s':
      case 'k3s': {
        const [sub, ...rest] = inv.args;
        if (sub?.value === 'kubectl' || sub?.value === 'microk8s.kubectl')
          return kubectl(inv, 'kubectl', rest);
        if (sub?.value === 'helm' || sub?.value === 'helm3') return helm(inv, rest);
        return [];
      }
    }
    return [];
  },
};
