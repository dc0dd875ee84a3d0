import { createHash } from 'node:crypto';
import { secretName, withoutUrlPasswords } from '../core/secret-values.js';
import type {
  ActionFacts,
  ArchiveListing,
  FileFingerprint,
  SavedPlanText,
  ScriptFile,
} from '../core/types.js';
import type { WireFacts } from './wire.js';

// The facts an action was assessed with, carried to the approval server. On the agent's side every fact
// the assessment asks for (variables, paths, file contents, scripts, saved plans, archive members) is recorded as it is
// answered; the server replays exactly those answers, so it assesses what the agent's side assessed
// without touching any disk, and the approval digest covers every one of them.
//
// Secrets never leave: a variable whose name says it holds a secret is sent as the sha256 of its value
// (it still binds the approval, and the server's assessment sees it as unknown), and URL passwords are
// replaced by `***`.

/** Variables that choose where a command lands: bound even when the assessment did not read them. */
const PLACEMENT_PREFIXES =
  /^(AWS_|AZURE_|ARM_|CLOUDSDK_|GOOGLE_|GCLOUD_|GCP_|KUBE|HELM_|TF_|TG_|TERRAGRUNT_|PULUMI_|CDK_|SAM_|SERVERLESS|SLS_|PG|MYSQL|MARIADB|MONGO|REDIS|DATABASE|DB_|DOCKER_|COMPOSE_|NOMAD_|CONSUL_|VAULT_|ANSIBLE_|HEROKU_|FLY_|VERCEL_|NETLIFY_|DIGITALOCEAN_|CLOUDFLARE_|CF_|SUPABASE_|FIREBASE_|OCI_|IBMCLOUD_|ALIBABA_CLOUD_|SNOWFLAKE_|DATABRICKS_|OS_|ETCDCTL_|RESTIC_|BORG_|KAFKA_|NATS_)/;
const PLACEMENT_WORDS =
  /(PROFILE|CONTEXT|REGION|ACCOUNT|CLUSTER|NAMESPACE|WORKSPACE|SUBSCRIPTION|PROJECT|STAGE|TENANT|ENVIRONMENT|_ENV$|^ENV$|_HOST$|_URL$|_URI$|_DSN$|_ADDR$)/;
/** Variables every shell sets for itself, whose values say nothing about what a command does. */
const SHELL_OWN = new Set(['_', 'OLDPWD', 'SHLVL', 'RANDOM', 'SRANDOM', 'SECONDS', 'LINENO', 'BASHPID']);
/** $NAME, ${NAME}, ${#NAME}, ${!NAME}: the variables a command text refers to, in any quoting. */
const REFERENCE = /\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*)/g;

/** The variables a text refers to (a command, a script): bound by value, set or not. */
export function referencedNames(text: string): string[] {
  return [...new Set([...text.matchAll(REFERENCE)].map((m) => m[1]!))];
}

/** The placement variables of each frozen environment: it cannot change, so they are found once (a batch). */
const placementNamesOf = new WeakMap<object, readonly string[]>();

