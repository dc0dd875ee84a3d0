import type { Principal } from '../core/decide.js';
import { describeAction, type Access, type Action, type ActionFacts } from '../core/types.js';
import type { LoadedConfig } from '../config/load.js';
import { actionDigest } from '../approvals/digest.js';
import type { ShellInputs } from '../assess/inputs.js';
import { serverConnection } from '../approvals/settings.js';
import { isPostgresUrl } from '../store/open.js';
import type { AuditInput } from '../store/types.js';
import { actorChainOf, osUser, type ActorChain } from './actor.js';
import { existsSync } from 'node:fs';
import { checkpointDue } from './checkpoint-policy.js';
import { openAuditLog, type AuditLog } from './open.js';
import { defaultLocalDatabase, keyPaths } from './paths.js';
import { describeChange, policyChange, policySetOf } from './policy-set.js';
import { auditSettings, type AuditConfig } from './settings.js';

// Decisions taken on this machine (`interlock check`, the agent hooks) go to a local SQLite log, hash-chained
// exactly like the server's. Recording is quick: the log stays open for the life of the process, nothing
// here loads Cedar or a parser, and one commit (flushed to disk) carries the entry. When it cannot be
// written, the caller hears why, and whether the action must now be refused: a production-scoped action
// that changes something is not done unrecorded.

/** What a decision looks like to the log: a ShellCheck fits, and so does a hook's file or MCP decision. */
export interface CheckLike {
  action: Action;
  assessment: {
    risk: string;
    destructive: boolean;
    environment: string;
    /** True only when the action is known to only read (see Assessment.readOnly). */
    readOnly?: boolean;
    effects: readonly {
      operation: string;
      tool: string;
      target: string;
      environment?: string;
      risk: string;
      access?: Access;
    }[];
    reasons: readonly string[];
    /** What a shell command may read (bound by content in its digest). */
    inputs?: ShellInputs;
  };
  decision: {
    outcome: string;
    approvals: number;
    approverGroup?: string;
    reasons: readonly string[];
    policies: readonly { id: string; outcome?: string }[];
  };
}

export interface LocalAuditOptions {
  env?: NodeJS.ProcessEnv;
  /** The log to write (default: INTERLOCK_DATABASE, else $XDG_STATE_HOME/interlock/audit.db). */
  database?: string;
  /** The configuration in force: a changed policy set is recorded before the decision it affected. */
  config?: LoadedConfig;
  /** What took the decision: "check", "hook:claude-code", "daemon". */
  via?: string;
  /** The approval server's answer, for `recordLocalDecision` (the batch form carries one per record). */
  server?: DecisionRecord['server'];
  now?: number;
}

export type RecordResult =
  | { ok: true; seq: number; hash: string }
  | {
      ok: false;
      /** True when the action must be refused because it could not be recorded. */
      fatal: boolean;
      message: string;
      /** What went wrong, without what follows from it (for a message per decision of a batch). */
      cause: string;
    };

