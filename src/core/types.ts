// The vocabulary of the decision core. Everything here is plain data: no I/O, no clocks.

export const OPERATIONS = ['read', 'create', 'modify', 'delete', 'replace', 'execute-unverifiable'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const RISKS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Risk = (typeof RISKS)[number];

export type EnvironmentClass = 'production' | 'non-production' | 'unknown';

export const OUTCOMES = ['allow', 'ask', 'require-approval', 'deny'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where an environment fact came from, so `explain` can say how the environment was inferred. */
export interface EnvironmentHint {
  source: string; // e.g. "flag --profile", "env AWS_PROFILE", "terraform workspace", "hostname"
  value: string;
  /**
   * A name only (a folder, a file, a module, a resource's own name): it may raise an effect to production,
   * never lower it to non-production unless the config declares that name (see classifyEnvironment).
   */
  weak?: true;
}

/** One thing an action would do to the world. */
export interface Effect {
  operation: Operation;
  tool: string;
  target: string;
  reversible: boolean;
  risk: Risk;
  reason: string;
  /** Facts about where this effect lands, taken from the command itself. */
  hints?: EnvironmentHint[];
  /** A shell script this effect runs (python's os.system('…')): the core parses and assesses it instead. */
  runs?: string;
  /** The script in `runs` runs elsewhere (a pod the manifest starts): not on this machine, placed by `hints`. */
  runsElsewhere?: boolean;
  /** Where in a file the analyzer found it (`drop_old.py:3`): the assessment adds it to the reason. */
  where?: string;
  /**
   * Not an effect: the analyzer knows the program but not this call (a subcommand its table does not list),
   * so the command is judged as an unrecognised program would be, placed by `hints` too.
   */
  unrecognised?: true;
  /**
   * The risk where the effect lands in production or an unrecognised environment, when that is worse than
   * `risk`: stopping a container is routine on a laptop or in staging, an outage on a production host.
   */
  riskInProduction?: Risk;
  /** Set false when this effect lands elsewhere although its tool usually acts on this machine (docker -H). */
  local?: boolean;
  /** Resource category used by policies (e.g. "iam", "kms", "dns", "database", "namespace"). */
  category?: string;
  /**
   * The target is a directory the command fills with files it names only at run time (a clone, a name the
   * server chooses, an archive nobody listed): a script a later command of the line runs from under it is
   * what was fetched, not what the edge can read now.
   */
  namesAtRunTime?: true;
  /** The permission this effect exercises, in the granting system's terms (for least-privilege suggestions). */
  access?: Access;
}

/**
 * What an effect needs permission for, as the analyzer read it from the command: enough to write the
 * narrowest IAM statement, Kubernetes Role rule or SQL GRANT that covers it (src/least-privilege/).
 */
export type Access =
  | {
      kind: 'aws';
      /** The CLI's service name (`s3api`, `rds`) and operation (`delete-db-instance`). */
      service: string;
      operation: string;
      /** The resource noun of the operation (`db-instance`) and its identifier or ARN, when named. */
      resourceType?: string;
      resource?: string;
      /** The option the identifier came from (`--volume-id` names a volume, not the snapshot made of it). */
      resourceOption?: string;
      region?: string;
    }
  | {
      kind: 'kubernetes';
      verb: string;
      /** The kind as kubectl names it (`deployment`, `pvc`). */
      resource: string;
      namespace?: string;
      name?: string;
    }
  | {
      kind: 'sql';
      /** Table privileges (SELECT, INSERT, UPDATE, DELETE, TRUNCATE); none when only the owner may (DDL). */
      privileges: string[];
      /** `table public.users`, `database billing` */
      object: string;
      ownerOnly?: true;
    };

/** An effect with the environment it lands in, as the policy engine sees it. */
export interface PlacedEffect extends Effect {
  environment: EnvironmentClass;
  environmentHints: EnvironmentHint[];
  destructive: boolean;
}

/** What a path holds now, as the approval digest binds it. */
export interface FileFingerprint {
  /**
   * `sha256:…` of a regular file's bytes (up to a size cap), `directory:<real path>`, `missing`, or another
   * marker (a file too large to hash, a device, a path that cannot be read).
   */
  digest: string;
  /** Names of the environment variables a text file refers to (`$NAME`, `${NAME}`, `$(NAME)`, `getenv("NAME")`…). */
  variables: readonly string[];
  /** The bytes hashed for `digest` (0 unless it is a `sha256:`). */
  hashed: number;
}

/**
 * What the edge can say about files, for the digest an approval binds to. Injected like `pathExists`: the
 * core never touches the disk.
 */
export interface FileFacts {
  /** A regular file larger than `maxBytes` (or the edge's own cap) is bound to its identity and times, unread. */
  fingerprint(path: string, maxBytes?: number): FileFingerprint;
  /** The names in a directory, sorted (none when it is not a readable directory). */
  list(dir: string): readonly string[];
}

/**
 * A script file a command runs (`bash x.sh`, `source x.sh`, `./x.sh`), as the edge read it: its text, or
 * why not. `head` is the first line (up to 256 bytes) of a file that could be opened, for its `#!` line.
 */
export type ScriptFile =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  /** A NUL byte: a compiled program (`\x7fELF`) or data, not a script a shell would run as written. */
  | { kind: 'binary'; head: string }
  /** Not a regular file, larger than the edge's cap, or a read that failed. */
  | { kind: 'unreadable'; reason: string; head?: string };

/**
 * The member names of an archive (tar, optionally gzipped, or zip), as the edge read them: the names as
 * stored (directories end in `/`), `truncated` when the edge stopped at its cap; or why not.
 */
export type ArchiveListing =
  | { kind: 'members'; names: string[]; truncated?: boolean }
  | { kind: 'missing' }
  /** A format the edge cannot decode (bzip2, xz, zstd), a damaged archive, or a read that failed. */
  | { kind: 'unreadable'; reason: string };

export interface ActionFacts {
  /** The directory the action runs in, as the person or the agent gave it (shown to reviewers). */
  cwd: string;
  /** The same directory resolved through symlinks, when the edge could (what the approval binds to). */
  realCwd?: string;
  home: string;
  env: Readonly<Record<string, string>>;
  /** Facts the edge gathered from files (Terraform workspace in cwd, kube current-context). */
  terraformWorkspace?: string;
  kubeContext?: string;
  /** The kube context's namespace, when a command earlier in the line selected it (`kubens prod`). */
  kubeNamespace?: string;
  /** Answers whether a path exists (injected by the edge; the core never touches the disk). */
  pathExists?: (path: string) => boolean;
  /** Reads files for the approval digest (injected by the edge; absent in hermetic policy tests). */
  files?: FileFacts;
  /** Reads a script file a command runs, so its commands are assessed too (injected by the edge). */
  readScript?: (path: string) => ScriptFile;
  /** Reads the saved plan `terraform apply PLANFILE` would carry out, as JSON text (injected by the edge). */
  readPlan?: (path: string, tool: 'terraform' | 'tofu') => Promise<SavedPlanText>;
  /** Lists the members of an archive an extraction writes, so they are judged by name (injected by the edge). */
  listArchive?: (path: string) => ArchiveListing;
  /** This machine's host name, a hint for effects on this machine. */
  host?: string;
}

/** A saved plan as the edge read it: the SHA-256 of the file's bytes and its JSON text. Throws when unreadable. */
export interface SavedPlanText {
  sha256: string;
  text: string;
}

/** A shell command an agent (or a person) proposes to run. */
export interface ShellAction {
  kind: 'shell';
  command: string;
}

/** A saved infrastructure plan: Terraform/OpenTofu plan JSON or a CloudFormation change set, bound to its bytes. */
export interface PlanAction {
  kind: 'terraform-plan' | 'cloudformation-changeset';
  file: string;
  sha256: string;
}

/** A write, edit or delete of files through an agent's file tools. */
export interface FileWriteAction {
  kind: 'file-write';
  /** The agent's tool (Write, Edit, apply_patch…). */
  tool: string;
  paths: string[];
}

/** A tool call to an MCP server. */
export interface McpCallAction {
  kind: 'mcp-call';
  server?: string;
  tool: string;
}

/** Every kind of action Interlock decides on. A new kind is a new member here, and the compiler finds the rest. */
export type Action = ShellAction | PlanAction | FileWriteAction | McpCallAction;
export type ActionKind = Action['kind'];

/** One line that names an action for people and the audit log. */
export function describeAction(action: Action): string {
  switch (action.kind) {
    case 'shell':
      return action.command;
    case 'terraform-plan':
    case 'cloudformation-changeset':
      return action.file;
    case 'file-write':
      return `${action.tool} ${action.paths.join(' ')}`;
    case 'mcp-call':
      return `${action.server ? `${action.server}/` : ''}${action.tool}`;
  }
}

export interface Assessment {
  risk: Risk;
  destructive: boolean;
  environment: EnvironmentClass;
  environmentHints: EnvironmentHint[];
  effects: Effect[];
  reasons: string[];
}

export interface MatchedPolicy {
  id: string;
  outcome: Outcome;
  source: string;
  line?: number;
  message?: string;
}

export interface Decision {
  outcome: Outcome;
  approvals: number;
  approverGroup?: string;
  reasons: string[];
  policies: MatchedPolicy[];
}

export type PlacedAssessment = Omit<Assessment, 'effects'> & {
  effects: PlacedEffect[];
  /**
   * Positively known to only read: every command was recognised (by an analyzer's read effects or the list
   * of read-only programs) and every effect is a read. Unknown is not read-only: a freeze denies it.
   */
  readOnly: boolean;
};

export interface CheckResult {
  action: Action;
  assessment: Assessment;
  decision: Decision;
}

export function riskRank(risk: Risk): number {
  return RISKS.indexOf(risk);
}

export function maxRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) >= riskRank(b) ? a : b;
}

export function outcomeRank(outcome: Outcome): number {
  return OUTCOMES.indexOf(outcome);
}

const DESTRUCTIVE_OPERATIONS: ReadonlySet<Operation> = new Set<Operation>([
  'delete',
  'replace',
  'execute-unverifiable',
]);

export function isDestructive(effect: Effect): boolean {
  // Routine deletions (node_modules, a build directory) are low risk and not destructive.
  return (
    (DESTRUCTIVE_OPERATIONS.has(effect.operation) || effect.operation === 'modify') &&
    riskRank(effect.risk) >= riskRank('medium')
  );
}
