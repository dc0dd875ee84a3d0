import type { Analyzer } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { aws } from './aws.js';
import { az } from './azure.js';
import { gcloud } from './gcloud.js';
import { gsutil } from './gsutil.js';
import { openstack } from './openstack.js';

/**
 * The cloud CLIs: aws, gcloud, gsutil, az and openstack. Each reads the variables that choose its own
 * account or project (AWS_PROFILE, CLOUDSDK_CORE_PROJECT, AZURE_SUBSCRIPTION_ID, OS_CLOUD…) itself, and
 * only when no flag overrides them, so that one tool's variable never places another tool's effect.
 */
export const cloudAnalyzer = (sql: SqlParser): Analyzer => ({
  family: 'cloud',
  commands: ['aws', 'gcloud', 'gsutil', 'az', 'openstack'],
  local: false,
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'aws':
        return aws(inv, sql);
      case 'gcloud':
        return gcloud(inv, sql);
      case 'gsutil':
        return gsutil(inv);
      case 'az':
        return az(inv);
      case 'openstack':
        return openstack(inv);
    }
    return [];
  },
});
