import { createHash } from 'node:crypto';
import type { ActionFacts } from '../core/types.js';
import { canonicalJson, sha256Hex } from '../store/canonical.js';
import type { ActionView } from './api.js';

// An approval is bound to a digest of the canonical action: the command text, the directory it runs in,
// and the facts that decide where it lands (Terraform workspace, kube context, host, and the environment
// variables that select accounts, clusters, databases and stacks). Change any of them and it is another
// action, which needs its own approval. A plan file is bound to its content.

/** Variables that choose where a command lands. Their values enter the digest (hashed), never the request. */
const PLACEMENT_PREFIXES =
  /^(AWS_|AZURE_|ARM_|CLOUDSDK_|GOOGLE_|GCLOUD_|GCP_|KUBE|HELM_|TF_|TG_|TERRAGRUNT_|PULUMI_|CDK_|SAM_|SERVERLESS|SLS_|PG|MYSQL|MARIADB|MONGO|REDIS|DATABASE|DB_|DOCKER_|COMPOSE_|NOMAD_|CONSUL_|VAULT_|ANSIBLE_|HEROKU_|FLY_|VERCEL_|NETLIFY_|DIGITALOCEAN_|CLOUDFLARE_|CF_|SUPABASE_|FIREBASE_|OCI_|IBMCLOUD_|ALIBABA_CLOUD_|SNOWFLAKE_|DATABRICKS_)/;
const PLACEMENT_WORDS =
  /(PROFILE|CONTEXT|REGION|ACCOUNT|CLUSTER|NAMESPACE|WORKSPACE|SUBSCRIPTION|PROJECT|STAGE|TENANT|ENVIRONMENT|_ENV$|^ENV$|_HOST$|_URL$|_URI$|_DSN$)/;

const hashed = new Map<string, string>();

/** The variables of `env` that can change where a command lands, name → sha256 of the value. */
function placementVariables(env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (typeof value !== 'string') continue;
    if (!PLACEMENT_PREFIXES.test(name) && !PLACEMENT_WORDS.test(name)) continue;
    // A batch hashes the same few values thousands of times: remember them (by value, never by object).
    let digest = hashed.get(value);
    if (digest === undefined) {
      digest = createHash('sha256').update(value, 'utf8').digest('hex');
      if (hashed.size >= 4096) hashed.clear();
      hashed.set(value, digest);
    }
    out[name] = digest;
  }
  return out;
}

/** sha256 over the canonical JSON of anything: the same action always gives the same digest. */
export function actionDigest(canonical: unknown): string {
  return sha256Hex(canonicalJson(canonical));
}

/** A shell command as the server sees it, and its digest. */
export function shellAction(
  command: string,
  facts: ActionFacts,
  plans: readonly { path: string; sha256?: string }[] = [],
): { action: ActionView; digest: string } {
  const action: ActionView = { kind: 'shell', command, cwd: facts.cwd };
  if (facts.host) action.host = facts.host;
  if (facts.kubeContext) action.kubeContext = facts.kubeContext;
  if (facts.terraformWorkspace) action.terraformWorkspace = facts.terraformWorkspace;
  const digest = actionDigest({
    v: 1,
    kind: 'shell',
    command,
    cwd: facts.cwd,
    host: facts.host ?? null,
    kubeContext: facts.kubeContext ?? null,
    terraformWorkspace: facts.terraformWorkspace ?? null,
    env: placementVariables(facts.env),
    // `terraform apply tfplan`: the approval is for that plan's exact bytes; a re-planned file is a new request.
    ...(plans.length ? { plans: plans.map((p) => ({ path: p.path, sha256: p.sha256 ?? null })) } : {}),
  });
  return { action, digest };
}

/** A plan file (Terraform/OpenTofu, CloudFormation change set): bound to the sha256 of its content. */
export function planAction(
  file: string,
  sha256: string,
  context: { environment?: string; workspace?: string; kind?: string } = {},
): { action: ActionView; digest: string } {
  const kind = context.kind ?? 'plan';
  const action: ActionView = { kind, file, sha256 };
  if (context.workspace) action.terraformWorkspace = context.workspace;
  const digest = actionDigest({
    v: 1,
    kind,
    sha256,
    environment: context.environment ?? null,
    workspace: context.workspace ?? null,
  });
  return { action, digest };
}
