import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { posix } from 'node:path';
import type { ShellCheck } from '../../app/checker.js';
import type { Runtime } from '../../app/runtime.js';
import type { ActionFacts } from '../../core/types.js';
import type { PlacedEffect } from '../../core/types.js';
import type { LoadedConfig } from '../../config/load.js';
import { decide, type PolicyEvaluator, type Principal } from '../../core/decide.js';
import type { PlacedAssessment } from '../../core/types.js';
import { classifyEnvironment, DEFAULT_ENVIRONMENT_PATTERNS } from '../../core/environment.js';
import {
  isDestructive,
  maxRisk,
  type EnvironmentClass,
  type EnvironmentHint,
  type Effect,
  type Operation,
} from '../../core/types.js';
import { localFacts } from '../local-facts.js';
import { ADAPTERS } from './index.js';
import { mcpEffects } from './mcp.js';
import { preflight as preflightWith, respondWith, sensitiveChanges, type HookContext } from './preflight.js';
import { stateWorkspace, type SensitiveFile } from '../../analyzers/sensitive-files.js';
import {
  clip,
  PASS_VERDICT,
  VENDORS,
  type AgentId,
  type FileChange,
  type HookRequest,
  type HookResponse,
  type HookVerdict,
} from './types.js';
import { verdictFromDecision } from './verdict.js';
import type { CheckLike } from '../../audit/local.js';

// The hook's decision procedure, shared by the hook process and the daemon: parse the agent's payload,
// answer what needs no policy at once (read-only tools, ordinary file edits), and ask the policies about
// the rest. Parsers and policies come from a provider: loaded per process, or cached by the daemon.

export interface PolicyBundle {
  evaluator: PolicyEvaluator;
  config?: LoadedConfig;
  problems: string[];
}

export interface PolicyProvider {
  /** Parsers and policies, for shell commands. */
  runtime(cwd: string, env: Record<string, string>): Promise<Runtime>;
  /** Policies alone, for file edits and MCP calls (no shell parser needed). */
  policies(cwd: string, env: Record<string, string>): Promise<PolicyBundle>;
}

/** Loads what a call needs in this process; nothing for read-only tools. */
export function inProcessProvider(): PolicyProvider {
  return {
    async runtime(cwd, env) {
      const { loadRuntime } = await import('../../app/runtime.js');
      return loadRuntime({ cwd, env, eagerSql: false, rememberVerdicts: true });
    },
    async policies(cwd, env) {
      const { loadPolicies } = await import('../../app/policies.js');
      return loadPolicies({ cwd, env, rememberVerdicts: true });
    },
  };
}

let processUser: string | undefined;
/** The account this process runs as (read once: the daemon answers thousands of calls). */
function osUser(env: Record<string, string>): string {
  try {
    processUser ??= userInfo().username;
    return processUser;
  } catch {
    return env.USER || env.LOGNAME || 'unknown';
  }
}

export type { HookContext };

export function respond(agent: AgentId, verdict: HookVerdict, event?: string, stderr?: string): HookResponse {
  return respondWith(ADAPTERS[agent], verdict, event, stderr);
}

export function preflight(agent: AgentId, raw: string, ctx: HookContext) {
  return preflightWith(ADAPTERS[agent], raw, ctx);
}

function principalOf(request: HookRequest, ctx: HookContext): Principal {
  return {
    type: 'Agent',
    id: request.agent,
    vendor: VENDORS[request.agent],
    ...(request.model ? { model: request.model } : {}),
    ...(request.session ? { session: request.session } : {}),
    actsFor: ctx.user ?? osUser(ctx.env),
  };
}

const ENVIRONMENT_RANK: Record<EnvironmentClass, number> = { 'non-production': 0, unknown: 1, production: 2 };

function assessmentOf(effects: PlacedEffect[]): PlacedAssessment {
  return {
    risk: effects.reduce((r, e) => maxRisk(r, e.risk), 'none' as Effect['risk']),
    destructive: effects.some((e) => e.destructive),
    environment: effects.reduce<EnvironmentClass>(
      (env, e) => (ENVIRONMENT_RANK[e.environment] > ENVIRONMENT_RANK[env] ? e.environment : env),
      'non-production',
    ),
    environmentHints: effects.flatMap((e) => e.environmentHints),
    effects,
    reasons: effects.map((e) => `${e.reason} (${e.environment})`),
  };
}