/** What a person reads when a decision could not be recorded, and what follows from it. */
export function unrecordedMessage(cause: string, refused: boolean): string {
  return `${cause}; ${
    refused ? 'this production-scoped action is refused until it can be recorded' : 'the decision stands'
  }. Check that the directory is writable, or set INTERLOCK_DATABASE to a writable file.`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

const opened = new Map<string, Promise<AuditLog>>();
/** Set by a process that runs long (the daemon): its logs flush commits off the event loop. */
let longRunning = false;

/** This process runs long and records many decisions (the daemon): see SqliteOptions.background. */
export function recordLocallyForLong(): void {
  longRunning = true;
}
/** Whether this user has a signing key (looked up once per process). */
let hasKey: boolean | undefined;

function localLog(
  options: LocalAuditOptions,
  settings: AuditConfig,
): { path: string; log: Promise<AuditLog> } {
  const env = options.env ?? process.env;
  const path = options.database ?? defaultLocalDatabase(env, settings.database);
  if (isPostgresUrl(path))
    throw new Error(
      `the local audit log is a SQLite file, and ${options.database ? 'the path given' : 'INTERLOCK_DATABASE'} is a PostgreSQL URL; decisions the server takes are recorded by the server`,
    );
  let log = opened.get(path);
  if (!log) {
    log = openAuditLog(path, env, { longRunning });
    log.catch(() => opened.delete(path));
    opened.set(path, log);
  }
  return { path, log };
}

/** Close the local logs this process opened (tests, the daemon on exit). */
export async function closeLocalAudit(): Promise<void> {
  const logs = [...opened.values()];
  opened.clear();
  hasKey = undefined;
  for (const l of logs) await (await l.catch(() => undefined))?.close();
}

/** One decision for the log: the checked action, who proposed it, and what came of it. */
export interface DecisionRecord {
  check: CheckLike;
  principal: Principal;
  facts: ActionFacts;
  /** The digest an approval binds to (computed by the pipeline; the shell digest by default). */
  digest?: string;
  /** The approval server's answer, when one was asked (it keeps its own log; this links the two). */
  server?: { outcome: string; requestId?: string; state?: string };
  /** What happens now, when the server changed the policies' verdict. */
  outcome?: string;
}

/** Without the pipeline's binding (tests, benchmarks): the action and where it ran, nothing more. */
function digestOf(check: CheckLike, facts: ActionFacts): string {
  return actionDigest({ v: 1, ...check.action, cwd: facts.cwd });
}

/** The data of a local 'decision' entry. */
function decisionData(record: DecisionRecord, chain: ActorChain, via?: string): Record<string, unknown> {
  const { check, facts, server } = record;
  const { assessment: a, decision: d } = check;
  return {
    source: 'local',
    via,
    server,
    digest: record.digest ?? digestOf(check, facts),
    actor: chain,
    action: {
      kind: check.action.kind,
      command: clip(describeAction(check.action), 4000),
      cwd: facts.cwd,
      host: facts.host,
      kubeContext: facts.kubeContext,
      terraformWorkspace: facts.terraformWorkspace,
    },
    outcome: record.outcome ?? d.outcome,
    // The final outcome (after the approval server and the log) and the policies' own verdict.
    policyOutcome: d.outcome,
    approvals: d.approvals,
    approverGroup: d.approverGroup,
    policies: [...new Set(d.policies.map((p) => p.id))],
    reasons: d.reasons.slice(0, 10).map((r) => clip(r, 500)),
    environment: a.environment,
    risk: a.risk,
    destructive: a.destructive,
    effects: a.effects.slice(0, 20).map((e) => ({
      operation: e.operation,
      tool: e.tool,
      target: clip(e.target, 500),
      environment: e.environment,
      risk: e.risk,
      // The permission it exercised: `interlock creds suggest` builds the narrowest grants from these.
      ...(e.access ? { access: e.access } : {}),
    })),
    effectCount: a.effects.length,
  };
}

/** Production-scoped work that changes something is not done unrecorded. */
export function mustRecord(check: CheckLike): boolean {
  return (
    check.assessment.environment !== 'non-production' &&
    check.assessment.effects.some((e) => e.operation !== 'read')
  );
}

/**
 * An allow of an action known only to read, with no effects, decided without the approval server: losing its
 * entry in a crash of the machine loses no record of anything done, so it may be answered before the entry is
 * on disk (TransactOptions.harmless). Everything else is answered once its entry is durable.
 */
export function harmlessRecord(record: DecisionRecord): boolean {
  const { assessment, decision } = record.check;
  return (
    (record.outcome ?? decision.outcome) === 'allow' &&
    record.server === undefined &&
    assessment.readOnly === true &&
    !assessment.destructive &&
    assessment.effects.length === 0
  );
}

async function append(
  options: LocalAuditOptions,
  entries: AuditInput[],
  fatal: boolean,
  harmless = false,
): Promise<RecordResult> {
  let path = options.database ?? '';
  try {
    const settings = auditSettings(options.config);
    const found = localLog(options, settings);
    path = found.path;
    const log = await found.log;
    let policy: ReturnType<typeof policySetOf> | undefined;
    let before: Awaited<ReturnType<AuditLog['side']['policyState']>>;
    if (options.config) {
      policy = policySetOf(options.config);
      before = await log.side.policyState(policy.scope);
      if (before?.digest === policy.digest) policy = undefined;
    }
    const at = entries[0]?.at ?? Date.now();
    const last = await log.store.transact(
      async (tx) => {
        if (policy) {
          const change = policyChange(before, policy);
          await tx.appendAudit({
            type: 'policy.changed',
            actor: osUser(options.env ?? process.env),
            at,
            data: {
              source: 'local',
              scope: policy.scope,
              digest: policy.digest,
              previous: before?.digest,
              change: describeChange(change, !before),
              ...change,
              files: policy.files,
            },
          });
        }
        let entry;
        for (const input of entries) entry = await tx.appendAudit(input);
        return entry!;
      },
      // A changed policy set is never harmless: its entry waits for the disk.
      { harmless: harmless && !policy },
    );
    if (policy)
      await log.side.setPolicyState(policy.scope, { digest: policy.digest, files: policy.files, at });
    await localCheckpoint(log, options.env ?? process.env, settings, options.config);
    return { ok: true, seq: last.seq, hash: last.hash };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const cause = `could not record this in the audit log${path ? ` ${path}` : ''} (${why})`;
    return { ok: false, fatal, cause, message: unrecordedMessage(cause, fatal) };
  }
}

/** Sign a checkpoint of the local log when one is due and this user has a key (`interlock keys init`). */
async function localCheckpoint(
  log: AuditLog,
  env: NodeJS.ProcessEnv,
  settings: AuditConfig,
  config: LoadedConfig | undefined,
): Promise<void> {
  try {
    hasKey ??= existsSync(keyPaths(env, {}, settings).privateKey);
    if (!hasKey) return;
    const policy = {
      everyEntries: settings.checkpoint?.entries ?? 100,
      everyMs: (settings.checkpoint?.minutes ?? 10) * 60 * 1000,
    };
    if (checkpointDue(await log.side.lastEntry(), await log.side.lastCheckpoint(), Date.now(), policy)) {
      // Only now load the crypto and the key: most decisions never need them.
      const { localSigner, writeCheckpoint } = await import('./checkpoint.js');
      const signer = localSigner(env, undefined, settings);
      if (signer) await writeCheckpoint(log, signer);
    }
  } catch {
    // a checkpoint is retried with the next entry; the entry itself is committed
  }
  await witnessOutside(log, env, config);
}

/** Send the newest checkpoint to the approval server, when one is configured (best effort, never throws). */
async function witnessOutside(log: AuditLog, env: NodeJS.ProcessEnv, config?: LoadedConfig): Promise<void> {
  const connection = serverConnection(env, config);
  if (!connection || 'error' in connection) return;
  try {
    const { sendToServer } = await import('./outside-witness.js');
    await sendToServer(log, connection);
  } catch {
    // the state table says what the server last acknowledged; verify reports the gap
  }
}

/** Record a decision taken on this machine. Never throws. */
export async function recordLocalDecision(
  check: CheckLike,
  principal: Principal,
  facts: ActionFacts,
  options: LocalAuditOptions = {},
): Promise<RecordResult> {
  return recordLocalDecisions(
    [{ check, principal, facts, ...(options.server ? { server: options.server } : {}) }],
    options,
  );
}

export interface ExecutionRecord {
  principal: Principal;
  command?: string;
  kind?: string;
  /** The facts the action was decided with (to link the outcome to its decision by digest). */
  facts?: ActionFacts;
  /** Where it ran, when there are no facts (a post-tool hook knows only the directory). */
  cwd?: string;
  digest?: string;
  exitCode?: number;
  signal?: string;
  durationMs?: number;
  /** succeeded / failed / interrupted / unknown, when there is no exit code (an MCP tool, a file edit). */
  result?: string;
  requestId?: string;
  environment?: string;
  /** Whose credentials it ran with, when not the caller's own: `broker:<entry>` for `interlock run`. */
  credentials?: string;
  /** The person who said yes to it when Interlock asked (the MCP proxy's elicitation). */
  confirmedBy?: string;
}

/** Record what an action did once it ran (the agent's post-tool hook, a wrapper). Never throws. */
export async function recordExecution(
  record: ExecutionRecord,
  options: LocalAuditOptions = {},
): Promise<RecordResult> {
  const env = options.env ?? process.env;
  const kind = record.kind ?? 'shell';
  const digest =
    record.digest ??
    (record.facts && record.command !== undefined
      ? actionDigest({ v: 1, kind, command: record.command, cwd: record.facts.cwd })
      : undefined);
  const result =
    record.result ??
    (record.exitCode === undefined ? 'unknown' : record.exitCode === 0 ? 'succeeded' : 'failed');
  return append(
    options,
    [
      {
        type: 'execution',
        actor: record.principal.id,
        at: options.now ?? Date.now(),
        data: {
          source: 'local',
          via: options.via,
          actor: actorChainOf(record.principal, env),
          digest,
          requestId: record.requestId,
          action: {
            kind,
            command: record.command === undefined ? undefined : clip(record.command, 4000),
            cwd: record.facts?.cwd ?? record.cwd,
          },
          environment: record.environment,
          exitCode: record.exitCode,
          signal: record.signal,
          durationMs: record.durationMs,
          result,
          credentials: record.credentials,
          confirmedBy: record.confirmedBy,
        },
      },
    ],
    false,
  );
}

/** Decisions in one commit (`interlock check --batch` has many): one flush to disk for all of them. */
export async function recordLocalDecisions(
  records: readonly DecisionRecord[],
  options: LocalAuditOptions = {},
): Promise<RecordResult> {
  if (!records.length) return { ok: true, seq: 0, hash: '' };
  const env = options.env ?? process.env;
  const at = options.now ?? Date.now();
  const fatal = records.some((r) => mustRecord(r.check));
  let inputs: AuditInput[];
  try {
    inputs = records.map((r) => ({
      type: 'decision',
      actor: r.principal.id,
      at,
      data: decisionData(r, actorChainOf(r.principal, env), options.via),
    }));
  } catch (error) {
    const cause = `could not describe ${records.length === 1 ? 'this decision' : 'these decisions'} for the audit log (${String(error)})`;
    return { ok: false, fatal, cause, message: unrecordedMessage(cause, fatal) };
  }
  return append(options, inputs, fatal, records.every(harmlessRecord));
}
