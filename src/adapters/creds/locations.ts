import { delimiter, join } from 'node:path';
import type { CredentialFileKind } from '../../creds/types.js';

// Where each tool keeps its credentials, honouring the variables that move them (AWS_SHARED_CREDENTIALS_FILE,
// KUBECONFIG, PGPASSFILE, CLOUDSDK_CONFIG, DOCKER_CONFIG, GH_CONFIG_DIR, AZURE_CONFIG_DIR…), as the tools do.

export interface Location {
  kind: CredentialFileKind;
  path: string;
  /** Read the text (a parser looks inside) or only note that the file is there. */
  read: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

export function credentialLocations(env: Env, home: string): Location[] {
  const config = env.XDG_CONFIG_HOME || join(home, '.config');
  const gcloud = env.CLOUDSDK_CONFIG || join(config, 'gcloud');
  const azure = env.AZURE_CONFIG_DIR || join(home, '.azure');
  const kubeconfigs = (env.KUBECONFIG || join(home, '.kube', 'config')).split(delimiter).filter(Boolean);
  const at = (kind: CredentialFileKind, path: string, read = true): Location => ({ kind, path, read });
  return [
    at('aws-credentials', env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
    at('aws-config', env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    ...kubeconfigs.map((path) => at('kubeconfig', path)),
    at('pgpass', env.PGPASSFILE || join(home, '.pgpass')),
    at('netrc', env.NETRC || join(home, '.netrc')),
    at('gcloud-adc', join(gcloud, 'application_default_credentials.json')),
    ...(env.GOOGLE_APPLICATION_CREDENTIALS ? [at('gcloud-key', env.GOOGLE_APPLICATION_CREDENTIALS)] : []),
    at('gcloud-credentials-db', join(gcloud, 'credentials.db'), false),
    at('docker-config', join(env.DOCKER_CONFIG || join(home, '.docker'), 'config.json')),
    at('terraform-credentials', join(home, '.terraform.d', 'credentials.tfrc.json')),
    at('gh-hosts', join(env.GH_CONFIG_DIR || join(config, 'gh'), 'hosts.yml')),
    at('azure-profile', join(azure, 'azureProfile.json')),
    ...[
      'msal_token_cache.json',
      'msal_token_cache.bin',
      'accessTokens.json',
      'service_principal_entries.json',
    ].map((name) => at('azure-tokens', join(azure, name), false)),
  ];
}