function fileEffect(
  file: SensitiveFile,
  change: FileChange,
  tool: string,
  terraformWorkspace: string | undefined,
  bundle: PolicyBundle,
): PlacedEffect {
  const exists = existsSync(file.path);
  const operation: Operation =
    change.change === 'delete' ? 'delete' : change.change === 'write' && exists ? 'replace' : 'modify';
  const hints: EnvironmentHint[] = [{ source: 'file name', value: posix.basename(file.path), weak: true }];
  if (file.category === 'terraform-state') {
    const workspace = stateWorkspace(file.path) ?? terraformWorkspace;
    if (workspace) hints.push({ source: 'terraform workspace', value: workspace });
  }
  const patterns = bundle.config?.patterns ?? DEFAULT_ENVIRONMENT_PATTERNS;
  const placed = classifyEnvironment(hints, patterns, !file.remote);
  const environment =
    placed.environment === 'unknown' && bundle.config?.unknownEnvironment.value === 'non-production'
      ? 'non-production'
      : placed.environment;
  const verb = operation === 'delete' ? 'deletes' : operation === 'replace' ? 'overwrites' : 'changes';
  const effect: Effect = {
    operation,
    tool,
    target: file.path,
    reversible: operation === 'modify',
    risk: file.risk,
    reason: `${verb} ${file.path}: ${file.why}`,
    hints,
    category: file.category,
  };
  return { ...effect, environment, environmentHints: placed.because, destructive: isDestructive(effect) };
}

function problemsNote(problems: readonly string[]): string | undefined {
  return problems.length
    ? problems
        .map((p) => `interlock: ${p} (production-scoped actions are denied until this is fixed)\n`)
        .join('')
    : undefined;
}

/**
 * With an approval server configured, a require-approval decision becomes a request on the server: the agent
 * is told the request id and to retry the identical command after approval, which is then allowed once.
 * Undefined when no server is configured or the decision needs none.
 */
async function serverVerdict(
  result: ShellCheck,
  facts: ActionFacts,
  principal: Principal,
  env: Record<string, string>,
  rt: Runtime,
): Promise<HookVerdict | undefined> {
  if (!env.INTERLOCK_SERVER_URL && !rt.config?.layers.some((l) => l.config.server?.url)) return undefined;
  const { gateCheck } = await import('../../approvals/check-gate.js');
  const gate = await gateCheck(result, facts, principal, {
    env,
    ...(rt.config ? { config: rt.config } : {}),
  });
  if (!gate) return undefined;
  const message = String(gate.json.message ?? '');
  const outcome = gate.outcome === 'require-approval' ? 'deny' : gate.outcome;
  return {
    outcome,
    decided: result.decision.outcome,
    userMessage: clip(`Interlock approval server: ${message}`),
    agentMessage: clip(
      outcome === 'allow'
        ? `Approved by peers on the Interlock server: ${message}`
        : gate.json.requestId
          ? `${message} Do not try another form of this command; wait for the approvers, then retry exactly the same command.`
          : message,
    ),
  };
}

/**
 * Record a decision in the local audit log. A failure is reported on stderr; for a production-scoped
 * change it also turns the verdict into a deny (nothing that matters runs unrecorded).
 */
async function audited(
  check: CheckLike,
  principal: Principal,
  facts: ActionFacts,
  config: LoadedConfig | undefined,
  agent: AgentId,
  ctx: HookContext,
): Promise<{ verdict?: HookVerdict; note: string }> {
  const { recordLocalDecision } = await import('../../audit/local.js');
  const r = await recordLocalDecision(check, principal, facts, {
    env: ctx.env,
    via: `hook:${agent}`,
    ...(config ? { config } : {}),
  });
  if (r.ok) return { note: '' };
  const note = `interlock hook: ${r.message}\n`;
  if (!r.fatal) return { note };
  return {
    note,
    verdict: {
      outcome: 'deny',
      userMessage: clip(`Interlock blocked this call: ${r.message}`),
      agentMessage: clip(
        `Interlock could not record this production-scoped action in its audit log, so it was blocked (${r.message}). Tell the user; do not work around it.`,
      ),
    },
  };
}

const withNote = (a: string | undefined, b: string) => (a ?? '') + b || undefined;

