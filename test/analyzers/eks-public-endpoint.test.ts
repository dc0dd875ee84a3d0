import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// An EKS cluster's Kubernetes API opened to the whole internet (src/analyzers/cloud/exposure.ts) was a
// low-risk "cluster config" change, allowed in production. Closing it, or opening it to named networks,
// stays routine.

describe("an EKS cluster's API opened to the internet in production is not allowed", () => {
  it.each([
    'aws eks update-cluster-config --name prod-eu1 --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=0.0.0.0/0',
    'aws eks update-cluster-config --name prod-eu1 --resources-vpc-config endpointPublicAccess=true --profile prod',
    `aws eks update-cluster-config --name prod-eu1 --resources-vpc-config '{"endpointPublicAccess":true,"publicAccessCidrs":["0.0.0.0/0"]}'`,
    'aws eks update-cluster-config --name=prod-eu1 --resources-vpc-config=publicAccessCidrs=0.0.0.0/0 --region eu-west-1',
    'aws eks create-cluster --name prod-us1 --role-arn arn:aws:iam::1:role/eks --resources-vpc-config subnetIds=subnet-1,subnet-2,endpointPublicAccess=true,publicAccessCidrs=::/0 --profile prod',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.environment).toBe('production');
  });

  it.each([
    'aws eks update-cluster-config --name prod-eu1 --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false',
    'aws eks update-cluster-config --name prod-eu1 --resources-vpc-config endpointPrivateAccess=true',
    'aws eks update-cluster-config --name prod-eu1 --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=203.0.113.0/24',
    'aws eks update-cluster-config --name prod-eu1 --logging \'{"clusterLogging":[{"types":["api","audit"],"enabled":true}]}\'',
    'aws eks describe-cluster --name prod-eu1 --query cluster.resourcesVpcConfig',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
