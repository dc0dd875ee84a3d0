import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Argo CD (src/analyzers/kubernetes/argocd.ts) was an unrecognised program: `argocd app sync payments --prune
// --argocd-context prod` (live resources not in Git deleted) was allowed, and `argocd app delete` was judged by
// its word "delete" only, medium. Where it lands is read from the server, the Argo CD context and the names.

const SERVER = '--server argocd.prod.acme.io --grpc-web';

describe('argocd destroying or replacing in production is not allowed', () => {
  it.each([
    ['argocd app delete payments-prod --yes', 'critical'],
    [`argocd app delete payments ${SERVER} -y`, 'critical'],
    ['argocd app delete payments --cascade --argocd-context prod', 'critical'],
    ['argocd app delete payments --cascade=false --argocd-context prod -y', 'medium'],
    ['argocd app sync payments --prune --argocd-context prod', 'high'],
    [`argocd app sync payments-prod --force --replace`, 'high'],
    ['ARGOCD_SERVER=argocd.prod.acme.io argocd app sync payments --prune', 'high'],
    ['argocd app rollback payments-prod 12', 'medium'],
    ['argocd app delete-resource payments-prod --kind Deployment --resource-name api', 'high'],
    ['argocd appset delete payments-prod', 'high'],
    ['argocd proj delete payments --argocd-context prod', 'high'],
    ['argocd cluster rm https://prod-eu1.k8s.acme.io', 'high'],
    ['argocd repo rm https://github.com/acme/deploy --argocd-context prod', 'high'],
    ['argocd account generate-token --account ci --argocd-context prod', 'medium'],
    ['argocd account update-password --account admin --argocd-context prod', 'medium'],
  ])('%s: %s', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
    expect(r.assessment.environment).toBe('production');
  });

  it('an unlisted subcommand in production is unverifiable', async () => {
    const r = await check('argocd admin import --argocd-context prod');
    expect(r.decision.outcome).toBe('deny');
  });
});

describe('argocd reading, and routine changes, are allowed', () => {
  it.each([
    'argocd app list --argocd-context prod',
    `argocd app get payments-prod --refresh ${SERVER}`,
    'argocd app diff payments-prod',
    'argocd app history payments-prod',
    'argocd app manifests payments-prod --source live',
    'argocd app logs payments-prod --kind Deployment --name api -f',
    'argocd app resources payments-prod',
    'argocd cluster list --argocd-context prod',
    'argocd repo list',
    'argocd proj list',
    'argocd proj get payments',
    'argocd version --client',
    'argocd login argocd.prod.acme.io --sso --grpc-web',
    'argocd context prod',
    'argocd account get-user-info --argocd-context prod',
    'argocd app sync payments-prod --dry-run',
    'argocd app sync payments-prod --preview-changes --prune',
    'argocd app sync payments-prod',
    // A weak name never lowers: staging is known from the context.
    'argocd app sync payments-staging --prune --force --argocd-context stg-eu1',
    'argocd app terminate-op payments-prod',
    'argocd app set payments-staging --revision v1.4.2',
    'argocd app delete payments-dev --argocd-context kind-dev -y',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toMatch(/deny|require-approval/);
  });

  it.each([
    ['argocd app sync payments-prod', 'low'],
    ['argocd app set payments-prod --revision v1.4.2', 'low'],
    [
      'argocd app patch payments-prod --patch \'{"spec":{"source":{"targetRevision":"v2"}}}\' --type merge',
      'low',
    ],
    ['argocd app terminate-op payments-prod', 'low'],
    ['argocd app list', 'none'],
  ])('%s: %s', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });
});
