import type { Analyzer } from './analyzer.js';
import { cdk } from './iac/cdk.js';
import { pulumi } from './iac/pulumi.js';
import { sam, serverless } from './iac/serverless.js';
import { sst } from './iac/sst.js';
import { terraform } from './iac/terraform.js';
import { terragrunt } from './iac/terragrunt.js';

/**
 * Infrastructure as code: terraform/tofu/terragrunt, pulumi, AWS CDK and cdktf, SAM, Serverless, SST.
 * Whole-stack destruction is critical; an apply without a saved plan is marked 'unplanned-apply'.
 */
export const iacAnalyzer: Analyzer = {
  family: 'iac',
  commands: [
    'terraform',
    'tofu',
    'tflocal',
    'terragrunt',
    'pulumi',
    'cdk',
    'aws-cdk',
    'cdklocal',
    'cdktf',
    'sam',
    'serverless',
    'sls',
    'sst',
  ],
  local: false,
  // TF_WORKSPACE is added by the terraform analyzer itself, for terraform, tofu and terragrunt only.
  environmentVariables: ['AWS_PROFILE', 'ARM_SUBSCRIPTION_ID', 'GOOGLE_PROJECT'],
  analyze(inv) {
    switch (inv.name) {
      case 'terraform':
      case 'tofu':
      case 'tflocal':
        return terraform(inv);
      case 'terragrunt':
        return terragrunt(inv);
      case 'pulumi':
        return pulumi(inv);
      case 'cdk':
      case 'aws-cdk':
      case 'cdklocal':
      case 'cdktf':
        return cdk(inv);
      case 'sam':
        return sam(inv);
      case 'serverless':
      case 'sls':
        return serverless(inv);
      case 'sst':
        return sst(inv);
    }
    return [];
  },
};
