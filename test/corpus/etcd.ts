import { destructive as d, harmless as h, type LabelledCommand } from '../support/runtime.js';

const PROD = { environment: 'production', outcome: 'require-approval' } as const;

// etcdctl and etcdutl: the key-value store under Kubernetes and many service registries. Where a command
// lands comes from --endpoints (or ETCDCTL_ENDPOINTS); with neither it talks to 127.0.0.1:2379.
export const etcdCorpus: LabelledCommand[] = [
  d('etcdctl del /registry/pods/default/web', { minRisk: 'high', target: '/registry/pods/default/web' }),
  d('etcdctl del --prefix /registry/', { minRisk: 'critical' }),
  d('etcdctl --endpoints=https://etcd-prod-1:2379 del --prefix ""', { ...PROD, minRisk: 'critical' }),
  d('ETCDCTL_API=3 etcdctl del /app --from-key', { minRisk: 'critical' }),
  d('etcdctl del --prefix /app/config', {
    ...PROD,
    env: { ETCDCTL_ENDPOINTS: 'https://etcd.prod.internal:2379' },
  }),
  d('etcdctl --endpoints https://10.0.0.5:2379,https://10.0.0.6:2379 member remove 8e9e05c52164694d', {
    minRisk: 'high',
  }),
  d('etcdctl snapshot restore backup.db --data-dir /var/lib/etcd', { minRisk: 'high' }),
  d('etcdutl snapshot restore snapshot.db --data-dir /var/lib/etcd', { minRisk: 'high' }),
  d('etcdctl auth disable', { minRisk: 'high' }),
  d(`etcdctl put /config/feature-flags '{"payments":false}'`, { minRisk: 'medium' }),
  d('ETCDCTL_ENDPOINTS=https://etcd.prod.internal:2379 etcdctl put /app/maintenance true', PROD),
  d('etcdctl compaction 123456', { minRisk: 'high' }),
  d('etcdctl lease revoke 694d77aa9e38260f', { minRisk: 'high' }),
  d('etcdctl user delete root', { minRisk: 'high' }),
  d('etcdctl defrag --cluster', { minRisk: 'medium' }),
  d(
    'sudo etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key del /registry/secrets/kube-system/bootstrap-token-abc',
    { minRisk: 'high' },
  ),
  d('ssh cp-prod-1 etcdctl del --prefix /registry/deployments', PROD),

  h('etcdctl get /registry --prefix --keys-only'),
  h('etcdctl --endpoints=https://etcd-prod-1:2379 endpoint status -w table'),
  h('etcdctl endpoint health --cluster'),
  h('etcdctl member list -w table'),
  h('etcdctl watch /app/config --prefix'),
  h('etcdctl snapshot save /tmp/etcd-backup.db'),
  h('etcdctl snapshot status snap.db -w table'),
  h('etcdctl version'),
  h('etcdctl get foo --print-value-only'),
  h('etcdctl alarm list'),
  h('etcdctl del --help'),
];
