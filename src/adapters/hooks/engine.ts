import { userInfo } from 'node:os';
import { posix } from 'node:path';
import type { PipelineRuntime, Proposal } from '../../app/evaluate.js';
import { evaluate } from '../../app/evaluate.js';
import { run } from '../../app/pipeline.js';
import type { Runtime } from '../../app/runtime.js';
import type { LoadedPolicies } from '../../app/policies.js';
import type { Principal } from '../../core/decide.js';
import type { ShellParser } from '../../shell/syntax.js';
import { localFacts } from '../local-facts.js';
import { ADAPTERS } from './index.js';
import { preflight as preflightWith, respondWith, sensitiveChanges, type HookContext } from './preflight.js';
import {
  clip,
  PASS_VERDICT,
  VENDORS,
  type AgentId,
  type HookRequest,
  type HookResponse,
  type HookVerdict,
} from './types.js';
import { verdictFromDecision } from './verdict.js';
import { finalVerdict, productionScoped } from './final-verdict.js';
import { ownCliArgv } from '../broker/own-cli.js';
import { brokerRouteOf, brokerVerdict, isBrokerInvocation, routesToBroker } from './broker-route.js';

// The hook's decision procedure, shared by the hook process and the daemon: parse the agent's payload,
// answer what needs no policy at once (read-only tools, ordinary file edits), and ask the policies about
// the rest. Parsers and policies come from a provider: loaded per process, or cached by the daemon.

/** Policies alone (no shell parser): what file edits and MCP calls need. */
export type PolicyBundle = LoadedPolicies;

export interface PolicyProvider {
  /** Parsers and policies, for shell commands. */
  runtime(cwd: string, env: Record<string, string>): Promise<Runtime>;
  /** Policies alone, for file edits and MCP calls (no shell parser needed). */
  policies(cwd: string, env: Record<string, string>): Promise<PolicyBundle>;
}

/**
 * Loads what a call needs in this process; nothing for read-only tools. `remember: false` when the
 * verdict memo on disk is the agent's user's to edit and Interlock runs as its own user (system mode).
 */
export function inProcessProvider(options: { remember?: boolean } = {}): PolicyProvider {
  const rememberVerdicts = options.remember !== false;
  return {
    async runtime(cwd, env) {
      const { loadRuntime } = await import('../../app/runtime.js');
      return loadRuntime({ cwd, env, eagerSql: false, rememberVerdicts });
    },
    async policies(cwd, env) {
      const { loadPolicies } = await import('../../app/policies.js');
      return loadPolicies({ cwd, env, rememberVerdicts });
    },
  };
}

/** What a hook decides alone may not reach production: set when Interlock's own daemon was expected. */
export interface HookGuard {
  /** Why its daemon did not answer; production-scoped changes are then denied. */
  daemonMissing?: string;
}

