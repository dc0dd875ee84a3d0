import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { argocd } from './kubernetes/argocd.js';
import { cilium } from './kubernetes/cilium.js';
import { flux } from './kubernetes/flux.js';
import { helm } from './kubernetes/helm.js';
import { helmfile } from './kubernetes/helmfile.js';
import { istioctl } from './kubernetes/istioctl.js';
import { kapp } from './kubernetes/kapp.js';
import { kubectl } from './kubernetes/kubectl.js';
import { kubectx } from './kubernetes/kubectx.js';
import { talosctl } from './kubernetes/talosctl.js';
import { tilt } from './kubernetes/tilt.js';
import { werf } from './kubernetes/werf.js';

/** Platform CLIs whose subcommand tables are read as flux's is. */
const PLATFORM_CLIS: Readonly<Record<string, (inv: Invocation) => Effect[]>> = {
  flux,
  argocd,
  cilium,
  istioctl,
  helmfile,
  kapp,
  werf,
  tilt,
  talosctl,
};

/**
 * Kubernetes: kubectl (and oc, kubecolor, `microk8s kubectl`, `k3s kubectl`), helm, flux, argocd, kubectx and
 * kubens; the platform CLIs around them (cilium, istioctl, helmfile, kapp, werf, tilt, talosctl). Deleting a
 * namespace is critical; workloads, data and access objects are high; pods medium; reads nothing. The cluster
 * is known from --context/--kube-context, the kubeconfig chosen, or the edge's current context.
 */
export const kubernetesAnalyzer: Analyzer = {
  family: 'kubernetes',
  commands: [
    'kubectl',
    'oc',
    'kubecolor',
    'helm',
    'microk8s',
    'k3s',
    'kubectx',
    'kubens',
    ...Object.keys(PLATFORM_CLIS),
  ],
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
    return PLATFORM_CLIS[inv.name]?.(inv) ?? [];
  },
};
