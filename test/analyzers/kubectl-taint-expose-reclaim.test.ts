import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Three kubectl changes that were allowed in production (src/analyzers/kubernetes/): a NoExecute taint on
// every node (each pod without a toleration evicted: an outage), a database port exposed outside the cluster
// through a load balancer, and a persistent volume's reclaim policy set to Delete (the safety net that keeps
// a volume's data after its claim is gone). Their everyday look-alikes stay allowed.

const PROD = '--context prod-eu1';

describe('kubectl changes that take production down, open it or remove its safety net are not allowed', () => {
  it.each([
    `kubectl taint nodes --all dedicated=maintenance:NoExecute ${PROD}`,
    `kubectl taint node -l pool=general dedicated=maintenance:NoExecute ${PROD}`,
    `kubectl ${PROD} taint no --selector=kubernetes.io/os=linux drain:NoExecute`,
    `kubectl taint nodes ip-10-0-3-17 dedicated=db:NoExecute ${PROD}`,
    `kubectl expose statefulset postgres -n db --type=LoadBalancer --port=5432 --name=postgres-public ${PROD}`,
    `kubectl expose deployment redis -n cache --type LoadBalancer --port 6379 --name redis-public ${PROD}`,
    `kubectl expose svc/mongo -n db --type=NodePort --port=27017 --target-port=27017 ${PROD}`,
    `kubectl expose pod debug --type=LoadBalancer --port=22 ${PROD}`,
    `kubectl patch pv pvc-0f1e2d ${PROD} -p '{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}'`,
    `kubectl patch persistentvolume/pvc-0f1e2d ${PROD} --type=json -p '[{"op":"replace","path":"/spec/persistentVolumeReclaimPolicy","value":"Delete"}]'`,
    `kubectl patch pv pvc-0f1e2d ${PROD} -p 'spec: {persistentVolumeReclaimPolicy: Delete}'`,
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.environment).toBe('production');
  });

  it('a NoExecute taint on every node is high', async () => {
    const r = await check(`kubectl taint nodes --all dedicated=maintenance:NoExecute ${PROD}`);
    expect(r.assessment.risk).toBe('high');
  });

  it.each([
    `kubectl taint nodes --all dedicated=maintenance:NoSchedule ${PROD}`,
    `kubectl taint nodes ip-10-0-3-17 dedicated- ${PROD}`,
    `kubectl taint nodes --all dedicated:NoExecute- ${PROD}`,
    `kubectl expose statefulset postgres -n db --port=5432 --name=postgres-internal ${PROD}`,
    `kubectl expose deployment web -n shop --type=LoadBalancer --port=443 --target-port=8443 ${PROD}`,
    `kubectl expose deployment api -n shop --type=ClusterIP --port=5432 ${PROD}`,
    `kubectl patch pv pvc-0f1e2d ${PROD} -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`,
    `kubectl patch deployment api -n shop ${PROD} -p '{"spec":{"replicas":4}}'`,
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('a patch that scales to zero is still caught, as JSON or YAML', async () => {
    for (const body of [`'{"spec":{"replicas":0}}'`, `'spec: {replicas: 0}'`]) {
      const r = await check(`kubectl patch deployment api -n shop ${PROD} -p ${body}`);
      expect(r.assessment.risk).toBe('high');
    }
  });
});