function daemonMissingVerdict(reason: string): HookVerdict {
  return {
    outcome: 'deny',
    userMessage: clip(
      `Interlock blocked this production-scoped call: Interlock runs as its own user here, and its daemon did not answer (${reason}).`,
    ),
    agentMessage: clip(
      `Interlock's daemon is not available (${reason}), so production-scoped actions are blocked. Tell the user (sudo interlock setup --system restarts it); do not work around it.`,
    ),
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

function respond(agent: AgentId, verdict: HookVerdict, event?: string, stderr?: string): HookResponse {
  return respondWith(ADAPTERS[agent], verdict, event, stderr);
}

function preflight(agent: AgentId, raw: string, ctx: HookContext) {
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

function problemsNote(problems: readonly string[]): string | undefined {
  return problems.length
    ? problems
        .map((p) => `interlock: ${p} (production-scoped actions are denied until this is fixed)\n`)
        .join('')
    : undefined;
}

const withNote = (a: string | undefined, b: string) => (a ?? '') + b || undefined;

interface Proposed {
  proposal: Proposal;
  what: string;
  rt: PipelineRuntime;
  /** The bash parser, for shell commands (what the broker's route reads the words with). */
  parser?: ShellParser;
  cwd: string;
}

/** The proposal a tool call makes, what to call it in messages, and what must be loaded to decide it. */
async function proposalOf(
  request: HookRequest,
  ctx: HookContext,
  provider: PolicyProvider,
): Promise<Proposed | undefined> {
  const { call } = request;
  switch (call.kind) {
    case 'shell': {
      const rt = await provider.runtime(call.cwd, ctx.env);
      return {
        proposal: { kind: 'shell', command: call.command },
        what: 'this command',
        rt,
        parser: rt.parser,
        cwd: call.cwd,
      };
    }
    case 'file-write': {
      const changes = sensitiveChanges(call.files, call.cwd, ctx.env).map(({ file, change }) => ({
        file,
        change: change.change,
      }));
      const names = changes.map((c) => posix.basename(c.file.path)).join(', ');
      return {
        proposal: { kind: 'file-write', tool: request.toolName, changes },
        what: `this change to ${clip(names, 200)}`,
        rt: await provider.policies(call.cwd, ctx.env),
        cwd: call.cwd,
      };
    }
    case 'mcp-call':
      // The parsers too: a tool may run a command line or SQL, judged as such (assess/mcp-call.ts).
      return {
        proposal: { kind: 'mcp-call', call },
        what: `this MCP call (${call.tool})`,
        rt: await provider.runtime(call.cwd, ctx.env),
        cwd: call.cwd,
      };
    case 'read-only':
    case 'not-assessed':
    case 'unknown':
      // preflight answers these without policies.
      return undefined;
  }
}

/** Decide a request that needs policies (shell commands, sensitive file edits, MCP calls). */
async function decideRequest(
  request: HookRequest,
  ctx: HookContext,
  provider: PolicyProvider,
  guard: HookGuard,
): Promise<HookResponse> {
  const { call, agent } = request;
  if (call.kind === 'shell' && call.command.trim() === '')
    return respond(
      agent,
      PASS_VERDICT('empty command'),
      request.event,
      'interlock hook: the command is empty\n',
    );
  const found = await proposalOf(request, ctx, provider);
  if (!found) return respond(agent, PASS_VERDICT('nothing to assess'), request.event);
  const cli = ownCliArgv();
  if (
    call.kind === 'shell' &&
    found.parser &&
    cli &&
    isBrokerInvocation(call.command, ctx.env, found.parser, cli)
  )
    return respond(agent, PASS_VERDICT('interlock run decides this itself (the broker)'), request.event);
  const routed = call.kind === 'shell' ? await brokerAnswer(request, ctx, found, guard) : undefined;
  if (routed) return routed;
  const facts = localFacts({ cwd: found.cwd, env: ctx.env });
  const final = await run(found.proposal, facts, principalOf(request, ctx), found.rt, {
    via: `hook:${agent}`,
    env: ctx.env,
  });
  const auditNote = final.audit.recorded ? '' : `interlock hook: ${final.audit.message}\n`;
  if (guard.daemonMissing && productionScoped(final))
    return respond(agent, daemonMissingVerdict(guard.daemonMissing), request.event, auditNote || undefined);
  return respond(
    agent,
    finalVerdict(final, found.what),
    request.event,
    withNote(problemsNote(found.rt.problems), auditNote),
  );
}

/**
 * A production change the broker covers, which policy would let run (now or after approval): decided as the
 * broker will decide it (its words, its environment) and answered with the route to `interlock run`,
 * without asking the approval server, whose grant the broker must find unused. Undefined otherwise.
 */
async function brokerAnswer(
  request: HookRequest,
  ctx: HookContext,
  found: Proposed,
  guard: HookGuard,
): Promise<HookResponse | undefined> {
  // Without this installation's own CLI path there is nothing safe to rewrite to: decided as usual.
  const cli = ownCliArgv();
  const route =
    request.call.kind === 'shell' && found.parser && cli
      ? brokerRouteOf(request.call.command, ctx.env, found.parser, cli)
      : undefined;
  if (!route || guard.daemonMissing) return undefined;
  const proposal = { kind: 'shell' as const, command: route.command };
  const facts = localFacts({ cwd: found.cwd, env: route.env });
  const principal = principalOf(request, ctx);
  if (!routesToBroker(await evaluate(proposal, facts, principal, found.rt))) return undefined;
  const final = await run(proposal, facts, principal, found.rt, {
    via: `hook:${request.agent}`,
    env: ctx.env,
    connection: null,
  });
  const note = final.audit.recorded ? undefined : `interlock hook: ${final.audit.message}\n`;
  const verdict =
    final.outcome === 'deny'
      ? finalVerdict(final, 'this command')
      : brokerVerdict(ADAPTERS[request.agent], route, final);
  return respond(request.agent, verdict, request.event, note);
}

/**
 * Decide `raw` as `answerHook` would, but record nothing and answer nothing: the daemon runs one call per
 * agent through this before it listens, so that its first real call does not pay for compiling the
 * policies and for the first runs of the code. Never throws (a failure shows again on a real call).
 */
export async function rehearse(
  agent: AgentId,
  raw: string,
  ctx: HookContext,
  provider: PolicyProvider,
): Promise<void> {
  try {
    const first = preflight(agent, raw, ctx);
    if ('response' in first) return;
    const found = await proposalOf(first.request, ctx, provider);
    if (!found) return;
    const { request } = first;
    const cli = ownCliArgv();
    if (request.call.kind === 'shell' && found.parser && cli) {
      isBrokerInvocation(request.call.command, ctx.env, found.parser, cli);
      brokerRouteOf(request.call.command, ctx.env, found.parser, cli);
    }
    const facts = localFacts({ cwd: found.cwd, env: ctx.env });
    const evaluation = await evaluate(found.proposal, facts, principalOf(request, ctx), found.rt);
    const verdict = verdictFromDecision(evaluation.decision, evaluation.assessment.effects, found.what);
    respond(agent, verdict, request.event);
  } catch {
    // a real call meets it again, and answers it
  }
}

/** The whole hook: never throws; an internal error blocks the call with the reason. */
export async function answerHook(
  agent: AgentId,
  raw: string,
  ctx: HookContext,
  provider: PolicyProvider,
  guard: HookGuard = {},
): Promise<HookResponse> {
  const first = preflight(agent, raw, ctx);
  if ('response' in first) return first.response;
  try {
    return await decideRequest(first.request, ctx, provider, guard);
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
