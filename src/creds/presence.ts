import type { CredentialFile, Found } from './types.js';

// Credential stores whose contents are not read: their presence is the finding. gcloud's credentials.db
// and Azure's token caches are databases of tokens; an SSH private key reaches whatever trusts it, which
// nothing on this machine says (infra reach unknown).

const DETAIL: Partial<Record<CredentialFile['kind'], { kind: string; detail: string }>> = {
  'gcloud-credentials-db': { kind: 'gcloud-login', detail: 'gcloud auth login tokens (credentials.db)' },
  'azure-tokens': { kind: 'azure-login', detail: 'Azure CLI token cache' },
  'ssh-key': { kind: 'ssh-key', detail: 'SSH private key; which hosts trust it is unknown' },
};

export function presentStores(file: CredentialFile): Found[] {
  const known = DETAIL[file.kind];
  if (!known) return [];
  const name = file.path.split('/').pop() ?? file.path;
  return [{ kind: known.kind, source: file.path, name, hints: [], powerNames: [], detail: known.detail }];
}
