import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A role binding is a grant of power, and was rated as any other create (low: allowed):
// `kubectl create clusterrolebinding … --clusterrole=cluster-admin --serviceaccount=default:agent` made the
// agent's own account an administrator of the cluster.

describe('Kubernetes role grants', () => {
  it.each([
    [
      'kubectl create clusterrolebinding x --clusterrole=cluster-admin --serviceaccount=default:agent',
      'high',
    ],
    ['kubectl create clusterrolebinding ops --clusterrole=edit --group=contractors', 'high'],
    ['kubectl create rolebinding x --clusterrole=admin --user=mallory -n payments', 'high'],
    ['kubectl create clusterrolebinding x --clusterrole=pod-reader --user=bob', 'medium'],
    ['kubectl create rolebinding r --role=deployer --user=bob -n dev', 'medium'],
    ['oc adm policy add-cluster-role-to-user cluster-admin mallory', 'high'],
    ['oc adm policy add-scc-to-user privileged -z default', 'high'],
  ] as const)('%s is not allowed (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
    expect(r.assessment.effects[0]!.category).toBe('rbac');
  });

  it.each([
    'kubectl create deployment web --image=nginx',
    'kubectl create namespace feature-x',
    'kubectl get clusterrolebindings',
    'kubectl create clusterrolebinding x --clusterrole=cluster-admin --user=me --dry-run=client -o yaml',
    'kubectl auth can-i create pods',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
