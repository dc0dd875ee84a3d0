import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Flux (src/analyzers/kubernetes/flux.ts) was an unrecognised program: `flux uninstall --context prod-eu1`
// (Flux and its controllers removed from the cluster) was allowed, and its --context was not read.

describe('flux removing GitOps or what it applied in production is not allowed', () => {
  it.each([
    'flux uninstall --context prod-eu1 --silent',
    'flux uninstall --keep-namespace --silent --context=prod-eu1',
    'flux --context prod-eu1 uninstall -s',
    'flux delete kustomization apps-production --context prod-eu1 --silent',
    'flux delete ks apps -n flux-system --context prod-eu1 --silent',
    'flux delete helmrelease postgres -n databases --context prod-eu1 --silent',
    'flux delete hr api -n production --silent',
    'flux delete source git platform --context prod-eu1 --silent',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.environment).toBe('production');
  });

  it('through the edge’s current kube context too', async () => {
    const r = await check('flux uninstall --silent', { kubeContext: 'prod-eu1' });
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'flux get kustomizations -A --context prod-eu1',
    'flux get helmreleases -n production --context prod-eu1',
    'flux reconcile kustomization apps --with-source --context prod-eu1',
    'flux reconcile hr api -n production --context prod-eu1',
    'flux check --context prod-eu1',
    'flux check --pre',
    'flux logs --level=error --context prod-eu1',
    'flux suspend kustomization apps --context prod-eu1',
    'flux resume kustomization apps --context prod-eu1',
    'flux diff kustomization apps --path ./clusters/prod --context prod-eu1',
    'flux uninstall --dry-run --context prod-eu1',
    'flux create source git platform --url=https://github.com/acme/platform --branch=main --export',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
