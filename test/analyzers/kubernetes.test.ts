import { describe, expect, it } from 'vitest';
import { kubernetesCorpus } from '../corpus/kubernetes.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('kubernetes corpus', () => corpusTests(kubernetesCorpus));

describe('kubernetes analyzer', () => {
  it('places an unhinted command in the current kube context the edge found', async () => {
    const prod = await check('kubectl delete deployment web', { kubeContext: 'prod-eu-1' });
    expect(prod.assessment.environment).toBe('production');
    expect(prod.decision.outcome).toBe('require-approval');
    expect(prod.assessment.environmentHints).toContainEqual({ source: 'kube context', value: 'prod-eu-1' });

    const dev = await check('kubectl delete deployment web', { kubeContext: 'kind-dev' });
    expect(dev.assessment.environment).toBe('non-production');
    expect(dev.decision.outcome).toBe('ask');
  });

  it('lets --context override the current context, and the current context win for helm too', async () => {
    const flagged = await check('kubectl --context staging-eu delete deployment web', {
      kubeContext: 'prod-eu-1',
    });
    expect(flagged.assessment.environment).toBe('non-production');
    const helm = await check('helm uninstall web', { kubeContext: 'prod-eu-1' });
    expect(helm.assessment.environment).toBe('production');
  });

  it('ignores the current context when the command chooses another kubeconfig', async () => {
    const r = await check('kubectl --kubeconfig ./cluster.yaml delete deployment web', {
      kubeContext: 'kind-dev',
    });
    expect(r.assessment.environment).toBe('unknown');
    expect(r.decision.outcome).toBe('require-approval');
  });

  it('does not take the home directory in a kubeconfig path for an environment', async () => {
    // HOME is /home/dev in tests: "dev" must not make this non-production.
    const r = await check('kubectl --kubeconfig ~/.kube/config delete deployment web');
    expect(r.assessment.environment).toBe('unknown');
  });

  it('reports categories policies can use', async () => {
    const cases: [string, string][] = [
      ['kubectl delete ns shop', 'namespace'],
      ['kubectl delete pvc data-0', 'volume'],
      ['kubectl delete secret tls', 'secret'],
      ['kubectl delete pod web-0', 'pod'],
      ['kubectl drain node-1', 'node'],
      ['helm uninstall web', 'release'],
      ['kubectl delete rolebinding admins', 'iam'],
    ];
    await expectCategories(cases);
  });

  it('grades deletions by what is lost', async () => {
    const risk = async (command: string) => (await check(command)).assessment.risk;
    expect(await risk('kubectl delete pod web-0')).toBe('medium');
    expect(await risk('kubectl delete pod web-0 --force --grace-period=0')).toBe('high');
    expect(await risk('kubectl delete deployment web')).toBe('high');
    expect(await risk('kubectl delete deployment --all')).toBe('critical');
    expect(await risk('kubectl delete ns web')).toBe('critical');
    expect(await risk('kubectl delete events --all')).toBe('low');
  });

  it('reads every resource form: type/name, type name…, type1,type2 name', async () => {
    const targets = async (command: string) => (await check(command)).assessment.effects.map((e) => e.target);
    expect(await targets('kubectl delete deploy/a svc/b')).toEqual(['deployment/a', 'service/b']);
    expect(await targets('kubectl delete pods a b')).toEqual(['pod/a', 'pod/b']);
    expect(await targets('kubectl delete svc,deploy web')).toEqual(['service/web', 'deployment/web']);
    expect(await targets('kubectl delete deployment.apps/web -n shop')).toEqual(['deployment/web -n shop']);
  });

  it('treats kubectl exec itself as harmless and judges what it runs', async () => {
    const r = await check('kubectl exec -n staging api-0 -- ls /');
    expect(r.assessment.destructive).toBe(false);
    expect(r.assessment.effects.filter((e) => e.tool === 'kubectl')).toEqual([]);
  });

  it('finds the objects of a manifest given on a here-document', async () => {
    const r = await check(
      'kubectl delete -f - <<EOF\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop-prod\n---\nkind: Service\nmetadata:\n  name: api\nEOF',
    );
    expect(r.assessment.effects.map((e) => e.target)).toEqual(['deployment/api -n shop-prod', 'service/api']);
    expect(r.assessment.environment).toBe('production');
  });

  it('marks a computed subcommand as unverifiable', async () => {
    const r = await check('kubectl $VERB ns prod');
    expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
    expect(r.decision.outcome).toBe('deny');
  });
});

describe('kubectl cp into a pod', () => {
  // Replacing a running container's start script was a low change, allowed in production.
  it('is a medium change placed like the workload; copying out only reads', async () => {
    const into = await check('kubectl cp -n production evil.sh api-0:/app/start.sh');
    expect(into.assessment.environment).toBe('production');
    expect(into.decision.outcome).toBe('require-approval');
    const out = await check('kubectl cp production/api-0:/var/log/app.log ./app.log');
    expect(out.decision.outcome).toBe('allow');
  });
});
