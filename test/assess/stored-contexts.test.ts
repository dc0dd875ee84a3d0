import { describe, expect, it } from 'vitest';
import { riskRank, type ActionFacts, type EnvironmentClass, type Effect } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// A CLI keeps the context, project, subscription or workspace selected in its own configuration: after
// `kubectl config use-context prod-cluster`, every later kubectl (and helm) call of the line acts there, as
// `--context prod-cluster` would make it. These were read as if each command stood alone: unknown.

type Facts = Partial<ActionFacts>;
const rank = (e: Effect) => riskRank(e.riskInProduction ?? e.risk);
const EDGE_DEV: Facts = { kubeContext: 'dev-cluster', terraformWorkspace: 'dev' };
const EDGE_PROD: Facts = { kubeContext: 'prod-cluster', terraformWorkspace: 'prod' };

const CASES: readonly (readonly [string, EnvironmentClass, Facts?])[] = [
  // kubectl and the tools that select its context or namespace; helm follows kubectl's context.
  ['kubectl config use-context prod-cluster && kubectl scale deploy/billing --replicas=0', 'production'],
  ['kubectl config use prod-cluster; kubectl delete deploy billing', 'production'],
  ['kubectx prod-cluster && kubectl delete namespace billing', 'production'],
  ['kubectl ctx prod-cluster && kubectl delete pod api-0', 'production'],
  ['kubectl config use-context prod-cluster && helm uninstall billing', 'production'],
  ['kubens prod && kubectl delete pod api-0', 'production'],
  ['kubectl config set-context --current --namespace=prod && kubectl delete pod api-0', 'production'],
  ['oc project prod && oc delete pod api-0', 'production'],
  ['oc login https://api.prod.example.com:6443 && oc delete pod api-0', 'production'],
  ['kubectl config use-context dev-cluster && kubectl delete pod api-0', 'non-production', EDGE_PROD],
  // The clouds' get-credentials make the cluster's context current.
  ['aws eks update-kubeconfig --name prod-cluster && kubectl delete deploy billing', 'production'],
  ['aws eks update-kubeconfig --name x --alias prod-eks && kubectl delete deploy billing', 'production'],
  [
    'gcloud container clusters get-credentials prod-cluster --zone us-east1-b && helm uninstall billing',
    'production',
  ],
  ['az aks get-credentials -n prod-cluster -g rg && kubectl delete deploy billing', 'production'],
  [
    'gcloud container clusters get-credentials --zone us-east1-b dev-1 && kubectl delete pod api-0',
    'non-production',
  ],
  ['aws eks update-kubeconfig --name prod-cluster --kubeconfig ./kc && kubectl delete pod api-0', 'unknown'],
  // A later selection wins; a new context brings its own namespace.
  ['kubectx prod-cluster && kubectx dev-cluster && kubectl delete pod api-0', 'non-production'],
  ['kubens prod && kubectx dev-cluster && kubectl delete pod api-0', 'non-production'],
  // The configuration is a file: a subshell or a shell the line starts changes it for the rest of the line.
  ['(kubectl config use-context prod-cluster) && kubectl delete pod api-0', 'production'],
  ["bash -c 'kubectl config use-context prod-cluster'; kubectl delete pod api-0", 'production'],
  // Only the run can tell: unknown, never the context the edge saw.
  ['kubectl config use-context "$CTX" && kubectl delete pod api-0', 'unknown', EDGE_DEV],
  ['kubectx - && kubectl delete pod api-0', 'unknown', EDGE_DEV],
  // A selection after the command, in another kubeconfig, or on another machine does not place it.
  ['kubectl delete pod api-0 && kubectl config use-context prod-cluster', 'unknown'],
  ['kubectl delete pod api-0 && kubectl config use-context dev-cluster', 'unknown'],
  ['KUBECONFIG=other.yaml kubectl config use-context dev-cluster && kubectl delete pod api-0', 'unknown'],
  ['ssh bastion kubectl config use-context dev-cluster && kubectl delete pod api-0', 'unknown'],
  // gcloud: the project or configuration; CLOUDSDK_CORE_PROJECT, when set, still wins (gcloud's precedence).
  ['gcloud config set project billing-prod && gcloud sql instances delete billing-db', 'production'],
  ['gcloud config set core/project billing-prod; gcloud sql instances delete billing-db', 'production'],
  ['gcloud config configurations activate prod && gcloud sql instances delete billing-db', 'production'],
  [
    'gcloud config set project billing-dev && gcloud sql instances delete billing-db',
    'production',
    { env: { CLOUDSDK_CORE_PROJECT: 'billing-prod' } },
  ],
  [
    'gcloud config set project billing-prod --configuration other && gcloud sql instances delete x',
    'unknown',
  ],
  // az keeps its own subscription (it ignores AZURE_SUBSCRIPTION_ID).
  ['az account set --subscription billing-prod && az group delete -n billing-rg --yes', 'production'],
  [
    'az account set -s "$SUB" && az group delete -n billing-rg --yes',
    'unknown',
    { env: { AZURE_SUBSCRIPTION_ID: 'billing-dev' } },
  ],
  // Terraform and OpenTofu: the workspace selected in the directory.
  ['terraform workspace select prod && terraform destroy -auto-approve', 'production'],
  ['terraform workspace new prod && terraform destroy -auto-approve', 'production'],
  ['tofu workspace select prod && tofu destroy -auto-approve', 'production'],
  ['terraform workspace select "$WS" && terraform destroy -auto-approve', 'unknown', EDGE_DEV],
  ['terraform destroy -auto-approve && terraform workspace select prod', 'unknown'],
];

const HARMLESS = [
  'kubectl config use-context prod-cluster',
  'kubectx prod-cluster',
  'kubens prod',
  'oc project prod',
  'gcloud config set project billing-prod',
  'az account set --subscription billing-prod',
  'terraform workspace select prod',
  'kubectl config use-context prod-cluster && kubectl get pods',
  'aws eks update-kubeconfig --name prod-cluster',
  'gcloud container clusters get-credentials prod-cluster --zone us-east1-b',
] as const;

describe('a context a CLI keeps, selected earlier in the line', () => {
  for (const [line, environment, facts = {}] of CASES)
    it(`${line} is placed ${environment}`, async () => {
      const result = await check(line, facts);
      // The call acted on, not the selection (a local change, placed where it selects).
      const acted = result.assessment.effects.reduce((a, b) => (rank(b) > rank(a) ? b : a));
      expect(acted.environment, JSON.stringify(result.assessment.effects)).toBe(environment);
      if (environment === 'production')
        expect(['require-approval', 'deny']).toContain(result.decision.outcome);
    });

  it('a dev context selected first makes a routine deletion routine', async () => {
    const line = 'kubectl config use-context dev-cluster && kubectl delete pod api-0';
    expect((await check(line, EDGE_PROD)).decision.outcome).toBe('allow');
    expect((await check('kubectl delete pod api-0', EDGE_PROD)).decision.outcome).not.toBe('allow');
  });

  it.each(HARMLESS)('%s is allowed', async (line) => {
    expect((await check(line)).decision.outcome).toBe('allow');
  });
});