/** Decide a request that needs policies (shell commands, sensitive file edits, MCP calls). */
export async function decideRequest(
  request: HookRequest,
  ctx: HookContext,
  provider: PolicyProvider,
): Promise<HookResponse> {
  const { call, agent } = request;
  const principal = principalOf(request, ctx);
  if (call.kind === 'shell') {
    if (call.command.trim() === '')
      return respond(
        agent,
        PASS_VERDICT('empty command'),
        request.event,
        'interlock hook: the command is empty\n',
      );
    const rt = await provider.runtime(call.cwd, ctx.env);
    const facts = localFacts({ cwd: call.cwd, env: ctx.env });
    const result = await rt.checker.check(call.command, facts, principal);
    const verdict =
      (await serverVerdict(result, facts, principal, ctx.env, rt)) ??
      verdictFromDecision(result.decision, result.assessment.effects, 'this command');
    const audit = await audited(result, principal, facts, rt.config, agent, ctx);
    return respond(
      agent,
      audit.verdict ?? verdict,
      request.event,
      withNote(problemsNote(rt.problems), audit.note),
    );
  }
  if (call.kind === 'file-edit') {
    const bundle = await provider.policies(call.cwd, ctx.env);
    const facts = localFacts({ cwd: call.cwd, env: ctx.env });
    const effects = sensitiveChanges(call.files, call.cwd, ctx.env).map(({ file, change }) =>
      fileEffect(file, change, request.toolName, facts.terraformWorkspace, bundle),
    );
    const decision = decide(assessmentOf(effects), 'file-edit', principal, bundle.evaluator);
    const names = effects.map((e) => posix.basename(e.target)).join(', ');
    const verdict = verdictFromDecision(decision, effects, `this change to ${clip(names, 200)}`);
    const audit = await audited(
      {
        action: {
          kind: 'file-edit',
          command: `${request.toolName} ${effects.map((e) => e.target).join(' ')}`,
        },
        assessment: assessmentOf(effects),
        decision,
      },
      principal,
      facts,
      bundle.config,
      agent,
      ctx,
    );
    return respond(
      agent,
      audit.verdict ?? verdict,
      request.event,
      withNote(problemsNote(bundle.problems), audit.note),
    );
  }
  if (call.kind === 'mcp') {
    const bundle = await provider.policies(call.cwd, ctx.env);
    const patterns = bundle.config?.patterns ?? DEFAULT_ENVIRONMENT_PATTERNS;
    const effects = mcpEffects(call, patterns).map((e) =>
      e.environment === 'unknown' && bundle.config?.unknownEnvironment.value === 'non-production'
        ? { ...e, environment: 'non-production' as const }
        : e,
    );
    const decision = decide(assessmentOf(effects), 'mcp-call', principal, bundle.evaluator);
    const verdict = verdictFromDecision(decision, effects, `this MCP call (${call.tool})`);
    const audit = await audited(
      {
        action: { kind: 'mcp', command: `${call.server ? `${call.server}/` : ''}${call.tool}` },
        assessment: assessmentOf(effects),
        decision,
      },
      principal,
      localFacts({ cwd: call.cwd, env: ctx.env }),
      bundle.config,
      agent,
      ctx,
    );
    return respond(
      agent,
      audit.verdict ?? verdict,
      request.event,
      withNote(problemsNote(bundle.problems), audit.note),
    );
  }
  // preflight answers every other kind.
  return respond(agent, PASS_VERDICT('nothing to assess'), request.event);
}

/** The whole hook: never throws; an internal error blocks the call with the reason. */
export async function answerHook(
  agent: AgentId,
  raw: string,
  ctx: HookContext,
  provider: PolicyProvider,
): Promise<HookResponse> {
  const first = preflight(agent, raw, ctx);
  if ('response' in first) return first.response;
  try {
    return await decideRequest(first.request, ctx, provider);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const verdict: HookVerdict = {
      outcome: 'deny',
      userMessage: clip(
        `Interlock failed while checking this tool call (${message}); it was blocked to be safe.`,
      ),
      agentMessage: clip(
        `Interlock could not check this tool call (internal error: ${message}), so it was blocked. Tell the user; do not work around it.`,
      ),
    };
    return respond(agent, verdict, first.request.event, `interlock hook: internal error: ${message}\n`);
  }
}
