import { describe, expect, it } from 'vitest';
import type { ScriptFile } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Values set on helm's command line that take a production release down or remove what protects it
// (src/analyzers/kubernetes/helm-values.ts): each upgrade was a low-risk change, allowed. The same values
// on a dev or staging release are routine, and so are everyday values in production.

const PROD = '-n production --kube-context prod-eu1';

describe('a helm value that takes a production release down or opens it is not allowed', () => {
  it.each([
    `helm upgrade api ./charts/api ${PROD} --reuse-values --set replicaCount=0`,
    `helm upgrade --install cache bitnami/redis ${PROD} --set replica.replicaCount=0`,
    `helm upgrade api ./charts/api ${PROD} --set image.tag=1.5.0,replicaCount=0`,
    `helm upgrade api ./charts/api ${PROD} --set-json 'replicaCount=0'`,
    `helm upgrade db bitnami/postgresql ${PROD} --reuse-values --set primary.persistence.enabled=false`,
    `helm upgrade db bitnami/postgresql ${PROD} --set-json 'primary.persistence={"enabled":false,"size":"8Gi"}'`,
    `helm upgrade vault hashicorp/vault -n vault --kube-context prod-eu1 --set server.dev.enabled=true`,
    `helm upgrade mon grafana/grafana ${PROD} --set 'grafana\\.ini.auth\\.anonymous.enabled=true' --set 'grafana\\.ini.auth\\.anonymous.org_role=Admin'`,
    `helm upgrade cache bitnami/redis ${PROD} --set-string auth.enabled=false`,
    `helm install search elastic/elasticsearch ${PROD} --set security.tls.enabled=false`,
    `helm upgrade api ./charts/api ${PROD} --force --set replicaCount=0`,
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.environment).toBe('production');
  });

  it('through HELM_KUBECONTEXT too', async () => {
    const r = await check('helm upgrade api ./charts/api --reuse-values --set replicaCount=0', {
      env: { HELM_KUBECONTEXT: 'prod-eu1' },
    });
    expect(r.decision.outcome).not.toBe('allow');
  });
});

describe('everyday values, and the same values outside production, stay allowed', () => {
  it.each([
    `helm upgrade api ./charts/api ${PROD} --reuse-values --set image.tag=1.4.2`,
    `helm upgrade api ./charts/api ${PROD} --set replicaCount=3,image.tag=1.4.2`,
    `helm upgrade db bitnami/postgresql ${PROD} --set primary.persistence.enabled=true`,
    `helm upgrade mon grafana/grafana ${PROD} --set 'grafana\\.ini.auth\\.anonymous.enabled=false'`,
    `helm upgrade search elastic/elasticsearch ${PROD} --set security.tls.enabled=true`,
    `helm upgrade api ./charts/api ${PROD} --set replicaCount=0 --dry-run`,
    'helm template api ./charts/api --set replicaCount=0',
    'helm upgrade api ./charts/api -n staging --kube-context stg-eu1 --set replicaCount=0',
    'helm upgrade vault hashicorp/vault -n vault --kube-context kind-dev --set server.dev.enabled=true',
    'helm install db bitnami/postgresql -n dev --kube-context dev-eu1 --set primary.persistence.enabled=false',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

// A values file (`-f values-prod.yaml`) is read as kubectl's manifests are (kubernetes/helm-values-files.ts):
// `replicaCount: 0` in it took production down as `--set replicaCount=0` does, and was allowed unread.
const VALUES: Record<string, ScriptFile> = {
  '/home/dev/project/values-prod.yaml': { kind: 'text', text: 'image:\n  tag: 1.4.2\nreplicaCount: 0\n' },
  '/home/dev/project/values-db.yaml': {
    kind: 'text',
    text: 'primary:\n  persistence:\n    enabled: false\n    size: 8Gi\n',
  },
  '/home/dev/project/values-grafana.yaml': {
    kind: 'text',
    text: 'grafana.ini:\n  auth.anonymous:\n    enabled: true\n',
  },
  '/home/dev/project/values-ok.yaml': {
    kind: 'text',
    text: 'image:\n  tag: 1.4.2\nreplicaCount: 3\nprimary:\n  persistence:\n    enabled: true\n',
  },
  '/home/dev/project/broken.yaml': { kind: 'text', text: 'replicaCount: [0\n' },
  '/home/dev/project/big.yaml': { kind: 'unreadable', reason: 'larger than the cap' },
};
const readScript = (path: string): ScriptFile => VALUES[path] ?? { kind: 'missing' };

describe('a values file that takes a production release down or opens it is read and judged as --set is', () => {
  it.each([
    [`helm upgrade api ./chart -f values-prod.yaml --kube-context prod`, 'replicaCount=0'],
    [`helm upgrade api ./chart --values=values-prod.yaml ${PROD}`, 'replicaCount=0'],
    [`helm upgrade --install api ./chart ${PROD} -f values-ok.yaml -f values-prod.yaml`, 'replicaCount=0'],
    [`helm install db bitnami/postgresql ${PROD} -f ./values-db.yaml`, 'primary.persistence.enabled=false'],
    [`helm upgrade mon grafana/grafana ${PROD} -f values-grafana.yaml`, 'anonymous.enabled=true'],
    [`helm upgrade api ./chart ${PROD} -f - <<'EOF'\nreplicaCount: 0\nEOF`, 'replicaCount=0 (in stdin)'],
  ])('%s', async (command, setting) => {
    const r = await check(command, { readScript });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
    expect(r.assessment.environment).toBe('production');
    expect(r.assessment.effects.map((e) => e.reason).join('\n')).toContain(setting);
  });

  it.each([
    `helm upgrade api ./chart -f values-ok.yaml --kube-context prod`,
    // --set comes after the files: it wins.
    `helm upgrade api ./chart -f values-prod.yaml --set replicaCount=2 --kube-context prod`,
    `helm upgrade api ./chart -f values-prod.yaml --kube-context prod --dry-run`,
    `helm template api ./chart -f values-prod.yaml`,
    `helm upgrade api ./chart -f values-prod.yaml -n staging --kube-context stg-eu1`,
    // Missing, unreadable or not YAML: judged as an unreadable manifest is, by the release's names.
    `helm upgrade api ./chart -f values-missing.yaml --kube-context prod`,
    `helm upgrade api ./chart -f big.yaml --kube-context prod`,
    `helm upgrade api ./chart -f broken.yaml --kube-context prod`,
    `helm upgrade api ./chart -f https://example.com/values.yaml --kube-context prod`,
  ])('%s keeps its outcome (allowed)', async (command) => {
    const r = await check(command, { readScript });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
