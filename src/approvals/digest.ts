import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { ShellInputs } from '../assess/inputs.js';
import type { ActionFacts, FileFacts } from '../core/types.js';
import { canonicalJson, sha256Hex } from '../store/canonical.js';
import type { ActionView } from './api.js';

// An approval is bound to a digest of the canonical action: the command text, the directory it runs in
// (as given, and resolved through symlinks), the facts that decide where it lands (Terraform workspace,
// kube context, host, and the environment variables that select accounts, clusters, databases and
// stacks), the variables the command and the scripts it runs refer to, and the content of every file it
// may read (manifests, SQL, scripts, kubeconfigs, Makefiles, terraform's .tf files…). Change any of them
// and it is another action, which needs its own approval. A plan file is bound to its content.

/** Variables that choose where a command lands. Their values enter the digest (hashed), never the request. */
const PLACEMENT_PREFIXES =
  /^(AWS_|AZURE_|ARM_|CLOUDSDK_|GOOGLE_|GCLOUD_|GCP_|KUBE|HELM_|TF_|TG_|TERRAGRUNT_|PULUMI_|CDK_|SAM_|SERVERLESS|SLS_|PG|MYSQL|MARIADB|MONGO|REDIS|DATABASE|DB_|DOCKER_|COMPOSE_|NOMAD_|CONSUL_|VAULT_|ANSIBLE_|HEROKU_|FLY_|VERCEL_|NETLIFY_|DIGITALOCEAN_|CLOUDFLARE_|CF_|SUPABASE_|FIREBASE_|OCI_|IBMCLOUD_|ALIBABA_CLOUD_|SNOWFLAKE_|DATABRICKS_)/;
const PLACEMENT_WORDS =
  /(PROFILE|CONTEXT|REGION|ACCOUNT|CLUSTER|NAMESPACE|WORKSPACE|SUBSCRIPTION|PROJECT|STAGE|TENANT|ENVIRONMENT|_ENV$|^ENV$|_HOST$|_URL$|_URI$|_DSN$)/;

const hashed = new Map<string, string>();

/** sha256 of a variable's value: values enter the digest, never the request or the log. */
function hashValue(value: string): string {
  // A batch hashes the same few values thousands of times: remember them (by value, never by object).
  let digest = hashed.get(value);
  if (digest === undefined) {
    digest = createHash('sha256').update(value, 'utf8').digest('hex');
    if (hashed.size >= 4096) hashed.clear();
    hashed.set(value, digest);
  }
  return digest;
}

/** The variables of `env` that can change where a command lands, name → sha256 of the value. */
function placementVariables(env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (typeof value !== 'string') continue;
    if (!PLACEMENT_PREFIXES.test(name) && !PLACEMENT_WORDS.test(name)) continue;
    out[name] = hashValue(value);
  }
  return out;
}

/** $NAME, ${NAME}, ${#NAME}, ${!NAME}: the variables a command text refers to, in any quoting. */
const REFERENCE = /\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*)/g;
/** Variables every shell sets for itself, whose values say nothing about what a command does. */
const SHELL_OWN = new Set([
  '_',
  'OLDPWD',
  'SHLVL',
  'RANDOM',
  'SRANDOM',
  'SECONDS',
  'LINENO',
  'BASHPID',
  'EPOCHSECONDS',
  'EPOCHREALTIME',
]);
const MAX_VARIABLES = 1024;

/** name → sha256 of the value, or null when it is not set (setting it later is a change too). */
function referencedValues(
  names: Iterable<string>,
  env: Readonly<Record<string, string>>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  let count = 0;
  for (const name of names) {
    if (SHELL_OWN.has(name) || name in out) continue;
    if (++count > MAX_VARIABLES) break;
    const value = env[name];
    out[name] = typeof value === 'string' ? hashValue(value) : null;
  }
  return out;
}

/** Bytes hashed for one action at most; files past it are bound to their identity and change times. */
const HASH_BUDGET = 64 * 1024 * 1024;
/** Files fingerprinted for one action at most; past it, the names a pattern matches are bound. */
const MAX_FILES = 2048;

/** A shell pattern's last component as a regular expression (`*` and `?` do not match a leading dot). */
function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  try {
    return new RegExp(`^${glob.startsWith('.') ? '' : '(?!\\.)'}${re}$`);
  } catch {
    // a class the shell would take literally ([z-a]): the name itself
    return new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  }
}

/**
 * The content of what the command may read: path → what the edge found there, and the variables those
 * files refer to. A pattern binds every name it matches now (a manifest added to the folder is a change).
 */
function boundFiles(
  inputs: ShellInputs,
  files: FileFacts,
): { files: Record<string, string>; variables: string[] } {
  const out: Record<string, string> = {};
  const variables: string[] = [];
  let budget = HASH_BUDGET;
  let count = 0;
  const bind = (path: string) => {
    if (path in out) return;
    if (++count > MAX_FILES) {
      out[path] = 'unread';
      return;
    }
    const found = files.fingerprint(path, budget);
    budget -= found.hashed;
    out[path] = found.digest;
    variables.push(...found.variables);
  };
  for (const path of inputs.paths) bind(path);
  for (const pattern of inputs.patterns) {
    const dir = posix.dirname(pattern);
    const match = globRegex(posix.basename(pattern));
    for (const name of files.list(dir)) if (match.test(name)) bind(posix.join(dir, name));
  }
  return { files: out, variables };
}

/** sha256 over the canonical JSON of anything: the same action always gives the same digest. */
export function actionDigest(canonical: unknown): string {
  return sha256Hex(canonicalJson(canonical));
}

/** A shell command as the server sees it, and its digest. */
export function shellAction(
  command: string,
  facts: ActionFacts,
  bound: {
    /** `terraform apply tfplan`: the approval is for that plan's exact bytes; a re-planned file is a new request. */
    plans?: readonly { path: string; sha256?: string }[];
    /** What the assessment found the command may read; bound by content when the edge can read files. */
    inputs?: ShellInputs;
  } = {},
): { action: ActionView; digest: string } {
  const action: ActionView = { kind: 'shell', command, cwd: facts.cwd };
  if (facts.host) action.host = facts.host;
  if (facts.kubeContext) action.kubeContext = facts.kubeContext;
  if (facts.terraformWorkspace) action.terraformWorkspace = facts.terraformWorkspace;
  const read = bound.inputs && facts.files ? boundFiles(bound.inputs, facts.files) : undefined;
  const names = [...command.matchAll(REFERENCE)].map((m) => m[1]!);
  const variables = referencedValues([...names, ...(read?.variables ?? [])], facts.env);
  const plans = bound.plans ?? [];
  const digest = actionDigest({
    v: 2,
    kind: 'shell',
    command,
    cwd: facts.cwd,
    realCwd: facts.realCwd ?? null,
    host: facts.host ?? null,
    kubeContext: facts.kubeContext ?? null,
    terraformWorkspace: facts.terraformWorkspace ?? null,
    env: placementVariables(facts.env),
    ...(Object.keys(variables).length ? { variables } : {}),
    ...(read && Object.keys(read.files).length ? { files: read.files } : {}),
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
