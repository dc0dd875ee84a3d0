import { parse } from 'yaml';
import { z } from 'zod';
import { weakHint, type CredentialFile, type Found } from './types.js';

// The JSON and YAML credential files: gcloud application default credentials and service account keys,
// docker's config.json, Terraform's credentials.tfrc.json, gh's hosts.yml and the Azure CLI's subscriptions. Each keeps only the type,
// the account or host names, and the project: never a key, token or `auth` value.

/** JSON is YAML, so one parser reads both; a file that does not parse yields nothing. */
function read<T extends z.ZodType>(file: CredentialFile, schema: T): z.infer<T> | undefined {
  if (file.text === undefined) return undefined;
  try {
    // The Azure CLI writes its JSON with a byte-order mark.
    const parsed = schema.safeParse(parse(file.text.replace(/^\uFEFF/, '')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const GoogleCredentials = z.object({
  type: z.string().optional(),
  client_email: z.string().optional(),
  project_id: z.string().optional(),
  quota_project_id: z.string().optional(),
  service_account_impersonation_url: z.string().optional(),
});

export function googleCredentials(file: CredentialFile): Found[] {
  if (file.kind !== 'gcloud-adc' && file.kind !== 'gcloud-key') return [];
  const c = read(file, GoogleCredentials);
  if (!c) return [];
  const project = c.project_id ?? c.quota_project_id;
  // The account a credential impersonates is the one that acts: `…/serviceAccounts/NAME@…:generateAccessToken`.
  const impersonated = /serviceAccounts\/([^:/]+)/.exec(c.service_account_impersonation_url ?? '')?.[1];
  const account = impersonated ?? c.client_email;
  return [
    {
      kind: file.kind === 'gcloud-adc' ? 'gcloud-adc' : 'gcloud-key',
      source: file.path,
      name: account ?? project ?? c.type ?? 'google credentials',
      hints: [
        ...(project ? [{ source: 'gcp project', value: project }] : []),
        ...(account ? [weakHint('gcp account', account)] : []),
      ],
      powerNames: account ? [account.split('@')[0]!] : [],
      detail: `${c.type ?? 'google'} credentials${impersonated ? ` impersonating ${impersonated}` : ''}`,
    },
  ];
}

const DockerConfig = z.object({
  auths: z.record(z.string(), z.object({}).passthrough()).optional(),
  credsStore: z.string().optional(),
  credHelpers: z.record(z.string(), z.string()).optional(),
});

const registryHost = (key: string) => key.replace(/^https?:\/\//, '').split('/')[0] ?? key;

export function dockerLogins(file: CredentialFile): Found[] {
  if (file.kind !== 'docker-config') return [];
  const c = read(file, DockerConfig);
  if (!c) return [];
  const helpers = c.credHelpers ?? {};
  const registries = new Set([...Object.keys(c.auths ?? {}), ...Object.keys(helpers)]);
  return [...registries].map((registry) => {
    const stored = Object.keys(c.auths?.[registry] ?? {}).some((k) => k === 'auth' || k === 'identitytoken');
    const helper = helpers[registry] ?? c.credsStore;
    return {
      kind: 'docker-registry',
      source: file.path,
      name: registryHost(registry),
      hints: [{ source: 'registry', value: registryHost(registry) }],
      powerNames: [],
      detail: stored ? 'login stored in the file' : `login in credential helper ${helper ?? '?'}`,
    };
  });
}

const TerraformCredentials = z.object({ credentials: z.record(z.string(), z.unknown()).optional() });

export function terraformTokens(file: CredentialFile): Found[] {
  if (file.kind !== 'terraform-credentials') return [];
  const c = read(file, TerraformCredentials);
  return Object.keys(c?.credentials ?? {}).map((host) => ({
    kind: 'terraform-token',
    source: file.path,
    name: host,
    hints: [{ source: 'host', value: host }],
    powerNames: [],
    detail: 'API token',
  }));
}

const GhHosts = z.record(z.string(), z.object({ user: z.string().optional() }).passthrough());

export function ghLogins(file: CredentialFile): Found[] {
  if (file.kind !== 'gh-hosts') return [];
  const c = read(file, GhHosts);
  return Object.entries(c ?? {}).map(([host, entry]) => ({
    kind: 'gh-login',
    source: file.path,
    name: `${entry.user ?? '?'}@${host}`,
    hints: [{ source: 'host', value: host }],
    powerNames: [],
    detail: 'oauth_token' in entry ? 'OAuth token in the file' : 'OAuth token (in the keyring)',
  }));
}

const AzureProfile = z.object({
  subscriptions: z
    .array(
      z.object({
        name: z.string(),
        isDefault: z.boolean().optional(),
        user: z.object({ name: z.string().optional(), type: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

/** Each subscription the Azure CLI is logged in to: its name places it (`Contoso-Prod`). */
export function azureSubscriptions(file: CredentialFile): Found[] {
  if (file.kind !== 'azure-profile') return [];
  return (read(file, AzureProfile)?.subscriptions ?? []).map((s) => ({
    kind: 'azure-subscription',
    source: file.path,
    name: s.name,
    hints: [{ source: 'azure subscription', value: s.name }],
    powerNames: [],
    detail: `Azure CLI login${s.user?.type ? ` as ${s.user.type}` : ''}${s.isDefault ? ' (the default subscription)' : ''}`,
  }));
}
