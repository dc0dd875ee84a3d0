import { describe, expect, it } from 'vitest';
import type { Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// The CLIs around a Kubernetes cluster (src/analyzers/kubernetes/{cilium,istioctl,helmfile,kapp,werf,tilt,
// talosctl}.ts) and the node-local resets (src/analyzers/cluster-nodes.ts) were unknown programs: `cilium
// uninstall`, `kubeadm reset -f` or `k3s-uninstall.sh` were allowed at risk none.

describe('removing a cluster add-on, a node or a release set is not allowed', () => {
  it.each<[string, Risk]>([
    // Where no cluster is recognised, the risk a production cluster would have.
    ['cilium uninstall', 'critical'],
    ['cilium uninstall --wait --context dev-cluster', 'high'],
    ['cilium clustermesh disable', 'high'],
    ['istioctl uninstall --purge -y', 'critical'],
    ['istioctl x uninstall --purge', 'critical'],
    ['istioctl uninstall -r canary -y', 'high'],
    ['talosctl reset --nodes 10.0.0.1 --graceful=false', 'critical'],
    ['talosctl -n 10.0.0.2 etcd remove-member cp-3', 'high'],
    ['tilt down --delete-namespaces', 'critical'],
    ['tilt down', 'high'],
    ['werf dismiss --with-namespace', 'critical'],
    ['werf dismiss --env staging', 'high'],
    ['helmfile -e production sync', 'medium'],
    ['helmfile destroy', 'high'],
    ['helmfile -e production destroy', 'high'],
    ['helmfile delete', 'high'],
    ['helmfile -l name=api destroy', 'high'],
    ['kapp delete -a billing -y', 'high'],
    // This machine: non-production unless its host says otherwise, so asked about.
    ['kubeadm reset -f', 'critical'],
    ['sudo kubeadm reset --force', 'critical'],
    ['microk8s reset --destroy-storage', 'critical'],
    ['microk8s reset', 'high'],
    ['k3s-uninstall.sh', 'critical'],
    ['/usr/local/bin/k3s-uninstall.sh', 'critical'],
    ['rke2-uninstall.sh', 'critical'],
    ['k3s-agent-uninstall.sh', 'high'],
    ['k3s-killall.sh', 'medium'],
    ['rke2-killall.sh', 'medium'],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
  });
});

describe('placed as kubectl is: their context flags, the kubeconfig, the current context, the host', () => {
  it.each([
    ['istioctl uninstall --purge --context prod-cluster', {}],
    ['istioctl uninstall --purge -y', { kubeContext: 'prod-eu1' }],
    ['KUBECONFIG=~/.kube/prod cilium uninstall', {}],
    ['cilium uninstall --context prod-eu1', {}],
    ['helmfile -e production destroy', {}],
    ['helmfile --kube-context prod-eu1 destroy', {}],
    ['helmfile destroy', { env: { HELMFILE_ENVIRONMENT: 'production' } }],
    ['kapp delete -a billing -y --kubeconfig-context prod', {}],
    ['werf dismiss --env production', {}],
    ['tilt down --context prod-eu1', {}],
    ['talosctl reset --nodes 10.0.0.1 --context prod', {}],
    ['ssh prod-k8s-1 sudo kubeadm reset -f', {}],
    ['k3s-uninstall.sh', { host: 'prod-edge-3' }],
  ])('%s is production', async (command, facts) => {
    const r = await check(command, facts);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('require-approval');
    expect(r.assessment.environment).toBe('production');
  });

  it('tearing down a dev cluster is asked about, not held for approval', async () => {
    const r = await check('tilt down', { kubeContext: 'kind-dev' });
    expect(r.decision.outcome).toBe('ask');
    expect(r.assessment.risk).toBe('medium');
  });

  it('helmfile sync is judged like helm upgrade outside production', async () => {
    const r = await check('helmfile -e staging sync');
    expect(r.decision.outcome).toBe('allow');
  });
});

/** Allowed with a production cluster as the current context: known to change nothing of it. */
async function expectAllowed(command: string): Promise<void> {
  const r = await check(command, { kubeContext: 'prod-eu1' });
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
}

describe('krew manages kubectl plugins in ~/.krew: nothing of a cluster', () => {
  it.each([
    'kubectl krew uninstall ctx',
    'kubectl krew install ctx ns',
    'kubectl krew upgrade',
    'kubectl krew update',
    'kubectl krew list',
    'kubectl krew search neat',
    'kubectl krew info tree',
    'kubectl krew index add extra https://github.com/acme/krew-index.git',
    'kubectl krew index remove extra',
  ])('%s is allowed', expectAllowed);

  it('an unknown plugin that says it destroys is still held', async () => {
    const r = await check('kubectl foo uninstall x');
    expect(r.decision.outcome).not.toBe('allow');
  });
});

describe('looking, dry runs and dev loops stay allowed, in production too', () => {
  it.each([
    'cilium status',
    'cilium status --wait',
    // Deploys its test pods in its own namespace and changes nothing that exists.
    'cilium connectivity test',
    'cilium clustermesh status',
    'istioctl analyze -A',
    'istioctl proxy-status',
    'istioctl x precheck',
    'istioctl uninstall --purge --dry-run',
    'kubeadm token list',
    'kubeadm config print init-defaults',
    'kubeadm certs check-expiration',
    'kubeadm reset --dry-run',
    'talosctl get members -n 10.0.0.1',
    'talosctl logs kubelet -n 10.0.0.1',
    'talosctl dmesg -n 10.0.0.1',
    'microk8s status --wait-ready',
    'microk8s kubectl get pods -A',
    'helmfile diff',
    'helmfile -e production diff',
    'helmfile lint',
    'helmfile template',
    'helmfile list',
    'helmfile build',
    'tilt up',
    'kapp inspect -a billing',
    'kapp list',
    'kapp delete -a billing --diff-run',
    'werf render',
  ])('%s is allowed', expectAllowed);

  it('linkerd uninstall only prints the manifests to delete', async () => {
    const r = await check('linkerd uninstall');
    expect(r.decision.outcome).toBe('allow');
  });

  it.each(['linkerd uninstall | kubectl delete -f -', 'flux uninstall', 'velero uninstall'])(
    '%s is still held',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome).not.toBe('allow');
    },
  );
});

describe('microk8s stays known to the Kubernetes analyzer beyond reset', () => {
  it.each(['microk8s enable dns', 'microk8s start', 'microk8s status'])(
    '%s is allowed with a production context',
    expectAllowed,
  );

  it('microk8s kubectl delete is judged once, as kubectl', async () => {
    const r = await check('microk8s kubectl delete ns payments');
    expect(r.assessment.effects.map((e) => e.tool)).toEqual(['kubectl']);
  });
});