/** The names in `env` that choose where a command lands. */
function placementNames(env: Record<string, string>): readonly string[] {
  const known = placementNamesOf.get(env);
  if (known) return known;
  const names = Object.keys(env).filter((n) => PLACEMENT_PREFIXES.test(n) || PLACEMENT_WORDS.test(n));
  if (Object.isFrozen(env)) placementNamesOf.set(env, names);
  return names;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** How one variable goes on the wire: its value (URL passwords hidden) and, for a secret, its hash. */
interface WireVariable {
  shown: string | null | undefined;
  secret: string | undefined;
}

/** Each frozen environment's variables as sent, worked out once per name (a batch sends the same ones). */
const wireVariablesOf = new WeakMap<object, Map<string, WireVariable>>();

function wireVariable(env: Record<string, string>, name: string): WireVariable {
  const value = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
  if (typeof value !== 'string') return { shown: null, secret: undefined };
  // A secret is sent only as its hash; a value with a URL password, without it and with its hash.
  if (secretName(name)) return { shown: undefined, secret: sha256(value) };
  const shown = withoutUrlPasswords(value);
  return { shown, secret: shown !== value ? sha256(value) : undefined };
}

function wireVariableOf(env: Record<string, string>, name: string): WireVariable {
  if (!Object.isFrozen(env)) return wireVariable(env, name);
  let known = wireVariablesOf.get(env);
  if (!known) wireVariablesOf.set(env, (known = new Map()));
  let found = known.get(name);
  if (!found) known.set(name, (found = wireVariable(env, name)));
  return found;
}

type PlanRecord = NonNullable<WireFacts['plans']>[string];

export interface FactRecorder {
  /** The facts to assess with: every answer they give is recorded. */
  facts: ActionFacts;
  /** Bind these variables too (referenced by the command or the files it reads), set or not. */
  bindVariables(names: Iterable<string>): void;
  /** What was recorded, as the server receives it. */
  snapshot(): WireFacts;
}

/** Wrap `facts` so that every answer they give is recorded. */
export function recordFacts(facts: ActionFacts): FactRecorder {
  const read = new Set<string>();
  const exists = new Map<string, boolean>();
  const files = new Map<string, { digest: string; variables: string[] }>();
  const dirs = new Map<string, string[]>();
  const scripts = new Map<string, ScriptFile>();
  const plans = new Map<string, PlanRecord>();
  const archives = new Map<string, ArchiveListing>();
  const source = facts.env;

  // Reads through `get` are recorded; enumerating the names (Object.keys) is not a read of their values.
  const env = new Proxy(source, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name) as unknown;
    },
    has(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.has(target, name);
    },
  });
  const recorded: ActionFacts = { ...facts, env };
  if (facts.pathExists) {
    const ask = facts.pathExists;
    recorded.pathExists = (path) => {
      const answer = ask(path);
      exists.set(path, answer);
      return answer;
    };
  }
  if (facts.files) {
    const inner = facts.files;
    recorded.files = {
      fingerprint(path, maxBytes): FileFingerprint {
        const found = inner.fingerprint(path, maxBytes);
        files.set(path, { digest: found.digest, variables: [...found.variables] });
        for (const name of found.variables) read.add(name);
        return found;
      },
      list(dir) {
        const names = inner.list(dir);
        dirs.set(dir, [...names]);
        return names;
      },
    };
  }
  if (facts.readScript) {
    const readScript = facts.readScript;
    recorded.readScript = (path) => {
      const file = readScript(path);
      scripts.set(path, file);
      return file;
    };
  }
  if (facts.listArchive) {
    const listArchive = facts.listArchive;
    recorded.listArchive = (path) => {
      const listing = listArchive(path);
      archives.set(path, listing);
      return listing;
    };
  }
  if (facts.readPlan) {
    const readPlan = facts.readPlan;
    recorded.readPlan = async (path, tool): Promise<SavedPlanText> => {
      try {
        const plan = await readPlan(path, tool);
        plans.set(path, { sha256: plan.sha256, text: plan.text });
        return plan;
      } catch (error) {
        plans.set(path, { error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    };
  }

  return {
    facts: recorded,
    bindVariables(names) {
      for (const name of names) read.add(name);
    },
    snapshot() {
      // Built with plain loops: a batch takes one snapshot per line.
      const names = [...read];
      for (const name of placementNames(source)) if (!read.has(name)) names.push(name);
      const wireEnv: Record<string, string | null> = {};
      const secretEnv: Record<string, string> = {};
      for (const name of names.sort()) {
        if (SHELL_OWN.has(name) || name === 'HOME' || name === 'PWD') continue;
        const { shown, secret } = wireVariableOf(source, name);
        if (shown !== undefined) wireEnv[name] = shown;
        if (secret !== undefined) secretEnv[name] = secret;
      }
      const out: WireFacts = { cwd: facts.cwd, home: facts.home, env: wireEnv };
      const reads: NonNullable<WireFacts['reads']> = [];
      if (facts.pathExists) reads.push('paths');
      if (facts.files) reads.push('files');
      if (facts.readScript) reads.push('scripts');
      if (facts.readPlan) reads.push('plans');
      if (facts.listArchive) reads.push('archives');
      if (reads.length) out.reads = reads;
      if (facts.realCwd) out.realCwd = facts.realCwd;
      if (facts.host) out.host = facts.host;
      if (facts.terraformWorkspace) out.terraformWorkspace = facts.terraformWorkspace;
      if (facts.kubeContext) out.kubeContext = facts.kubeContext;
      if (Object.keys(secretEnv).length) out.secretEnv = secretEnv;
      if (exists.size) out.exists = Object.fromEntries(exists);
      if (files.size) out.files = Object.fromEntries(files);
      if (dirs.size) out.dirs = Object.fromEntries(dirs);
      if (scripts.size) out.scripts = Object.fromEntries(scripts);
      if (plans.size) out.plans = Object.fromEntries(plans);
      if (archives.size) out.archives = Object.fromEntries(archives);
      return out;
    },
  };
}

/**
 * Facts that answer exactly what the agent's side recorded, with the same abilities it had. Anything it
 * did not send is treated as unknown: a path that is not there, a file not read, a script that cannot be read.
 */
export function replayFacts(wire: WireFacts): ActionFacts {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(wire.env)) if (value !== null) env[name] = value;
  const facts: ActionFacts = { cwd: wire.cwd, home: wire.home, env };
  const reads = new Set(wire.reads ?? []);
  if (reads.has('paths')) facts.pathExists = (path) => wire.exists?.[path] ?? false;
  if (reads.has('files'))
    facts.files = {
      fingerprint: (path) => {
        const found = wire.files?.[path];
        return found ? { ...found, hashed: 0 } : { digest: 'unread', variables: [], hashed: 0 };
      },
      list: (dir) => wire.dirs?.[dir] ?? [],
    };
  if (reads.has('scripts'))
    facts.readScript = (path) =>
      wire.scripts?.[path] ?? { kind: 'unreadable', reason: 'the agent side did not send this file' };
  // An archive not sent is one the agent's side could not list: the extraction asks.
  if (reads.has('archives'))
    facts.listArchive = (path) =>
      wire.archives?.[path] ?? { kind: 'unreadable', reason: 'the agent side did not send its members' };
  // Always set: without it a saved plan would be read from the server's own disk.
  facts.readPlan = (path) => {
    if (!reads.has('plans')) return Promise.reject(new Error('the agent side could not read saved plans'));
    const plan = wire.plans?.[path];
    if (!plan) return Promise.reject(new Error('the agent side did not send this plan'));
    if ('error' in plan) return Promise.reject(new Error(plan.error));
    return Promise.resolve(plan);
  };
  if (wire.realCwd) facts.realCwd = wire.realCwd;
  if (wire.host) facts.host = wire.host;
  if (wire.terraformWorkspace) facts.terraformWorkspace = wire.terraformWorkspace;
  if (wire.kubeContext) facts.kubeContext = wire.kubeContext;
  return facts;
}
